/**
 * evidence.add, .list, .file, .hide, .update on a delivered shop: what is taken (by bytes, never
 * by name), what is refused (per file), what is stored once (by hash), what the ledger records,
 * and that one request is one transaction.
 */
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../main/core/db/open';
import { addEvidence, hideEvidence, updateEvidence } from '../../main/core/services/evidence/add';
import { evidenceFile, listEvidence } from '../../main/core/services/evidence/list';
import { evidenceRelPath } from '../../main/core/services/evidence/store';
import { verifyLedger } from '../../main/core/services/ledger';
import type { EvidenceAddResult } from '../../shared/domain';
import { bmp, damaged, gif, jpeg, pdf, png, screenshotNames, webp } from '../fixtures/evidence';
import { useTempDirs } from '../helpers/data-dir';
import { deliveredShop } from '../helpers/delivered-shop';

const tempDir = useTempDirs();

/** Every file under <dir>/evidence. */
function storedFiles(dir: string): string[] {
  const root = join(dir, 'evidence');
  try {
    return readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  } catch { return []; }
}

const ledger = (db: Db, event: string) => (db.prepare('SELECT subject, detail FROM ledger WHERE event = ? ORDER BY id').all(event) as { subject: string; detail: string }[])
  .map((r) => ({ subject: r.subject, detail: JSON.parse(r.detail) as Record<string, unknown> }));

function shop() {
  const dir = tempDir();
  const s = deliveredShop(dir);
  const add = (orderNo: string, files: { name: string; bytes: Uint8Array; modifiedAt?: number }[], more: { kind?: 'official' | 'chat' | 'supplier' | 'delivery' | 'other'; note?: string } = {}): Promise<EvidenceAddResult> =>
    addEvidence(s.db, dir, { shopId: s.shopId, orderNo, files, ...more });
  return { dir, ...s, add };
}

describe('evidence.add: types by bytes', () => {
  it('takes PNG, JPEG, WebP, BMP, GIF and PDF, each by its bytes, and stores it under its hash', async () => {
    const { dir, exported, add, db } = shop();
    const r = await add(exported[0]!, [
      { name: 'a.png', bytes: png() }, { name: 'b.jpg', bytes: jpeg() }, { name: 'c.webp', bytes: webp() },
      { name: 'd.bmp', bytes: bmp() }, { name: 'e.gif', bytes: gif() }, { name: '供应商凭证.pdf', bytes: pdf() },
    ]);
    expect(r.refused).toEqual([]);
    expect(r.added.map((i) => i.mime)).toEqual(['image/png', 'image/jpeg', 'image/webp', 'image/bmp', 'image/gif', 'application/pdf']);
    for (const i of r.added) {
      expect(i.stored).toBe(true);
      expect(statSync(join(dir, evidenceRelPath(i.sha256, i.mime))).size).toBe(i.bytes);
      expect(i.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(i.addedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    }
    expect(storedFiles(dir)).toHaveLength(6);
    expect(db.prepare('SELECT COUNT(*) FROM evidence_files').pluck().get()).toBe(6);
  });

  it('refuses a .png that is a zip, a renamed exe, a text file, an empty file and one over 30 MB, each by name, and adds the others', async () => {
    const { exported, add, dir } = shop();
    const zip = damaged.zipAsPng(), exe = damaged.exeAsJpg(), text = damaged.textAsPng(), empty = damaged.empty(), big = damaged.tooLarge();
    const r = await add(exported[0]!, [zip, { name: 'ok.png', bytes: png() }, exe, text, empty, big]);
    expect(r.added.map((i) => i.name)).toEqual(['ok.png']);
    expect(r.refused.map((x) => [x.name, x.code])).toEqual([
      [zip.name, 'EVIDENCE_NOT_ALLOWED'], [exe.name, 'EVIDENCE_NOT_ALLOWED'], [text.name, 'EVIDENCE_NOT_ALLOWED'],
      [empty.name, 'EVIDENCE_EMPTY'], [big.name, 'EVIDENCE_TOO_LARGE'],
    ]);
    expect(r.refused[0]!.message).toContain(`文件「${zip.name}」`);
    expect(r.refused[0]!.message).toContain('只能添加图片');
    expect(r.refused[4]!.message).toContain('30 MB');
    expect(big.bytes.length).toBeGreaterThan(30 * 1024 * 1024);
    expect(storedFiles(dir)).toHaveLength(1);
  });

  it('takes a real JPEG named .png as a JPEG, and a PNG cut short (signature right, IEND missing) as a PNG', async () => {
    const { exported, add } = shop();
    const cut = damaged.truncatedPng();
    const r = await add(exported[0]!, [{ name: '到账截图.png', bytes: jpeg() }, cut]);
    expect(r.refused).toEqual([]);
    expect(r.added.map((i) => [i.name, i.mime])).toEqual([['到账截图.png', 'image/jpeg'], [cut.name, 'image/png']]);
  });

  it('refuses the whole request for an order the shop does not have (nothing stored)', async () => {
    const { add, dir, db } = shop();
    await expect(add('260101-999999999999999', [{ name: 'a.png', bytes: png() }])).rejects.toMatchObject({ code: 'ORDER_NOT_FOUND' });
    expect(storedFiles(dir)).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) FROM evidence').pluck().get()).toBe(0);
  });
});

describe('evidence.add: what each item records', () => {
  it('the capture time from EXIF (a Beijing wall-clock time), from PNG metadata, else the file time', async () => {
    const { exported, add } = shop();
    const modifiedAt = Date.parse('2026-11-29T08:00:00+08:00');
    const r = await add(exported[0]!, [
      { name: 'exif.jpg', bytes: jpeg({ exif: { dateTimeOriginal: '2026:11:28 15:30:12' } }), modifiedAt },
      { name: 'ctime.png', bytes: png({ text: { 'Creation Time': '2026:11:28 16:00:00' }, time: '2026-11-28T10:00:00Z' }), modifiedAt },
      { name: 'time.png', bytes: png({ time: '2026-11-28T10:00:00Z', seed: 2 }), modifiedAt },
      { name: 'bare.png', bytes: png({ seed: 3 }), modifiedAt },
      { name: 'nothing.png', bytes: png({ seed: 4 }) },
    ]);
    expect(r.added.map((i) => [i.name, i.capturedAt, i.capturedFrom])).toEqual([
      ['exif.jpg', '2026-11-28T15:30:12+08:00', 'exif'],
      ['ctime.png', '2026-11-28T16:00:00+08:00', 'png'],
      ['time.png', '2026-11-28T18:00:00+08:00', 'png'],
      ['bare.png', '2026-11-29T08:00:00+08:00', 'file'],
      ['nothing.png', null, null],
    ]);
  });

  it('the kind from the name unless given (官网/充值/到账 → 官网截图, 聊天/微信 → 聊天记录, 供应商/进货 → 供应商凭证, else 其他), and the note', async () => {
    const { exported, add } = shop();
    const o = exported[0]!;
    const r = await add(o, [
      { name: screenshotNames.merchant(o), bytes: png({ seed: 11 }) },
      { name: screenshotNames.wechat(), bytes: png({ seed: 12 }) },
      { name: '供应商进货单.pdf', bytes: pdf('supplier 1') },
      { name: 'Screenshot 2026-11-28 153012.png', bytes: png({ seed: 13 }) },
      { name: '聊天记录 充值问题.png', bytes: png({ seed: 14 }) },
    ]);
    expect(r.added.map((i) => i.kind)).toEqual(['official', 'chat', 'supplier', 'other', 'chat']);
    const given = await add(o, [{ name: '官网.png', bytes: png({ seed: 15 }) }], { kind: 'delivery', note: '客户要求补发凭证' });
    expect(given.added[0]).toMatchObject({ kind: 'delivery', note: '客户要求补发凭证', source: 'drop' });
  });

  it('one ledger entry per request, naming every file by hash, never a secret', async () => {
    const { exported, add, db } = shop();
    const r = await add(exported[0]!, [{ name: 'a.png', bytes: png({ seed: 21 }) }, { name: 'b.jpg', bytes: jpeg({ seed: 22 }) }]);
    const entries = ledger(db, 'evidence.add');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.subject).toBe(`order:${exported[0]}`);
    expect(entries[0]!.detail).toEqual({ items: r.added.map((i) => ({ evidenceId: i.id, orderNo: exported[0], sha256: i.sha256, name: i.name, mime: i.mime, bytes: i.bytes, kind: i.kind })) });
    const secrets = db.prepare("SELECT password FROM stock_items WHERE password <> ''").pluck().all() as string[];
    const all = (db.prepare('SELECT detail FROM ledger').pluck().all() as string[]).join('\n');
    for (const s of secrets) expect(all).not.toContain(s);
    expect(verifyLedger(db)).toMatchObject({ ok: true });
  });
});

describe('evidence.add: the same file twice', () => {
  it('on the same order: reported as already there, stored once; on another order: a new item over the one stored file', async () => {
    const { exported, add, dir, db } = shop();
    const bytes = png({ seed: 31 });
    const first = await add(exported[0]!, [{ name: 'a.png', bytes }]);
    expect(first.added[0]!.stored).toBe(true);
    const again = await add(exported[0]!, [{ name: '改了名字.png', bytes }]);
    expect(again.added).toEqual([]);
    expect(again.already.map((i) => [i.id, i.name])).toEqual([[first.added[0]!.id, 'a.png']]);
    const other = await add(exported[1]!, [{ name: 'a.png', bytes }]);
    expect(other.added).toHaveLength(1);
    expect(other.added[0]).toMatchObject({ stored: false, sha256: first.added[0]!.sha256, orderNo: exported[1] });
    expect(storedFiles(dir)).toHaveLength(1);
    expect(db.prepare('SELECT COUNT(*) FROM evidence').pluck().get()).toBe(2);
    // Twice in one request: one item, the second reported as already there.
    const twice = await add(exported[2]!, [{ name: 'x.png', bytes: png({ seed: 32 }) }, { name: 'y.png', bytes: png({ seed: 32 }) }]);
    expect([twice.added.length, twice.already.length]).toEqual([1, 1]);
    expect(storedFiles(dir)).toHaveLength(2);
  });

  it('a hidden item added again is shown again, and the ledger records it', async () => {
    const { exported, add, db, shopId } = shop();
    const bytes = png({ seed: 33 });
    const { added: [item] } = await add(exported[0]!, [{ name: 'a.png', bytes }]);
    hideEvidence(db, shopId, item!.id, '传错了订单');
    expect(listEvidence(db, shopId, exported[0]!, false)).toEqual([]);
    const again = await add(exported[0]!, [{ name: 'a.png', bytes }]);
    expect(again.already[0]).toMatchObject({ id: item!.id, hidden: false, hiddenAt: null });
    expect(listEvidence(db, shopId, exported[0]!, false).map((i) => i.id)).toEqual([item!.id]);
    expect(ledger(db, 'evidence.add').at(-1)!.detail).toEqual({ items: [expect.objectContaining({ evidenceId: item!.id, shownAgain: true })] });
  });
});

describe('evidence.add is one transaction', () => {
  it('a request whose third file fails at its insert leaves no evidence row, no file row and no ledger entry', async () => {
    const { exported, add, db, dir } = shop();
    // The database refuses the third file's row, as a crash or a full disk would at that point.
    db.exec("CREATE TEMP TRIGGER refuse_third BEFORE INSERT ON evidence WHEN NEW.name = 'third.png' BEGIN SELECT RAISE(ABORT, 'refused'); END");
    const files = ['first.png', 'second.png', 'third.png', 'fourth.png'].map((name, i) => ({ name, bytes: png({ seed: 40 + i }) }));
    const ledgerBefore = db.prepare('SELECT COUNT(*) FROM ledger').pluck().get();
    await expect(add(exported[0]!, files)).rejects.toThrow('refused');
    expect(db.prepare('SELECT COUNT(*) FROM evidence').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM evidence_files').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM ledger').pluck().get()).toBe(ledgerBefore);
    // The bytes were written first: files no row names (verify reports them as unknown).
    expect(storedFiles(dir).length).toBeGreaterThan(0);
    db.exec('DROP TRIGGER refuse_third');
    const r = await add(exported[0]!, files);
    expect(r.added.map((i) => [i.name, i.stored])).toEqual(files.map((f) => [f.name, true]));
  });
});

describe('evidence.list, .file, .hide, .update', () => {
  it('lists oldest first; hides (the file stays, the ledger says why); hidden items only when asked', async () => {
    const { exported, add, db, shopId, dir } = shop();
    const o = exported[0]!;
    process.env.VSHIP_NOW = '2026-11-28T10:00:00+08:00';
    try {
      await add(o, [{ name: 'late.png', bytes: png({ seed: 51 }) }]);
      process.env.VSHIP_NOW = '2026-11-28T09:00:00+08:00';
      await add(o, [{ name: 'early.png', bytes: png({ seed: 52 }) }]);
    } finally { delete process.env.VSHIP_NOW; }
    const items = listEvidence(db, shopId, o, false);
    expect(items.map((i) => i.name)).toEqual(['early.png', 'late.png']);
    const hidden = hideEvidence(db, shopId, items[0]!.id, '不是这个订单的截图');
    expect(hidden).toMatchObject({ hidden: true, hiddenReason: '不是这个订单的截图' });
    expect(listEvidence(db, shopId, o, false).map((i) => i.name)).toEqual(['late.png']);
    expect(listEvidence(db, shopId, o, true).map((i) => i.name)).toEqual(['early.png', 'late.png']);
    expect(storedFiles(dir)).toHaveLength(2);
    expect(new Uint8Array(evidenceFile(db, dir, hidden.id).bytes)).toEqual(png({ seed: 52 }));
    expect(ledger(db, 'evidence.hide')).toEqual([{ subject: `evidence:${hidden.id}`, detail: { evidenceId: hidden.id, sha256: hidden.sha256, reason: '不是这个订单的截图' } }]);
    // Hiding it again changes nothing and records nothing.
    hideEvidence(db, shopId, hidden.id, '再次移除');
    expect(ledger(db, 'evidence.hide')).toHaveLength(1);
    expect(() => listEvidence(db, shopId, '260101-000000000000000', false)).toThrow(expect.objectContaining({ code: 'ORDER_NOT_FOUND' }));
  });

  it('updates kind and note, recorded in the ledger', async () => {
    const { exported, add, db, shopId } = shop();
    const { added: [item] } = await add(exported[0]!, [{ name: 'x.png', bytes: png({ seed: 61 }) }]);
    const u = updateEvidence(db, { shopId, id: item!.id, kind: 'official', note: '移动官网充值记录' });
    expect(u).toMatchObject({ kind: 'official', note: '移动官网充值记录' });
    expect(ledger(db, 'evidence.update')).toEqual([{ subject: `evidence:${item!.id}`, detail: { evidenceId: item!.id, kind: 'official', note: '移动官网充值记录' } }]);
    updateEvidence(db, { shopId, id: item!.id, kind: 'official' });
    expect(ledger(db, 'evidence.update')).toHaveLength(1);
    expect(() => updateEvidence(db, { shopId, id: 9999, note: 'x' })).toThrow(expect.objectContaining({ code: 'EVIDENCE_NOT_FOUND' }));
  });

  it('hands out a file only when its bytes still match its hash', async () => {
    const { exported, add, db, dir } = shop();
    const { added: [a, b] } = await add(exported[0]!, [{ name: 'a.png', bytes: png({ seed: 71 }) }, { name: 'b.jpg', bytes: jpeg({ seed: 72 }) }]);
    expect(evidenceFile(db, dir, a!.id)).toEqual({ name: 'a.png', mime: 'image/png', bytes: expect.any(Uint8Array) });
    const pathA = join(dir, evidenceRelPath(a!.sha256, a!.mime));
    const bytes = png({ seed: 71 });
    bytes[bytes.length - 20] ^= 1;
    writeFileSync(pathA, bytes);
    expect(() => evidenceFile(db, dir, a!.id)).toThrow(expect.objectContaining({ code: 'EVIDENCE_FILE_ALTERED' }));
    rmSync(join(dir, evidenceRelPath(b!.sha256, b!.mime)));
    expect(() => evidenceFile(db, dir, b!.id)).toThrow(expect.objectContaining({ code: 'EVIDENCE_FILE_MISSING' }));
    expect(() => evidenceFile(db, dir, 424242)).toThrow(expect.objectContaining({ code: 'EVIDENCE_NOT_FOUND' }));
  });
});
