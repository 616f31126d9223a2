/**
 * The delivery record (发货凭证, issue 11): its facts come from the order, the export that carried
 * it and the ledger's delivery entry; the page (HTML, then PNG and PDF by the system's Chromium)
 * carries the export file's hash, the ledger entry's hash and the verification code, in Chinese;
 * masked records never hold the secret; full ones are recorded as a reveal.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { browserCandidates, chromiumRenderer, findBrowser } from '../../main/core/render/chromium';
import { deliveryRecord, deliveryRecordFile } from '../../main/core/services/evidence/record';
import { canonicalJson, type RecordFacts } from '../../main/core/services/evidence/record-data';
import { recordHtml } from '../../main/core/services/evidence/record-html';
import { importOrderFiles } from '../../main/core/services/import';
import { AppError, type ErrorCode } from '../../shared/errors';
import { toCsv } from '../fixtures/orders';
import { addEvidenceRows } from '../helpers/evidence-rows';
import { png, pdf } from '../fixtures/evidence';
import { laterExport } from '../fixtures/shipment';
import { codeShop } from '../helpers/code-shop';
import { useTempDirs } from '../helpers/data-dir';
import { deliveredShop } from '../helpers/delivered-shop';
import { pdfPageCount, pdfText } from '../helpers/pdf-text';

const tempDir = useTempDirs();
const renderer = chromiumRenderer();
afterAll(() => renderer.close!());

/** Where the rendered records are left for a person to look at. */
const LOOK_DIR = join(tmpdir(), 'vship-evidence-record');

function refusal(fn: () => unknown): ErrorCode {
  try { fn(); } catch (e) { if (e instanceof AppError) return e.code; throw e; }
  throw new Error('not refused');
}

async function refusalAsync(p: Promise<unknown>): Promise<ErrorCode> {
  try { await p; } catch (e) { if (e instanceof AppError) return e.code; throw e; }
  throw new Error('not refused');
}

/** The page's visible text: tags dropped, entities decoded. */
const htmlText = (html: string): string => html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The secret of each of the order's items, as the database holds it. */
function secretsOf(db: ReturnType<typeof deliveredShop>['db'], orderNo: string): string[] {
  return (db.prepare(`SELECT i.card_no, i.password, i.code, i.login FROM allocations a JOIN stock_items i ON i.id = a.item_id JOIN orders o ON o.id = a.order_id
    WHERE o.order_no = ? AND a.released_at IS NULL`).raw().all(orderNo) as string[][]).flat().filter((s) => s.length > 0);
}

/** An independent reading of the code's rule: base32 (RFC 4648) of SHA-256 over the canonical facts, 12 characters. */
function expectedCode(facts: RecordFacts): string {
  const digest = createHash('sha256').update(canonicalJson(facts)).digest();
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bits = [...digest].map((b) => b.toString(2).padStart(8, '0')).join('');
  const c = Array.from({ length: 12 }, (_, i) => alphabet[parseInt(bits.slice(i * 5, i * 5 + 5), 2)]).join('');
  return `${c.slice(0, 4)}-${c.slice(4, 8)}-${c.slice(8)}`;
}

function pngSize(b: Uint8Array): { width: number; height: number } {
  expect([...b.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(Buffer.from(b.subarray(12, 16)).toString('latin1')).toBe('IHDR');
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return { width: dv.getUint32(16), height: dv.getUint32(20) };
}

function shopWithEvidence() {
  const dir = tempDir();
  const s = deliveredShop(dir, { count: 12 });
  const orderNo = s.exported[2];
  const evidence = [
    { name: '官网充值截图 2026-11-20.png', bytes: png({ seed: 1, width: 64, height: 40 }), mime: 'image/png' as const, kind: 'official' as const, capturedAt: '2026-11-20T09:58:00+08:00' },
    { name: '供应商凭证.pdf', bytes: pdf('supplier 1'), mime: 'application/pdf' as const, kind: 'supplier' as const },
  ];
  addEvidenceRows(s.db, dir, s.shopId, orderNo, evidence);
  return { ...s, dir, orderNo, evidence };
}

describe('the record’s facts', () => {
  it('come from the export that carried the order and the ledger entry that records it', () => {
    const s = shopWithEvidence();
    const r = deliveryRecord(s.db, s.dir, s.shopId, s.orderNo);
    const shipment = s.record.files.find((f) => f.kind === 'shipment')!;
    expect(r.facts.exportFile).toEqual({ name: shipment.name, sha256: shipment.sha256 });
    const entry = s.db.prepare("SELECT id, hash, detail FROM ledger WHERE event = 'delivery' AND subject = ?").get(`file:${shipment.sha256}`) as { id: number; hash: string; detail: string };
    expect(r.facts.ledger).toEqual({ id: entry.id, hash: entry.hash });
    expect(r.facts.delivery).toEqual((JSON.parse(entry.detail) as { deliveries: { orderNo: string }[] }).deliveries.find((d) => d.orderNo === s.orderNo));
    const o = s.db.prepare('SELECT paid_at, exported_at, product_name, spec, quantity FROM orders WHERE order_no = ?').get(s.orderNo) as Record<string, string | number>;
    expect(r.facts).toMatchObject({ shop: '默认店铺', orderNo: s.orderNo, product: o.product_name, spec: o.spec, quantity: o.quantity, paidAt: o.paid_at, exportedAt: o.exported_at, shippedAt: null });
    expect(r.facts.filledAt).toMatch(/^\d{4}-\d\d-\d\dT.*\+08:00$/);
    expect(r.evidence.map((e) => e.name)).toEqual(s.evidence.map((e) => e.name));
    expect(r.facts.evidence.map((e) => e.sha256)).toEqual(s.evidence.map((e) => createHash('sha256').update(e.bytes).digest('hex')));
    expect(r.code).toBe(expectedCode(r.facts));
    expect(r.code).toMatch(/^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/);
    // No secret among the facts a pack publishes.
    for (const secret of secretsOf(s.db, s.orderNo)) expect(JSON.stringify(r.facts)).not.toContain(secret);
  });

  it('gives another code when a fact changes (evidence added), the same code masked or in full', () => {
    const s = shopWithEvidence();
    const before = deliveryRecord(s.db, s.dir, s.shopId, s.orderNo);
    expect(deliveryRecord(s.db, s.dir, s.shopId, s.orderNo, 'full').code).toBe(before.code);
    addEvidenceRows(s.db, s.dir, s.shopId, s.orderNo, [{ name: '聊天记录.png', bytes: png({ seed: 7, width: 64, height: 40 }), mime: 'image/png', kind: 'chat' }]);
    expect(deliveryRecord(s.db, s.dir, s.shopId, s.orderNo).code).not.toBe(before.code);
  });

  it('shows when the order was seen shipped in the next order export', () => {
    const s = shopWithEvidence();
    const later = laterExport(s.table, { shipped: [s.orderNo] });
    process.env.VSHIP_NOW = '2026-12-20T10:00:00+08:00';
    try {
      importOrderFiles(s.db, s.shopId, [{ name: 'later.csv', bytes: toCsv(later) }], { shipPromiseHours: 48 });
    } finally {
      delete process.env.VSHIP_NOW;
    }
    const r = deliveryRecord(s.db, s.dir, s.shopId, s.orderNo);
    const seen = s.db.prepare("SELECT c.seen_at FROM order_changes c JOIN orders o ON o.id = c.order_id WHERE o.order_no = ? AND c.field = 'shipState' AND c.after = 'shipped'").pluck().get(s.orderNo) as string;
    expect(seen).toBeTruthy();
    expect(r.facts.shippedAt).toBe(seen);
    expect(htmlText(recordHtml(r, 'test'))).toContain(seen.replace('T', ' ').slice(0, 19));
  });

  it('is refused for an order never exported (ORDER_NOT_DELIVERED) and for an unknown one (ORDER_NOT_FOUND)', () => {
    const s = shopWithEvidence();
    expect(refusal(() => deliveryRecord(s.db, s.dir, s.shopId, '000000-000000000000000'))).toBe('ORDER_NOT_FOUND');
    const dir = tempDir();
    const waiting = codeShop(dir, s.table, (_k, w) => w);
    expect(refusal(() => deliveryRecord(waiting.db, dir, waiting.shopId, s.orderNo))).toBe('ORDER_NOT_DELIVERED');
  });
});

describe('the record’s page', () => {
  it('carries the hashes, the code, the items masked and the message with its secrets masked', () => {
    const s = shopWithEvidence();
    const r = deliveryRecord(s.db, s.dir, s.shopId, s.orderNo);
    const html = recordHtml(r, 'test');
    const text = htmlText(html);
    for (const want of [s.orderNo, r.facts.exportFile.sha256, r.facts.ledger!.hash, r.code, '发货凭证', ...r.facts.evidence.map((e) => e.sha256), '官网充值截图 2026-11-20.png', '官网截图', '供应商凭证']) expect(text).toContain(want);
    const secrets = secretsOf(s.db, s.orderNo);
    expect(secrets.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(html).not.toContain(secret);
    expect(r.message).toContain(s.orderNo);
    expect(r.message).toContain('****');
    expect(html).not.toMatch(/<script|https?:\/\//i);
  });

  it('shows the items in full only when asked, and records that as a reveal', () => {
    const s = shopWithEvidence();
    const reveals = () => s.db.prepare("SELECT count(*) FROM ledger WHERE event = 'reveal'").pluck().get() as number;
    const before = reveals();
    const masked = recordHtml(deliveryRecord(s.db, s.dir, s.shopId, s.orderNo), 'test');
    expect(reveals()).toBe(before);
    const full = recordHtml(deliveryRecord(s.db, s.dir, s.shopId, s.orderNo, 'full'), 'test');
    expect(reveals()).toBe(before + 1);
    const entry = s.db.prepare("SELECT subject, detail FROM ledger WHERE event = 'reveal' ORDER BY id DESC LIMIT 1").get() as { subject: string; detail: string };
    expect(entry.subject).toBe(`record:${s.orderNo}`);
    for (const secret of secretsOf(s.db, s.orderNo)) {
      expect(full).toContain(secret);
      expect(masked).not.toContain(secret);
      expect(entry.detail).not.toContain(secret);
    }
  });

  it('renders to a PNG of twice 800 px, whole page, and a PDF on A4 that says the same, in Chinese', async () => {
    const s = shopWithEvidence();
    const png = await deliveryRecordFile(s.db, s.dir, renderer, { shopId: s.shopId, orderNo: s.orderNo, format: 'png' });
    const pdf = await deliveryRecordFile(s.db, s.dir, renderer, { shopId: s.shopId, orderNo: s.orderNo, format: 'pdf' });
    mkdirSync(LOOK_DIR, { recursive: true });
    writeFileSync(join(LOOK_DIR, png.name), png.bytes);
    writeFileSync(join(LOOK_DIR, pdf.name), pdf.bytes);
    expect(png.name).toBe(`发货凭证-${s.orderNo}.png`);
    expect(pdf.name).toBe(`发货凭证-${s.orderNo}.pdf`);
    const size = pngSize(png.bytes);
    expect(size.width).toBe(1600);
    expect(size.height).toBeGreaterThan(1600);
    expect(size.height).toBeLessThan(8000);

    expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(pdf.bytes)).toBeGreaterThanOrEqual(1);
    expect(pdfPageCount(pdf.bytes)).toBeLessThanOrEqual(3);
    const r = deliveryRecord(s.db, s.dir, s.shopId, s.orderNo);
    // Noto CJK's ToUnicode maps some characters to their Kangxi radicals (⽂ for 文): NFKC folds them back.
    const text = pdfText(pdf.bytes).normalize('NFKC');
    const flat = text.replace(/\s+/g, '');
    for (const want of [r.facts.exportFile.sha256, r.facts.ledger!.hash, r.code, s.orderNo, ...r.facts.evidence.map((e) => e.sha256)]) expect(flat).toContain(want);
    for (const want of ['发货凭证', '订单号', '校验码', '发货消息', '台账记录哈希', '官网截图']) expect(text).toContain(want);
    for (const secret of secretsOf(s.db, s.orderNo)) expect(flat).not.toContain(secret);
  });

  it('has no renderer: RENDERER_UNAVAILABLE, naming where it looked', async () => {
    const s = shopWithEvidence();
    expect(await refusalAsync(deliveryRecordFile(s.db, s.dir, undefined, { shopId: s.shopId, orderNo: s.orderNo, format: 'png' }))).toBe('RENDERER_UNAVAILABLE');
    // A Windows machine without Edge or Chrome (none of those paths exist here).
    const win = browserCandidates({ LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, 'win32');
    expect(win[0]).toMatch(/Microsoft.Edge.Application.msedge\.exe$/);
    expect(win.some((p) => /Google.Chrome.Application.chrome\.exe$/.test(p))).toBe(true);
    expect(refusal(() => findBrowser({}, 'win32'))).toBe('RENDERER_UNAVAILABLE');
    expect(findBrowser({ VSHIP_CHROMIUM: process.execPath }, 'linux')).toBe(process.execPath);
    // A program that is no browser: refused with the code, not an unexplained crash.
    const broken = chromiumRenderer({ VSHIP_CHROMIUM: process.execPath });
    expect(await refusalAsync(broken.render('<p>x</p>', 'png'))).toBe('RENDERER_UNAVAILABLE');
    await broken.close!();
  });
});
