/**
 * The orders summary's overdue and due-soon counts (issue 14), against orders whose 承诺发货时间 is
 * set to the second around the band edges, and the grid's filters of the same names agreeing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/core/db/open';
import { importOrderFiles } from '../../main/core/services/import';
import { listOrders, ordersSummary } from '../../main/core/services/orders';
import { ensureDefaultShop } from '../../main/core/services/shops';
import { DUE_SOON_HOURS } from '../../shared/rules/ship-by';
import { fmtCell, generateOrders, toCsv, type OrderTable } from '../fixtures/orders';
import { useTempDirs } from '../helpers/data-dir';

const tempDir = useTempDirs();
afterEach(() => { delete process.env.VSHIP_NOW; });

const H = 3_600_000;
const NOW = Date.parse('2026-06-20T12:00:00+08:00');

/** Each order's 承诺发货时间, relative to NOW; `status` changes its 订单状态. */
const PLAN: { at: number; status?: string }[] = [
  { at: -30 * H }, { at: -5 * H }, { at: -1000 }, // overdue
  { at: 0 }, { at: 1000 }, { at: 3 * H }, { at: DUE_SOON_HOURS * H - 1000 }, // due soon (from now, up to 6 h)
  { at: DUE_SOON_HOURS * H }, { at: DUE_SOON_HOURS * H + 1000 }, { at: 40 * H }, // neither
  { at: -5 * H, status: '已取消' }, { at: -2 * H, status: '已发货，待签收' }, { at: 2 * H, status: '未发货，退款成功' }, // not shippable: never counted
];

/** An export of PLAN.length orders with exactly those ship-by times and statuses. */
function planned(): { table: OrderTable; nos: string[] } {
  const t = generateOrders({ count: PLAN.length, seed: 151, optional: true, statusMix: 'all-shippable' });
  const c = (h: string) => t.headers.indexOf(h);
  const nos = t.expected.map((e) => e.orderNo);
  const rows = t.rows.map((r) => {
    const i = nos.indexOf(r[c('订单号')]);
    const p = PLAN[i];
    const out = [...r];
    out[c('承诺发货时间')] = fmtCell(NOW + p.at);
    out[c('售后状态')] = '无售后或售后取消';
    if (p.status) out[c('订单状态')] = p.status;
    return out;
  });
  return { table: { ...t, rows }, nos };
}

function shop() {
  const db = openDatabase(tempDir());
  const shopId = ensureDefaultShop(db).id;
  const { table, nos } = planned();
  importOrderFiles(db, shopId, [{ name: 'o.csv', bytes: toCsv(table) }], { shipPromiseHours: 48 });
  return { db, shopId, nos };
}

const band = (nos: string[], now: number, test: (shipBy: number) => boolean) =>
  nos.filter((_, i) => !PLAN[i].status && test(NOW + PLAN[i].at - now)).sort();

describe('overdue and due-soon', () => {
  it('counts shippable orders past their ship-by as overdue, and those due within 6 h (from now) as due soon', () => {
    process.env.VSHIP_NOW = new Date(NOW).toISOString();
    const { db, shopId, nos } = shop();
    const s = ordersSummary(db, shopId);
    expect(s).toMatchObject({ total: 13, shippable: 10, blocked: 3, overdue: 3, dueSoon: 4 });
    const listed = (filter: 'overdue' | 'dueSoon') => listOrders(db, { shopId, filter, limit: 100 }).rows.map((o) => o.orderNo).sort();
    expect(listed('overdue')).toEqual(nos.slice(0, 3).sort());
    expect(listed('dueSoon')).toEqual(nos.slice(3, 7).sort());
  });

  it('moves with the clock: two hours on, what was due within two hours is overdue and the band takes in the next ones', () => {
    process.env.VSHIP_NOW = new Date(NOW).toISOString();
    const { db, shopId, nos } = shop();
    const later = NOW + 2 * H;
    process.env.VSHIP_NOW = new Date(later).toISOString();
    const overdue = band(nos, later, (d) => d < 0);
    const dueSoon = band(nos, later, (d) => d >= 0 && d < DUE_SOON_HOURS * H);
    expect(overdue).toHaveLength(5);
    expect(dueSoon).toHaveLength(4);
    expect(ordersSummary(db, shopId)).toMatchObject({ overdue: 5, dueSoon: 4 });
    expect(listOrders(db, { shopId, filter: 'overdue', limit: 100 }).rows.map((o) => o.orderNo).sort()).toEqual(overdue);
    expect(listOrders(db, { shopId, filter: 'dueSoon', limit: 100 }).rows.map((o) => o.orderNo).sort()).toEqual(dueSoon);
  });
});
