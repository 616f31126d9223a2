/**
 * Each way of altering what VShip keeps, done the way someone with a file manager or a SQLite
 * editor would do it (the ledger's triggers dropped first), is found AND named by `verify`: the
 * exact problems, their subjects and their Chinese messages.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VerifyProblem } from '../../shared/domain';
import type { Db } from '../../main/core/db/open';
import { contentKey, itemContentHash } from '../../main/core/services/content';
import { evidenceRelPath } from '../../main/core/services/evidence/store';
import { verifyData } from '../../main/core/services/evidence/verify';
import { EXPORTS_DIR } from '../../main/core/services/export/files';
import { anchorLedgerHead, LEDGER_HEAD_FILE } from '../../main/core/services/ledger';
import { openCore } from '../../main/handlers';
import { addEvidenceRows, cardShop, forgeLedgerRow, pngBytes, tamper } from '../fixtures/verify';
import { useTempDirs } from '../helpers/data-dir';

const tempDir = useTempDirs();

/** A card shop filled and exported (gift cards with passwords), evidence on its first two orders, the head anchored; verified clean first. */
function ground() {
  const dir = tempDir();
  const s = cardShop(dir, { exported: true });
  const ev = addEvidenceRows(s.db, dir, s.shopId, s.orderNos[0], [1, 2]);
  addEvidenceRows(s.db, dir, s.shopId, s.orderNos[1], [3]);
  anchorLedgerHead(s.db);
  expect(verifyData(s.db, dir).problems).toEqual([]);
  return { dir, ...s, ev };
}

const problems = (db: Db, dir: string): VerifyProblem[] => {
  const r = verifyData(db, dir);
  expect(r.ok).toBe(r.problems.length === 0);
  return r.problems;
};

/** The order an item was delivered to and the item, by the order's position. */
function deliveredItem(db: Db, orderNo: string): number {
  return db.prepare('SELECT a.item_id FROM allocations a JOIN orders o ON o.id = a.order_id WHERE o.order_no = ? AND a.exported_at IS NOT NULL ORDER BY a.id LIMIT 1').pluck().get(orderNo) as number;
}
const ledgerId = (db: Db, event: string, nth = 0): number => (db.prepare('SELECT id FROM ledger WHERE event = ? ORDER BY id').pluck().all(event) as number[])[nth];
const lastId = (db: Db): number => db.prepare('SELECT max(id) FROM ledger').pluck().get() as number;

describe('verify finds and names', () => {
  it('one byte of a stored evidence file changed', () => {
    const { dir, db, ev } = ground();
    const rel = evidenceRelPath(ev[0].sha256, 'image/png');
    const bytes = readFileSync(join(dir, rel));
    bytes[bytes.length >> 1] ^= 0x01;
    writeFileSync(join(dir, rel), bytes);
    expect(problems(db, dir)).toEqual([{ code: 'EVIDENCE_FILE_ALTERED', subject: `evidence:${ev[0].sha256}`, message: `凭证文件 ${rel} 被改动（内容与存入时的校验值不符）` }]);
    db.close();
  });

  it('a stored evidence file deleted', () => {
    const { dir, db, ev } = ground();
    const rel = evidenceRelPath(ev[1].sha256, 'image/png');
    unlinkSync(join(dir, rel));
    expect(problems(db, dir)).toEqual([{ code: 'EVIDENCE_FILE_MISSING', subject: `evidence:${ev[1].sha256}`, message: `凭证文件 ${rel} 缺失` }]);
    db.close();
  });

  it('a file put into the evidence folder that VShip never stored, and an evidence row added without its ledger entry', () => {
    const { dir, db, shopId, orderNos } = ground();
    const bytes = pngBytes(99);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const rel = evidenceRelPath(sha, 'image/png');
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), bytes);
    expect(problems(db, dir)).toEqual([{ code: 'EVIDENCE_FILE_UNKNOWN', subject: `file:${rel}`, message: `凭证文件夹中的 ${rel} 不是 VShip 存入的（数据库中没有它的记录）` }]);
    // Now the rows too, by SQL: the file is known, the link has no evidence.add entry.
    tamper(dir, `INSERT INTO evidence_files (sha256, bytes, mime, stored_at) VALUES ('${sha}', ${bytes.length}, 'image/png', '');
      INSERT INTO evidence (shop_id, order_id, sha256, name, kind, source, added_at) SELECT ${shopId}, id, '${sha}', 'x.png', 'chat', 'drop', '' FROM orders WHERE order_no = '${orderNos[2]}'`);
    const id = db.prepare('SELECT max(id) FROM evidence').pluck().get() as number;
    expect(problems(db, dir)).toEqual([{ code: 'EVIDENCE_UNRECORDED', subject: `evidence:${id}`, message: `订单 ${orderNos[2]} 的凭证 #${id} 在台账中没有添加记录（不是 VShip 添加的）` }]);
    db.close();
  });

  it('a ledger row edited (triggers dropped first), with or without its hash recomputed', () => {
    const { dir, db } = ground();
    const victim = ledgerId(db, 'fill');
    tamper(dir, `UPDATE ledger SET detail = json_set(detail, '$.filled', 0) WHERE id = ${victim}`);
    expect(problems(db, dir)).toEqual([{ code: 'LEDGER_ALTERED', subject: `ledger:${victim}`, message: `台账第 ${victim} 条被改动` }]);
    // Its own hash made to fit its new content: the next row's link names it still.
    const r = db.prepare('SELECT prev_hash, at, shop_id, event, subject, detail FROM ledger WHERE id = ?').get(victim) as { prev_hash: string; at: string; shop_id: number; event: string; subject: string; detail: string };
    const rehash = createHash('sha256').update(JSON.stringify([r.prev_hash, r.at, r.shop_id, r.event, r.subject, r.detail])).digest('hex');
    tamper(dir, 'UPDATE ledger SET hash = ? WHERE id = ?', [rehash, victim]);
    expect(problems(db, dir)).toEqual([{ code: 'LEDGER_ALTERED', subject: `ledger:${victim}`, message: `台账第 ${victim} 条被改动` }]);
    db.close();
  });

  it('a ledger row deleted in the middle; a delivery record deleted leaves its items without one', () => {
    const { dir, db } = ground();
    const fillRow = ledgerId(db, 'fill');
    tamper(dir, `DELETE FROM ledger WHERE id = ${fillRow}`);
    expect(problems(db, dir)).toEqual([{ code: 'LEDGER_DELETED', subject: `ledger:${fillRow}`, message: `台账第 ${fillRow} 条被删除` }]);

    const dir2 = ground();
    const delivery = ledgerId(dir2.db, 'delivery');
    const d = JSON.parse(dir2.db.prepare('SELECT detail FROM ledger WHERE id = ?').pluck().get(delivery) as string) as { deliveries: { orderNo: string; items: { itemId: number }[] }[] };
    tamper(dir2.dir, `DELETE FROM ledger WHERE id = ${delivery}`);
    const got = problems(dir2.db, dir2.dir);
    expect(got[0]).toEqual({ code: 'LEDGER_DELETED', subject: `ledger:${delivery}`, message: `台账第 ${delivery} 条被删除` });
    const byMessage = (a: { message: string }, b: { message: string }) => a.message.localeCompare(b.message);
    expect(got.slice(1).sort(byMessage)).toEqual(d.deliveries.flatMap((x) => x.items.map((it) => ({
      code: 'DELIVERY_RECORD_MISSING', subject: `order:${x.orderNo}`, message: `订单 ${x.orderNo} 的条目 #${it.itemId} 已导出发货，但台账中没有它的发货记录`,
    }))).sort(byMessage));
    db.close();
    dir2.db.close();
  });

  it('the last ledger rows deleted (the chain that is left still holds): and what they recorded is unrecorded now', () => {
    const { dir, db, ev, orderNos } = ground();
    const last = lastId(db);
    // The last two entries are the two evidence.add entries.
    expect(db.prepare('SELECT event FROM ledger WHERE id > ?').pluck().all(last - 2)).toEqual(['evidence.add', 'evidence.add']);
    tamper(dir, `DELETE FROM ledger WHERE id > ${last - 2}`);
    const third = ev.length + 1;
    expect(problems(db, dir)).toEqual([
      { code: 'LEDGER_DELETED', subject: `ledger:${last - 1}-${last}`, message: `台账第 ${last - 1}–${last} 条（共 2 条）被删除（锚点文件 ${LEDGER_HEAD_FILE} 记下的最新一条是第 ${last} 条）` },
      ...[[ev[0].id, orderNos[0]], [ev[1].id, orderNos[0]], [third, orderNos[1]]].map(([id, no]) => (
        { code: 'EVIDENCE_UNRECORDED', subject: `evidence:${id}`, message: `订单 ${no} 的凭证 #${id} 在台账中没有添加记录（不是 VShip 添加的）` })),
    ]);
    db.close();
  });

  it('a row forged at the end, chained exactly as VShip chains', () => {
    const { dir, db, shopId } = ground();
    const id = forgeLedgerRow(dir, { shopId, event: 'evidence.add', subject: 'order:x', detail: { items: [] } });
    expect(id).toBe(lastId(db));
    expect(problems(db, dir)).toEqual([{ code: 'LEDGER_FORGED', subject: `ledger:${id}`, message: `台账第 ${id} 条不是 VShip 写入的：它在锚点文件 ${LEDGER_HEAD_FILE} 记下的最新一条（第 ${id - 1} 条）之后` }]);
    // The core does not move the head over it: it stays found after the next request.
    db.close();
    return (async () => {
      const core = openCore({ dataDir: dir, host: 'cli' });
      const r = await core.dispatch('evidence.verify', undefined, () => {});
      core.close();
      const again = openCore({ dataDir: dir, host: 'cli' });
      const r2 = await again.dispatch('evidence.verify', undefined, () => {});
      again.close();
      for (const x of [r, r2]) expect(x).toMatchObject({ ok: true, value: { ok: false, problems: [{ code: 'LEDGER_FORGED', subject: `ledger:${id}` }] } });
    })();
  });

  it('the head file deleted or damaged; a deleted one is not made again over what the ledger holds by then', async () => {
    const { dir, db, orderNos, shopId } = ground();
    const n = db.prepare('SELECT count(*) FROM ledger').pluck().get() as number;
    const head = readFileSync(join(dir, LEDGER_HEAD_FILE), 'utf8');
    writeFileSync(join(dir, LEDGER_HEAD_FILE), '{"id":');
    expect(problems(db, dir)).toEqual([{ code: 'LEDGER_HEAD_MISSING', subject: 'ledger-head', message: `台账锚点文件 ${LEDGER_HEAD_FILE} 已损坏，无法确认台账末尾没有被删除或添加` }]);
    rmSync(join(dir, LEDGER_HEAD_FILE));
    expect(problems(db, dir)).toEqual([{ code: 'LEDGER_HEAD_MISSING', subject: 'ledger-head', message: `台账锚点文件 ${LEDGER_HEAD_FILE} 缺失（台账有 ${n} 条），无法确认台账末尾没有被删除或添加` }]);
    db.close();
    // Once a request has written with the head file in place, the folder is known to be anchored.
    writeFileSync(join(dir, LEDGER_HEAD_FILE), head);
    const core = openCore({ dataDir: dir, host: 'cli' });
    const reveal = () => core.dispatch('allocation.reveal', { shopId, orderNo: orderNos[0] }, () => {});
    expect((await reveal()).ok).toBe(true);
    expect(await core.dispatch('evidence.verify', undefined, () => {})).toMatchObject({ ok: true, value: { ok: true } });
    rmSync(join(dir, LEDGER_HEAD_FILE));
    expect((await reveal()).ok).toBe(true);
    const r = await core.dispatch('evidence.verify', undefined, () => {});
    core.close();
    expect(r).toMatchObject({ ok: true, value: { ok: false, problems: [{ code: 'LEDGER_HEAD_MISSING' }] } });
    expect(existsSync(join(dir, LEDGER_HEAD_FILE))).toBe(false);
  });

  it('an exported item\'s password changed: the item against its hash, and the order against what was delivered', () => {
    const { dir, db, orderNos } = ground();
    const item = deliveredItem(db, orderNos[3]);
    const entry = ledgerId(db, 'delivery');
    tamper(dir, "UPDATE stock_items SET password = '000000' WHERE id = ?", [item]);
    expect(problems(db, dir)).toEqual([
      { code: 'STOCK_CONTENT_DIFFERS', subject: `item:${item}`, message: `库存条目 #${item} 的内容与导入时记录的不一致` },
      { code: 'ITEM_CONTENT_DIFFERS', subject: `order:${orderNos[3]}`, message: `订单 ${orderNos[3]} 的条目内容与发货时不一致（条目 #${item}，台账第 ${entry} 条）` },
    ]);
    db.close();
  });

  it('an exported item\'s password changed with its hash recomputed under the key: its batch root and its delivery record still tell', () => {
    const { dir, db, orderNos } = ground();
    const item = deliveredItem(db, orderNos[3]);
    const row = db.prepare('SELECT batch_id, kind, card_no, password, code, login, extras FROM stock_items WHERE id = ?').get(item) as { batch_id: number; kind: string; card_no: string; password: string; code: string; login: string; extras: string };
    const forged = itemContentHash(contentKey(db), { ...row, password: '000000' });
    tamper(dir, "UPDATE stock_items SET password = '000000', content_hash = ? WHERE id = ?", [forged, item]);
    const got = problems(db, dir);
    expect(got.map((p) => [p.code, p.subject])).toEqual([
      ['ITEM_CONTENT_DIFFERS', `order:${orderNos[3]}`],
      ['STOCK_CONTENT_DIFFERS', `batch:${row.batch_id}`],
    ]);
    expect(got[1].message).toBe(`库存批次 #${row.batch_id} 的条目与导入时台账记下的不一致（条目被改动、加入或移出）`);
    db.close();
  });

  it('a reserved (filled, not yet exported) card\'s password changed', () => {
    const dir = tempDir();
    const { db, orderNos } = cardShop(dir);
    anchorLedgerHead(db);
    const item = db.prepare("SELECT a.item_id FROM allocations a JOIN orders o ON o.id = a.order_id WHERE o.order_no = ? LIMIT 1").pluck().get(orderNos[0]) as number;
    expect(db.prepare('SELECT state FROM stock_items WHERE id = ?').pluck().get(item)).toBe('reserved');
    expect(problems(db, dir)).toEqual([]);
    tamper(dir, "UPDATE stock_items SET password = '000000' WHERE id = ?", [item]);
    expect(problems(db, dir)).toEqual([{ code: 'STOCK_CONTENT_DIFFERS', subject: `item:${item}`, message: `库存条目 #${item} 的内容与导入时记录的不一致` }]);
    db.close();
  });

  it('an exported allocation moved to another order', () => {
    const { dir, db, orderNos } = ground();
    const item = deliveredItem(db, orderNos[0]);
    tamper(dir, `UPDATE allocations SET order_id = (SELECT id FROM orders WHERE order_no = '${orderNos[5]}') WHERE item_id = ${item}`);
    const got = problems(db, dir);
    expect(got).toContainEqual({ code: 'ALLOCATION_MOVED', subject: `order:${orderNos[0]}`, message: `订单 ${orderNos[0]} 的发货条目 #${item} 现在属于订单 ${orderNos[5]}` });
    // …and the order it now sits on holds an item no delivery record gave it.
    expect(got).toContainEqual({ code: 'DELIVERY_RECORD_MISSING', subject: `order:${orderNos[5]}`, message: `订单 ${orderNos[5]} 的条目 #${item} 已导出发货，但台账中没有它的发货记录` });
    expect(got).toHaveLength(2);
    db.close();
  });

  it('an export file changed, and one deleted', () => {
    const { dir, db } = ground();
    const files = db.prepare('SELECT sha256, name FROM export_files ORDER BY id').all() as { sha256: string; name: string }[];
    appendFileSync(join(dir, EXPORTS_DIR, files[0].sha256), 'x');
    unlinkSync(join(dir, EXPORTS_DIR, files[1].sha256));
    const got = problems(db, dir);
    const sorted = [...files.slice(0, 2)].sort((a, b) => a.sha256.localeCompare(b.sha256));
    expect(got).toEqual(sorted.map((f) => f === files[0]
      ? { code: 'EXPORT_FILE_ALTERED', subject: `export:${f.sha256}`, message: `导出文件 ${EXPORTS_DIR}/${f.sha256}（${f.name}）被改动（内容与导出时的校验值不符）` }
      : { code: 'EXPORT_FILE_MISSING', subject: `export:${f.sha256}`, message: `导出文件 ${EXPORTS_DIR}/${f.sha256}（${f.name}）缺失` }));
    db.close();
  });
});
