/**
 * The ledger commits to what is delivered (issue 11): every stock item holds a keyed hash of its
 * content (content.ts), each batch's root is in the ledger entry that brought it (stock.import,
 * assign, migration 9's stock.commit), a delivery record holds each item's content hash and the
 * message's; and an item whose content no longer matches is never served (ITEM_ALTERED).
 */
import Database from 'better-sqlite3';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../main/core/db/migrations';
import { DB_FILE, openDatabase, type Db } from '../../main/core/db/open';
import { assign } from '../../main/core/services/allocation/assign';
import { revealOrder, revealOrders } from '../../main/core/services/allocation/items';
import { batchRoot, contentKey, itemContentHash, messageHash } from '../../main/core/services/content';
import { runExport } from '../../main/core/services/export';
import { EXPORTS_DIR } from '../../main/core/services/export/files';
import { anchorLedgerHead, appendLedger, readLedgerHead } from '../../main/core/services/ledger';
import { orderMessages, exportMessages } from '../../main/core/services/messages';
import { listProducts, setProduct } from '../../main/core/services/products';
import { importStock, revealItem } from '../../main/core/services/stock';
import { AppError } from '../../shared/errors';
import { generateOrders } from '../fixtures/orders';
import { cardShop, forgeLedgerRow, tamper } from '../fixtures/verify';
import { codeShop } from '../helpers/code-shop';
import { useTempDirs } from '../helpers/data-dir';

const tempDir = useTempDirs();

interface ItemRow { id: number; batch_id: number; kind: string; card_no: string; password: string; code: string; login: string; extras: string; content_hash: string | null; state: string }
const items = (db: Db): ItemRow[] => db.prepare('SELECT id, batch_id, kind, card_no, password, code, login, extras, content_hash, state FROM stock_items ORDER BY id').all() as ItemRow[];
const entries = (db: Db, event: string) => (db.prepare('SELECT id, shop_id, subject, detail FROM ledger WHERE event = ? ORDER BY id').all(event) as { id: number; shop_id: number; subject: string; detail: string }[])
  .map((e) => ({ ...e, d: JSON.parse(e.detail) as Record<string, unknown> }));

/** The AppError a call throws (or a failure when it throws none). */
function thrown(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected an AppError');
}

describe('content hashes', () => {
  it('every imported item holds the keyed hash of its content, and its batch root is in the stock.import entry (no secret in the ledger)', () => {
    const dir = tempDir();
    const { db } = cardShop(dir);
    const key = contentKey(db);
    expect(key.length).toBe(32);
    const all = items(db);
    expect(all.length).toBeGreaterThan(10);
    for (const it of all) expect(it.content_hash).toBe(itemContentHash(key, it));
    // Distinct contents, distinct hashes; a changed password is a changed hash.
    expect(new Set(all.map((i) => i.content_hash)).size).toBe(all.length);
    expect(itemContentHash(key, { ...all[0], password: `${all[0].password}0` })).not.toBe(all[0].content_hash);
    // Keyed: the same content under another key hashes otherwise (a pack's reader cannot try short codes).
    expect(itemContentHash(Buffer.alloc(32, 1), all[0])).not.toBe(all[0].content_hash);
    const imports = entries(db, 'stock.import');
    const batches = [...new Set(all.map((i) => i.batch_id))];
    expect(imports.map((e) => e.d.batchId)).toEqual(batches);
    for (const e of imports) expect(e.d.contentRoot).toBe(batchRoot(db, e.d.batchId as number));
    const ledgerText = (db.prepare('SELECT group_concat(detail) FROM ledger').pluck().get() as string);
    for (const it of all) {
      expect(ledgerText).not.toContain(it.password);
      expect(ledgerText).not.toContain(it.card_no);
    }
    db.close();
  });

  it('a duplicate line is not in the root: the root covers exactly the batch\'s items', () => {
    const dir = tempDir();
    const { db, shopId } = cardShop(dir);
    const p = listProducts(db, shopId)[0];
    const old = items(db)[0];
    const r = importStock(db, { shopId, skuKey: p.skuKey, name: 'more.txt', text: `${old.card_no}----${old.password}\n6338999900001111----123456\n6338999900002222----654321\n` });
    expect(r).toMatchObject({ added: 2, duplicates: [{ line: 1, where: 'history' }] });
    const e = entries(db, 'stock.import').at(-1)!;
    expect(e.d).toMatchObject({ batchId: r.batchId, added: 2 });
    expect(e.d.contentRoot).toBe(batchRoot(db, r.batchId!));
    expect(db.prepare('SELECT count(*) FROM stock_items WHERE batch_id = ?').pluck().get(r.batchId)).toBe(2);
    db.close();
  });

  it('an item typed by hand gets its hash, and the assign entry commits to its batch', () => {
    const dir = tempDir();
    const t = generateOrders({ count: 60, seed: 1103, statusMix: 'all-shippable' });
    const { db, shopId } = codeShop(dir, t, () => 0);
    const p = listProducts(db, shopId).sort((a, b) => b.waiting - a.waiting)[0];
    setProduct(db, shopId, p.skuKey, { kind: 'card' });
    const o = db.prepare("SELECT order_no, quantity FROM orders WHERE shop_id = ? AND sku_key = ? AND shippable = 1 AND line_count = 1 ORDER BY id LIMIT 1").get(shopId, p.skuKey) as { order_no: string; quantity: number };
    assign(db, shopId, o.order_no, Array.from({ length: o.quantity }, (_, i) => `62220000000${i}----PW${i}`));
    const typed = items(db).filter((i) => i.card_no.startsWith('62220000000'));
    expect(typed).toHaveLength(o.quantity);
    for (const it of typed) expect(it.content_hash).toBe(itemContentHash(contentKey(db), it));
    const e = entries(db, 'assign').at(-1)!;
    expect(e.d).toEqual({ itemIds: typed.map((i) => i.id), batchId: typed[0].batch_id, contentRoot: batchRoot(db, typed[0].batch_id) });
    expect(e.detail).not.toMatch(/PW\d|62220000000/);
    db.close();
  });

  it('a delivery record holds each item\'s content hash and the hash of the message exactly as written in the 发货消息 file', () => {
    const dir = tempDir();
    const { db, shopId } = cardShop(dir);
    const record = runExport(db, dir, { shopId, format: 'csv' });
    const key = contentKey(db);
    const byId = new Map(items(db).map((i) => [i.id, i]));
    const deliveries = entries(db, 'delivery').flatMap((e) => e.d.deliveries as { orderNo: string; message: string; items: { itemId: number; identity: string; content: string }[] }[]);
    expect(deliveries.length).toBe(record.orders);
    const sha = (db.prepare("SELECT sha256 FROM export_files WHERE export_id = ? AND kind = 'messages'").pluck().get(record.id) as string);
    const csv = Papa.parse<string[]>(readFileSync(join(dir, EXPORTS_DIR, sha), 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.slice(1);
    const sent = new Map(csv.map(([no, text]) => [no, text]));
    expect(sent.size).toBe(deliveries.length);
    for (const d of deliveries) {
      expect(d.message).toBe(messageHash(key, sent.get(d.orderNo)!));
      expect(d.items.length).toBeGreaterThan(0);
      for (const it of d.items) expect(it.content).toBe(byId.get(it.itemId)!.content_hash);
    }
    // Another text, another hash.
    expect(messageHash(key, `${[...sent.values()][0]} `)).not.toBe(deliveries[0].message);
    db.close();
  });
});

describe('an item changed in the database is never served', () => {
  /** A filled (not exported) card shop whose first order's first card had its password changed with a SQLite editor. */
  function tampered() {
    const dir = tempDir();
    const s = cardShop(dir);
    const orderNo = s.orderNos[0];
    const itemId = s.db.prepare('SELECT a.item_id FROM allocations a JOIN orders o ON o.id = a.order_id WHERE o.order_no = ? ORDER BY a.id LIMIT 1').pluck().get(orderNo) as number;
    expect(s.db.prepare('SELECT state FROM stock_items WHERE id = ?').pluck().get(itemId)).toBe('reserved');
    tamper(dir, "UPDATE stock_items SET password = '999999' WHERE id = ?", [itemId]);
    return { ...s, dir, orderNo, itemId };
  }

  it('served in full before: reveal, messages and the export all refuse it with ITEM_ALTERED, naming the item, never the secret', () => {
    const { db, shopId, orderNo, itemId, orderNos, dir } = tampered();
    const checks: [string, () => unknown][] = [
      ['revealOrder', () => revealOrder(db, shopId, orderNo)],
      ['revealOrders', () => revealOrders(db, shopId, orderNos)],
      ['revealItem', () => revealItem(db, shopId, itemId)],
      ['orderMessages', () => orderMessages(db, shopId)],
      ['exportMessages', () => exportMessages(db, shopId, [orderNo])],
      ['runExport', () => runExport(db, dir, { shopId })],
    ];
    const ledgerBefore = db.prepare('SELECT count(*) FROM ledger').pluck().get();
    for (const [name, f] of checks) {
      const e = thrown(f);
      expect(e.code, name).toBe('ITEM_ALTERED');
      expect(e.message, name).toContain(`#${itemId}`);
      expect(e.message, name).not.toContain('999999');
    }
    // Nothing was recorded as revealed or exported, nothing marked.
    expect(db.prepare('SELECT count(*) FROM ledger').pluck().get()).toBe(ledgerBefore);
    expect(db.prepare('SELECT count(*) FROM exports').pluck().get()).toBe(0);
    db.close();
  });

  it('the other orders are still served; the altered one only when asked for by the others', () => {
    const { db, shopId, orderNos } = tampered();
    expect(revealOrder(db, shopId, orderNos[1]).length).toBeGreaterThan(0);
    expect(orderMessages(db, shopId, orderNos.slice(1)).length).toBe(orderNos.length - 1);
    db.close();
  });

  it('an item and its hash changed together still fails its batch root (verify), and a row without a hash is refused', () => {
    const { db, shopId, itemId, orderNo, dir } = tampered();
    tamper(dir, 'UPDATE stock_items SET content_hash = NULL WHERE id = ?', [itemId]);
    expect(thrown(() => revealOrder(db, shopId, orderNo)).code).toBe('ITEM_ALTERED');
    db.close();
  });
});

describe('migration 9: stock already held is committed to', () => {
  /** A database at schema 8 holding stock written the way VShip 8 wrote it (no content hashes), with its head anchored, or not. */
  function schema8(dir: string): void {
    mkdirSync(dir, { recursive: true });
    const raw = new Database(join(dir, DB_FILE));
    for (const step of MIGRATIONS.slice(0, 8)) step(raw);
    raw.pragma('user_version = 8');
    raw.exec(`INSERT INTO shops (id, name, created_at) VALUES (1, '默认店铺', ''), (2, '二店', '');
      INSERT INTO products (id, shop_id, sku_key, title, spec, product_id, kind, confirmed, created_at, updated_at) VALUES (1, 1, 'SKU-K', 'k', '', '1', 'card', 1, '', ''), (2, 2, 'SKU-C', 'c', '', '2', 'code', 1, '', '');
      INSERT INTO stock_batches (id, shop_id, product_id, source, sep, added, duplicates, created_at) VALUES (1, 1, 1, 'a.txt', NULL, 2, 0, ''), (2, 1, 1, 'b.txt', NULL, 1, 0, ''), (3, 2, 2, 'c.txt', NULL, 2, 0, '');`);
    const ins = raw.prepare(`INSERT INTO stock_items (shop_id, product_id, batch_id, kind, card_no, password, code, fingerprint, state, line_no, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'available', 1, '')`);
    ins.run(1, 1, 1, 'card', '6338000011112222', '111111', '', 'f1');
    ins.run(1, 1, 2, 'card', '6338000033334444', '222222', '', 'f2');
    ins.run(1, 1, 1, 'card', '6338000055556666', '333333', '', 'f3');
    ins.run(2, 2, 3, 'code', '', '', 'CODE-AAAA', 'f4');
    ins.run(2, 2, 3, 'code', '', '', 'CODE-BBBB', 'f5');
    raw.close();
  }

  it('fills in every item\'s hash and writes one stock.commit per shop with each batch\'s root; the head moves over it', () => {
    const dir = tempDir();
    schema8(dir);
    // Anchored at schema 8, as the core left it after its last request.
    const before = new Database(join(dir, DB_FILE));
    appendLedger(before, { shopId: 1, event: 'test', subject: 'last request', detail: {} });
    before.close();
    const pre = openDatabaseAt8(dir);
    anchorLedgerHead(pre);
    pre.close();
    const db = openDatabase(dir);
    const all = items(db);
    for (const it of all) expect(it.content_hash).toBe(itemContentHash(contentKey(db), it));
    const commits = entries(db, 'stock.commit');
    expect(commits.map((c) => [c.shop_id, c.subject])).toEqual([[1, 'migration:9'], [2, 'migration:9']]);
    expect(commits[0].d).toEqual({ batches: [{ batchId: 1, items: 2, root: batchRoot(db, 1) }, { batchId: 2, items: 1, root: batchRoot(db, 2) }] });
    expect(commits[1].d).toEqual({ batches: [{ batchId: 3, items: 2, root: batchRoot(db, 3) }] });
    expect(JSON.stringify(commits)).not.toMatch(/111111|6338000|CODE-/);
    // VShip's own entries, anchored right after migrating: the head stood at the newest entry before.
    const last = db.prepare('SELECT id, hash FROM ledger ORDER BY id DESC LIMIT 1').get();
    expect(readLedgerHead(db)).toEqual(last);
    db.close();
  });

  it('does not anchor over rows that were beyond the head before migrating', () => {
    const dir = tempDir();
    schema8(dir);
    const raw = new Database(join(dir, DB_FILE));
    appendLedger(raw, { shopId: 1, event: 'test', subject: 'last request', detail: {} });
    raw.close();
    const pre = openDatabaseAt8(dir);
    anchorLedgerHead(pre);
    const head = readLedgerHead(pre);
    pre.close();
    const forged = forgeLedgerRow(dir, { shopId: 1, event: 'stock.reveal', subject: 'item:1', detail: {} });
    expect(forged).toBe(head!.id + 1);
    const db = openDatabase(dir);
    expect(entries(db, 'stock.commit')).toHaveLength(2);
    expect(readLedgerHead(db)).toEqual(head);
    db.close();
  });

  it('adds nothing to the ledger of a folder without stock', () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const raw = new Database(join(dir, DB_FILE));
    for (const step of MIGRATIONS.slice(0, 8)) step(raw);
    raw.pragma('user_version = 8');
    raw.close();
    const db = openDatabase(dir);
    expect(db.prepare('SELECT count(*) FROM ledger').pluck().get()).toBe(0);
    db.close();
  });
});

/** A schema-8 database opened as VShip 8 would (no migration run), to anchor its head. */
function openDatabaseAt8(dir: string): Db {
  return new Database(join(dir, DB_FILE));
}
