/**
 * The evidence pack (证据包, issue 11): a ZIP that unzips (with our own reader and with fflate),
 * whose manifest's hashes match its files, whose ledger lines re-hash to their hashes and chain,
 * with each order's records (PNG + PDF) and evidence; an altered or missing stored file fails
 * the pack naming it; date ranges, the empty range and the cap.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, unlinkSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { listZip } from '../../main/core/io/zip';
import { chromiumRenderer } from '../../main/core/render/chromium';
import { makePack, PACK_MAX_ORDERS } from '../../main/core/services/evidence/pack';
import { canonicalJson, type RecordFacts } from '../../main/core/services/evidence/record-data';
import { evidencePath } from '../../main/core/services/evidence/store';
import { AppError, type ErrorCode } from '../../shared/errors';
import { addEvidenceRows } from '../helpers/evidence-rows';
import { png, pdf } from '../fixtures/evidence';
import { useTempDirs } from '../helpers/data-dir';
import { deliveredShop } from '../helpers/delivered-shop';
import { pdfText } from '../helpers/pdf-text';

const tempDir = useTempDirs();
const renderer = chromiumRenderer();
afterAll(() => renderer.close!());

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const text = (b: Uint8Array) => new TextDecoder().decode(b);

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try { await p; } catch (e) { if (e instanceof AppError) return e; throw e; }
  throw new Error('not refused');
}

interface Manifest {
  shop: { name: string }; mask: string;
  orders: { orderNo: string; code: string; files: string[]; facts: RecordFacts }[];
  files: { path: string; bytes: number; sha256: string }[];
  ledger: { entries: number; head: { id: number; hash: string } };
}
interface LedgerLine { id: number; at: string; shop_id: number | null; event: string; subject: string; detail: string; prev_hash: string; hash: string }

function shop(count = 12) {
  const dir = tempDir();
  const s = deliveredShop(dir, { count });
  const orderNo = s.exported[1];
  const files = [
    { name: '官网充值截图.png', bytes: png({ seed: 3, width: 64, height: 40 }), mime: 'image/png' as const, kind: 'official' as const },
    { name: '聊天记录.png', bytes: png({ seed: 4, width: 64, height: 40 }), mime: 'image/png' as const, kind: 'chat' as const },
    { name: '供应商凭证.pdf', bytes: pdf('r-1'), mime: 'application/pdf' as const, kind: 'supplier' as const },
  ];
  const ids = addEvidenceRows(s.db, dir, s.shopId, orderNo, files);
  return { ...s, dir, orderNo, files, ids };
}

/** Opens a pack and checks what every pack must hold: the manifest lists every other entry with its true size and hash. */
function openPack(bytes: Uint8Array): { entries: Record<string, Uint8Array>; manifest: Manifest; ledger: LedgerLine[] } {
  const entries = unzipSync(bytes);
  const manifest = JSON.parse(text(entries['manifest.json'])) as Manifest;
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  expect(new Set(Object.keys(entries))).toEqual(new Set([...listed.keys(), 'manifest.json']));
  for (const [path, f] of listed) {
    expect(entries[path].byteLength, path).toBe(f.bytes);
    expect(sha(entries[path]), path).toBe(f.sha256);
  }
  const ledger = text(entries['ledger.jsonl']).split('\n').filter(Boolean).map((l) => JSON.parse(l) as LedgerLine);
  expect(ledger.length).toBe(manifest.ledger.entries);
  return { entries, manifest, ledger };
}

/** The formula 说明.txt gives a third party, applied to one line. */
const rehash = (l: LedgerLine) => createHash('sha256').update(JSON.stringify([l.prev_hash, l.at, l.shop_id, l.event, l.subject, l.detail])).digest('hex');

describe('a pack of one order', () => {
  it('unzips into the order’s folder, records and evidence, with a manifest whose hashes match', async () => {
    const s = shop();
    const r = await makePack(s.db, s.dir, renderer, { shopId: s.shopId, orderNo: s.orderNo });
    expect(r.name).toBe(`证据包-默认店铺-${s.orderNo}.zip`);
    expect(r.orders).toBe(1);
    const { entries, manifest } = openPack(r.bytes);
    expect(r.files).toBe(Object.keys(entries).length);
    // Deterministic order: the explanation, the manifest, the ledger, then the order's folder.
    expect(listZip(r.bytes, r.name, 'zip').map((e) => e.name)).toEqual([
      '说明.txt', 'manifest.json', 'ledger.jsonl',
      `${s.orderNo}/发货凭证-${s.orderNo}.png`, `${s.orderNo}/发货凭证-${s.orderNo}.pdf`,
      ...s.files.map((f) => `${s.orderNo}/${f.name}`),
    ]);
    for (const f of s.files) expect(sha(entries[`${s.orderNo}/${f.name}`])).toBe(sha(f.bytes));
    const png = entries[`${s.orderNo}/发货凭证-${s.orderNo}.png`];
    expect([...png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    const pdf = entries[`${s.orderNo}/发货凭证-${s.orderNo}.pdf`];
    expect(text(pdf.subarray(0, 5))).toBe('%PDF-');
    const order = manifest.orders[0];
    expect(order.orderNo).toBe(s.orderNo);
    expect(pdfText(pdf).replace(/\s+/g, '')).toContain(order.code);
    expect(pdfText(pdf).replace(/\s+/g, '')).toContain(order.facts.ledger!.hash);
    expect(order.files).toEqual([`${s.orderNo}/发货凭证-${s.orderNo}.png`, `${s.orderNo}/发货凭证-${s.orderNo}.pdf`, ...s.files.map((f) => `${s.orderNo}/${f.name}`)]);
    expect(manifest.mask).toBe('masked');
    const head = s.db.prepare('SELECT id, hash FROM ledger ORDER BY id DESC LIMIT 1').get();
    expect(manifest.ledger.head).toEqual(head);
  });

  it('names the Chinese entries as UTF-8, with the flag that tells Windows so', async () => {
    const s = shop();
    const r = await makePack(s.db, s.dir, renderer, { shopId: s.shopId, orderNo: s.orderNo });
    const b = Buffer.from(r.bytes);
    let at = b.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    let seen = 0;
    while (at >= 0) {
      const flags = b.readUInt16LE(at + 8);
      const nameLen = b.readUInt16LE(at + 28);
      const name = b.subarray(at + 46, at + 46 + nameLen).toString('utf8');
      if (/[^\x20-\x7e]/.test(name)) { expect(flags & 0x800, name).toBe(0x800); seen++; }
      // Made on Unix (mode 0644): Info-ZIP's unzip reads "MS-DOS" names as code page 437 despite the flag.
      expect(b[at + 5], name).toBe(3);
      expect(b.readUInt32LE(at + 38) >>> 16, name).toBe(0o100644);
      at = b.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 46 + nameLen);
    }
    expect(seen).toBeGreaterThanOrEqual(6);
  });

  it('holds the ledger entries of the order, each re-hashing to its hash, linked to the entry before it', async () => {
    const s = shop();
    const r = await makePack(s.db, s.dir, renderer, { shopId: s.shopId, orderNo: s.orderNo });
    const { manifest, ledger } = openPack(r.bytes);
    const events = ledger.map((l) => l.event);
    expect(events).toContain('delivery');
    expect(events).toContain('export');
    expect(events).toContain('evidence.add');
    const delivery = ledger.find((l) => l.event === 'delivery')!;
    expect(delivery.id).toBe(manifest.orders[0].facts.ledger!.id);
    expect(delivery.hash).toBe(manifest.orders[0].facts.ledger!.hash);
    expect((JSON.parse(delivery.detail) as { deliveries: { orderNo: string }[] }).deliveries.map((d) => d.orderNo)).toContain(s.orderNo);
    const prevOf = s.db.prepare('SELECT hash FROM ledger WHERE id < ? ORDER BY id DESC LIMIT 1').pluck();
    for (const [i, l] of ledger.entries()) {
      expect(rehash(l), `ledger ${l.id}`).toBe(l.hash);
      expect(l).toEqual(s.db.prepare('SELECT id, at, shop_id, event, subject, detail, prev_hash, hash FROM ledger WHERE id = ?').get(l.id));
      expect(l.prev_hash).toBe((prevOf.get(l.id) as string | undefined) ?? '');
      if (i > 0) {
        expect(l.id).toBeGreaterThan(ledger[i - 1].id);
        if (l.id === ledger[i - 1].id + 1) expect(l.prev_hash).toBe(ledger[i - 1].hash);
      }
    }
    // An entry of another order's evidence stays out.
    addEvidenceRows(s.db, s.dir, s.shopId, s.exported[5], [{ name: 'other.png', bytes: png({ seed: 9, width: 64, height: 40 }), mime: 'image/png', kind: 'other' }]);
    const again = openPack((await makePack(s.db, s.dir, renderer, { shopId: s.shopId, orderNo: s.orderNo })).bytes);
    expect(again.ledger.filter((l) => l.event === 'evidence.add')).toHaveLength(1);
  });

  it('lets a third party recompute each record’s verification code from the manifest, as 说明.txt says', async () => {
    const s = shop();
    const r = await makePack(s.db, s.dir, renderer, { shopId: s.shopId, orderNo: s.orderNo });
    const { entries, manifest } = openPack(r.bytes);
    const readme = text(entries['说明.txt']);
    for (const want of ['certutil -hashfile', 'shasum -a 256', 'JSON.stringify([prev_hash, at, shop_id, event, subject, detail])', 'Base32', manifest.orders[0].code]) expect(readme).toContain(want);
    const o = manifest.orders[0];
    const digest = createHash('sha256').update(canonicalJson(o.facts)).digest();
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    const bits = [...digest].map((b) => b.toString(2).padStart(8, '0')).join('');
    const code = Array.from({ length: 12 }, (_, i) => alphabet[parseInt(bits.slice(i * 5, i * 5 + 5), 2)]).join('');
    expect(o.code).toBe(`${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`);
  });

  it('leaves hidden evidence out and keeps secrets out of everything but a full pack’s records', async () => {
    const s = shop();
    s.db.prepare("UPDATE evidence SET hidden_at = '2026-11-21T10:00:00+08:00', hidden_reason = '重复' WHERE id = ?").run(s.ids[1]);
    const { entries } = openPack((await makePack(s.db, s.dir, renderer, { shopId: s.shopId, orderNo: s.orderNo })).bytes);
    expect(Object.keys(entries)).not.toContain(`${s.orderNo}/聊天记录.png`);
    expect(Object.keys(entries)).toContain(`${s.orderNo}/官网充值截图.png`);
    const secrets = (s.db.prepare(`SELECT i.code FROM allocations a JOIN stock_items i ON i.id = a.item_id JOIN orders o ON o.id = a.order_id WHERE o.order_no = ?`).pluck().all(s.orderNo) as string[]);
    expect(secrets.length).toBeGreaterThan(0);
    const pdfOf = (e: Record<string, Uint8Array>) => pdfText(e[`${s.orderNo}/发货凭证-${s.orderNo}.pdf`]).replace(/\s+/g, '');
    for (const name of ['manifest.json', 'ledger.jsonl', '说明.txt']) for (const secret of secrets) expect(text(entries[name])).not.toContain(secret);
    for (const secret of secrets) expect(pdfOf(entries)).not.toContain(secret);
    const full = openPack((await makePack(s.db, s.dir, renderer, { shopId: s.shopId, orderNo: s.orderNo, mask: 'full' })).bytes);
    for (const secret of secrets) {
      expect(pdfOf(full.entries)).toContain(secret);
      expect(text(full.entries['manifest.json'])).not.toContain(secret);
    }
  });
});

describe('a pack that cannot be made whole', () => {
  it('fails with EVIDENCE_FILE_ALTERED naming the file when a stored file changed', async () => {
    const s = shop();
    appendFileSync(evidencePath(s.dir, sha(s.files[1].bytes), 'image/png'), Buffer.from([0]));
    const e = await refusal(makePack(s.db, s.dir, renderer, { shopId: s.shopId, orderNo: s.orderNo }));
    expect(e.code).toBe('EVIDENCE_FILE_ALTERED');
    expect(e.file).toContain(sha(s.files[1].bytes));
    expect(e.message).toContain('聊天记录.png');
  });

  it('fails with EVIDENCE_FILE_MISSING when a stored file is gone', async () => {
    const s = shop();
    unlinkSync(evidencePath(s.dir, sha(s.files[2].bytes), 'application/pdf'));
    const e = await refusal(makePack(s.db, s.dir, renderer, { shopId: s.shopId, orderNo: s.orderNo }));
    expect(e.code).toBe('EVIDENCE_FILE_MISSING');
    expect(e.message).toContain('供应商凭证.pdf');
  });

  it('refuses an order never exported, and has no renderer to use', async () => {
    const s = shop();
    expect((await refusal(makePack(s.db, s.dir, renderer, { shopId: s.shopId, orderNo: '000000-000000000000000' }))).code).toBe('ORDER_NOT_FOUND' satisfies ErrorCode);
    expect((await refusal(makePack(s.db, s.dir, undefined, { shopId: s.shopId, orderNo: s.orderNo }))).code).toBe('RENDERER_UNAVAILABLE');
  });
});

describe('a pack of a date range', () => {
  it('holds every order exported on those days (Beijing), each in its folder', async () => {
    const s = shop(6);
    const day = s.record.at.slice(0, 10);
    const r = await makePack(s.db, s.dir, renderer, { shopId: s.shopId, from: day, to: day });
    expect(r.name).toBe(`证据包-默认店铺-${day.replace(/-/g, '')}-${day.replace(/-/g, '')}.zip`);
    expect(r.orders).toBe(s.exported.length);
    const { entries, manifest } = openPack(r.bytes);
    expect(new Set(manifest.orders.map((o) => o.orderNo))).toEqual(new Set(s.exported));
    for (const no of s.exported) {
      expect(entries[`${no}/发货凭证-${no}.png`]).toBeDefined();
      expect(entries[`${no}/发货凭证-${no}.pdf`]).toBeDefined();
    }
    expect(Object.keys(entries).filter((k) => k.endsWith('.png') && !k.includes('发货凭证'))).toHaveLength(2);
  });

  it('is PACK_NOTHING when no order was exported in the range', async () => {
    const s = shop(6);
    expect((await refusal(makePack(s.db, s.dir, renderer, { shopId: s.shopId, from: '2020-01-01', to: '2020-01-31' }))).code).toBe('PACK_NOTHING');
  });

  it(`is PACK_TOO_LARGE over ${PACK_MAX_ORDERS} orders, before anything is rendered`, async () => {
    const dir = tempDir();
    const s = deliveredShop(dir, { count: PACK_MAX_ORDERS + 40 });
    expect(s.exported.length).toBeGreaterThan(PACK_MAX_ORDERS);
    const day = s.record.at.slice(0, 10);
    const never = { render: () => Promise.reject(new Error('rendered')) };
    const e = await refusal(makePack(s.db, dir, never, { shopId: s.shopId, from: day, to: day }));
    expect(e.code).toBe('PACK_TOO_LARGE');
    expect(e.message).toContain(String(s.exported.length));
  });
});
