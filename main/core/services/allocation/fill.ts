import type { FillResult, ShortProduct } from '../../../../shared/domain';
import { SKIP_REASONS } from '../../../../shared/domain';
import { AppError } from '../../../../shared/errors';
import { toBeijingIso } from '../../../../shared/rules/classify';
import type { Db } from '../../db/open';
import { faultPoint } from '../../fault';
import { nowMs } from '../clock';
import { appendLedger } from '../ledger';
import { getSettings } from '../settings';
import { DAY, loadProfiles, orderNeeds, type NeedLine, type Profile } from './needs';
import { releaseAllocation } from './release';
import { checkShop } from '../rules/check';
import { heldAmong } from '../rules/findings';
import { CHUNK, inChunks } from '../rules/chunks';

/**
 * A product's available items, in the order they are handed out. `checked`: items before it are
 * known not to be held by another order; `held`: items dropped because one is (see `fill`).
 */
interface Pool {
  ids: number[]; pos: number; reusable: boolean; checked: number; held: number;
  /** Holders of the items before `fetched` (those another order holds). */
  holders: Map<number, string>; fetched: number;
}

function loadPool(db: Db, p: Profile, now: number): Pool {
  const minExp = toBeijingIso(now + (p.terms.minValidityDays ?? 0) * DAY);
  if (p.kind === 'account') {
    const ids = db.prepare(`SELECT id FROM stock_items WHERE product_id = ? AND state = 'available'
      AND (busy_until IS NULL OR busy_until <= ?) AND (expires_at IS NULL OR expires_at >= ?)
      ORDER BY (busy_until IS NOT NULL), busy_until, id`).pluck().all(p.id, toBeijingIso(now), minExp) as number[];
    return { ids, pos: 0, reusable: true, checked: 0, held: 0, holders: new Map(), fetched: 0 };
  }
  // First-expiring first; items without expiry last; expired or too-close-to-expiry never.
  // Two range scans in index order (product_id, state, expires_at, rowid): no sort of a big pool.
  const dated = db.prepare(`SELECT id FROM stock_items WHERE product_id = ? AND state = 'available' AND expires_at >= ? ORDER BY expires_at, id`).pluck().all(p.id, minExp) as number[];
  const undated = db.prepare(`SELECT id FROM stock_items WHERE product_id = ? AND state = 'available' AND expires_at IS NULL ORDER BY id`).pluck().all(p.id) as number[];
  return { ids: dated.length ? dated.concat(undated) : undated, pos: 0, reusable: false, checked: 0, held: 0, holders: new Map(), fetched: 0 };
}

/** Rows per statement of the fill's writes. */
const WRITE_ROWS = 100;

/** A statement over `n` rows, `sql(rows)` with `rows(tuple)` the tuple `n` times; prepared once per `n`. */
type RunStatement = { run(...params: unknown[]): { changes: number } };
function rowsStatement(db: Db, sql: (rows: (tuple: string) => string) => string): (n: number) => RunStatement {
  const statements = new Map<number, RunStatement>();
  return (n) => {
    let st = statements.get(n);
    if (!st) { st = db.prepare(sql((tuple) => Array.from({ length: n }, () => tuple).join(', '))) as unknown as RunStatement; statements.set(n, st); }
    return st;
  };
}

interface QueuedOrder { id: number; order_no: string; lines: NeedLine[] }

/**
 * The fill's queue: the shop's shippable orders without content, most urgent (ship-by) first.
 * Found through the index orders_sku and the active allocations alone, so the orders already filled
 * cost an index probe each, not a row read; only the queued orders' rows are read. A single-line
 * order's product columns and quantity are on the order itself; only multi-line orders read their lines.
 */
export function fillQueue(db: Db, shopId: number): QueuedOrder[] {
  const ids = db.prepare(`SELECT o.id FROM orders o INDEXED BY orders_sku WHERE o.shop_id = ? AND o.shippable = 1
    AND NOT EXISTS (SELECT 1 FROM allocations a WHERE a.order_id = o.id AND a.released_at IS NULL)`).pluck().all(shopId) as number[];
  // In rowid order: the rows are read page after page.
  ids.sort((a, b) => a - b);
  const rows = inChunks(db, (list) => `SELECT id, order_no, ship_by, line_count, sku_code, style_id, product_id, spec, quantity FROM orders WHERE id IN (${list})`)(ids) as
    [number, string, string | null, number, string, string, string, string, number][];
  // ORDER BY (ship_by IS NULL), ship_by, id
  rows.sort((a, b) => (a[2] === b[2] ? a[0] - b[0] : a[2] === null ? 1 : b[2] === null ? -1 : a[2] < b[2] ? -1 : 1));
  const linesOf = db.prepare('SELECT sku_code, style_id, product_id, spec, quantity FROM order_lines WHERE order_id = ? ORDER BY line_no');
  return rows.map(([id, order_no, , lineCount, sku_code, style_id, product_id, spec, quantity]) => ({
    id, order_no,
    lines: lineCount > 1 ? linesOf.all(id) as NeedLine[] : [{ sku_code, style_id, product_id, spec, quantity }],
  }));
}

/** The products a fill ran short of, named as the products list names them, most units short first. */
function shortProducts(db: Db, shopId: number, shortBy: Map<string, { orders: number; need: number }>, left: (skuKey: string) => number): ShortProduct[] {
  if (shortBy.size === 0) return [];
  const info = db.prepare('SELECT title, spec, kind FROM products WHERE shop_id = ? AND sku_key = ?');
  const list: ShortProduct[] = [];
  for (const [key, g] of shortBy) {
    const p = info.get(shopId, key) as { title: string; spec: string; kind: string | null } | undefined;
    list.push({
      skuKey: key, productName: p?.title ?? '', spec: p?.spec ?? '',
      skuCode: key.startsWith('style:') || key.startsWith('pid:') ? '' : key,
      kind: p?.kind ?? null, orders: g.orders, need: g.need, available: left(key),
    });
  }
  return list.sort((a, b) => (b.need - b.available) - (a.need - a.available) || b.orders - a.orders || a.skuKey.localeCompare(b.skuKey));
}

/**
 * Fills every shippable order that has no content, most urgent (ship-by) first, each with all its
 * items or none. Running it again changes nothing: filled orders are not candidates.
 *
 * A damaged stock row (an item marked available that an order already holds) would break the
 * schema's one-order-per-item guarantee and fail the whole fill; instead it is left out of the
 * pool, reported in `inconsistent` with the order that holds it, and the order that needed it
 * gets the next item. An order that only lacks items because of such rows is skipped as
 * ITEM_INCONSISTENT rather than reported short (the stock count says there is enough).
 */
export function fill(db: Db, shopId: number, opts: { cooldownHours: number }): FillResult {
  // Trace points (main/core/fault.ts): asking for the write lock, holding it, about to commit, committed.
  faultPoint('fill.start');
  const filled = db.transaction((): FillResult => {
    faultPoint('fill.begin');
    const now = nowMs();
    const nowIso = toBeijingIso(now);
    const profiles = loadProfiles(db, shopId);
    const orders = fillQueue(db, shopId);
    const result: FillResult = { fillId: null, filled: 0, items: 0, short: [], shortByProduct: [], skipped: [], inconsistent: [], held: [] };
    if (orders.length === 0) { faultPoint('fill.beforeCommit'); return result; }
    const fillId = Number(db.prepare('INSERT INTO fills (shop_id, at, filled, items) VALUES (?, ?, 0, 0)').run(shopId, nowIso).lastInsertRowid);
    // The allocations and reservations are written WRITE_ROWS at a time (one statement each), in the
    // order they are made; nothing the loop reads depends on the rows still waiting.
    const insAlloc = rowsStatement(db, (rows) => `INSERT INTO allocations (shop_id, order_id, item_id, kind, reusable, fill_id, source, rental_until, created_at)
      VALUES ${rows(`(${shopId}, ?, ?, 'item', ?, ${fillId}, 'fill', ?, ?)`)}`);
    const reserve = rowsStatement(db, (rows) => `UPDATE stock_items SET state = 'reserved' WHERE id IN (${rows('?')}) AND state = 'available'`);
    const allocRows: unknown[] = [];
    const reserveIds: number[] = [];
    const flush = (all: boolean) => {
      while (allocRows.length >= (all ? 1 : WRITE_ROWS * 5)) {
        const n = Math.min(WRITE_ROWS, allocRows.length / 5);
        insAlloc(n).run(...allocRows.splice(0, n * 5));
      }
      while (reserveIds.length >= (all ? 1 : WRITE_ROWS)) {
        const ids = reserveIds.splice(0, WRITE_ROWS);
        if (reserve(ids.length).run(...ids).changes !== ids.length) throw new Error(`an item of ${ids.join(', ')} was not available`);
      }
    };
    const rent = db.prepare('UPDATE stock_items SET busy_until = ? WHERE id = ?');
    // Whether an item is held by an order already, asked for the pool's next items at once rather than item by item.
    const holdersOf = inChunks(db, (list) => `SELECT a.item_id, o.order_no FROM allocations a JOIN orders o ON o.id = a.order_id
      WHERE a.item_id IN (${list}) AND a.released_at IS NULL AND a.reusable = 0 AND a.item_id IS NOT NULL`);
    const holderOf = (pool: Pool, i: number): string | undefined => {
      if (i >= pool.fetched) {
        const next = pool.ids.slice(i, i + CHUNK);
        for (const [itemId, orderNo] of holdersOf(next) as [number, string][]) pool.holders.set(itemId, orderNo);
        pool.fetched = i + next.length;
      }
      return pool.holders.get(pool.ids[i]);
    };
    /** Drops items another order holds from the next `units` of a single-use pool; returns how many are left. */
    const usable = (pool: Pool, units: number, skuKey: string): number => {
      if (!pool.reusable) {
        let i = Math.max(pool.pos, pool.checked);
        while (i < pool.pos + units && i < pool.ids.length) {
          const holder = holderOf(pool, i);
          if (holder === undefined) { i++; continue; }
          result.inconsistent.push({ itemId: pool.ids[i], skuKey, heldByOrderNo: holder });
          pool.ids.splice(i, 1);
          pool.fetched--;
          pool.held++;
        }
        pool.checked = i;
      }
      return pool.ids.length - pool.pos;
    };
    const pools = new Map<number, Pool>();
    // What each order needs, or why stock cannot fill it.
    const needsOf = orders.map((o) => orderNeeds(o.lines, profiles));
    // A block that filling cannot cure (region lock, recharge number, travel in a personal shop …): no stock for it.
    // Asked only of the orders stock could fill.
    const held = heldAmong(db, shopId, orders.filter((_, i) => typeof needsOf[i] !== 'string').map((o) => o.id));
    const filledIds: number[] = [];
    /** Short orders by the product they lacked first: how many, and the units they need. */
    const shortBy = new Map<string, { orders: number; need: number }>();
    for (const [oi, o] of orders.entries()) {
      const needs = needsOf[oi];
      if (typeof needs === 'string') { result.skipped.push({ orderNo: o.order_no, code: needs, reason: SKIP_REASONS[needs] }); continue; }
      const rule = held.get(o.id);
      if (rule) { result.held.push({ orderNo: o.order_no, rule }); continue; }
      let lacking: { skuKey: string; need: number; available: number } | null = null;
      let lackingHeld = false;
      for (const n of needs) {
        let pool = pools.get(n.profile.id);
        if (!pool) { pool = loadPool(db, n.profile, now); pools.set(n.profile.id, pool); }
        const left = usable(pool, n.units, n.profile.skuKey);
        // Most urgent first; an order that does not fit waits, and a later one that fits is served.
        if (left < n.units) {
          lacking = { skuKey: n.profile.skuKey, need: n.units, available: left };
          lackingHeld = left + pool.held >= n.units;
          break;
        }
      }
      if (lacking && lackingHeld) { result.skipped.push({ orderNo: o.order_no, code: 'ITEM_INCONSISTENT', reason: SKIP_REASONS.ITEM_INCONSISTENT }); continue; }
      if (lacking) {
        result.short.push({ orderNo: o.order_no, ...lacking });
        const g = shortBy.get(lacking.skuKey);
        if (g) { g.orders++; g.need += lacking.need; } else shortBy.set(lacking.skuKey, { orders: 1, need: lacking.need });
        continue;
      }
      for (const n of needs) {
        const pool = pools.get(n.profile.id)!;
        const rentalUntil = pool.reusable ? toBeijingIso(now + n.profile.terms.rentalDays! * DAY) : null;
        for (let i = 0; i < n.units; i++) {
          const itemId = pool.ids[pool.pos++];
          allocRows.push(o.id, itemId, pool.reusable ? 1 : 0, rentalUntil, nowIso);
          if (pool.reusable) rent.run(toBeijingIso(now + n.profile.terms.rentalDays! * DAY + opts.cooldownHours * 3_600_000), itemId);
          else reserveIds.push(itemId);
          result.items++;
        }
      }
      result.filled++;
      filledIds.push(o.id);
      flush(false);
    }
    flush(true);
    result.shortByProduct = shortProducts(db, shopId, shortBy, (key) => {
      const p = profiles.get(key);
      const pool = p && pools.get(p.id);
      return pool ? pool.ids.length - pool.pos : 0;
    });
    // The filled orders' items (expiry) and the queue for stock change: check them again, in this transaction.
    checkShop(db, shopId, { orderIds: filledIds });
    if (result.filled === 0) {
      db.prepare('DELETE FROM fills WHERE id = ?').run(fillId);
    } else {
      db.prepare('UPDATE fills SET filled = ?, items = ? WHERE id = ?').run(result.filled, result.items, fillId);
      appendLedger(db, { shopId, event: 'fill', subject: `fill:${fillId}`, detail: { filled: result.filled, items: result.items, short: result.short.length, ...(result.inconsistent.length ? { inconsistent: result.inconsistent.length } : {}) } });
      result.fillId = fillId;
    }
    faultPoint('fill.beforeCommit');
    return result;
  }).immediate();
  faultPoint('fill.committed');
  return filled;
}

/** `allocation.fill`: a fill with the account cooldown from settings. */
export function runFill(db: Db, shopId: number): FillResult {
  return fill(db, shopId, { cooldownHours: getSettings(db).accountCooldownHours });
}

/** Undoes the shop's last fill while none of its orders was exported: items go back to stock. */
export function undoLastFill(db: Db, shopId: number): { fillId: number | null; released: number } {
  return db.transaction(() => {
    const last = db.prepare('SELECT id FROM fills WHERE shop_id = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1').pluck().get(shopId) as number | undefined;
    if (!last) return { fillId: null, released: 0 };
    if (db.prepare('SELECT 1 FROM allocations WHERE fill_id = ? AND exported_at IS NOT NULL').get(last)) throw new AppError('FILL_EXPORTED');
    const ids = db.prepare('SELECT id FROM allocations WHERE fill_id = ? AND released_at IS NULL').pluck().all(last) as number[];
    const orderIds = db.prepare('SELECT DISTINCT order_id FROM allocations WHERE fill_id = ? AND released_at IS NULL').pluck().all(last) as number[];
    for (const id of ids) releaseAllocation(db, id, 'undo');
    checkShop(db, shopId, { orderIds });
    db.prepare('UPDATE fills SET undone_at = ? WHERE id = ?').run(toBeijingIso(nowMs()), last);
    appendLedger(db, { shopId, event: 'fill.undo', subject: `fill:${last}`, detail: { released: ids.length } });
    return { fillId: last, released: ids.length };
  }).immediate();
}
