import type { EvidenceUnmatchedReason } from '../../../../shared/domain';
import type { Db } from '../../db/open';

/**
 * Which order a file of a folder belongs to, by the numbers in its name (and, when the name
 * names none, in its metadata texts): a PDD order number (`YYMMDD-` + 15 digits), or the
 * recharge number of an order (a phone or QQ number: a whole run of digits, never part of a
 * longer number). The rule, in full:
 *   - the order numbers of the shop's orders in the text: two or more → AMBIGUOUS;
 *   - exactly one → that order, unless a recharge number in the same text belongs only to other
 *     orders (the name names two orders) → AMBIGUOUS;
 *   - none → the orders whose recharge number is in the text: one → that order; several (a
 *     number several orders were topped up to) → AMBIGUOUS, the merchant picks;
 *   - nothing named in the name → the same on the metadata texts; nothing there → NO_ORDER.
 * An order number that is not one of the shop's orders names nothing.
 */
export type MatchResult =
  | { ok: true; orderId: number; orderNo: string; by: 'orderNo' | 'rechargeNo' | 'metadata' }
  | { ok: false; reason: EvidenceUnmatchedReason; candidates: string[] };

const ORDER_NO = /(?<![0-9])\d{6}-\d{15}(?![0-9])/g;

/** The order numbers and the other whole runs of digits in a text (full-width digits read as digits). */
export function numbersIn(text: string): { orderNos: string[]; runs: string[] } {
  const t = text.normalize('NFKC');
  const orderNos = [...new Set(t.match(ORDER_NO) ?? [])];
  const rest = t.replace(ORDER_NO, ' ');
  // Whole runs only (split on everything else): QQ numbers have 5 to 11 digits, phones 11, `86…` 13.
  const runs = [...new Set(rest.split(/[^0-9]+/).filter((r) => r.length >= 5 && r.length <= 20))];
  return { orderNos, runs };
}

interface OrderRef { id: number; no: string }

export class OrderMatcher {
  private readonly byNo;
  private readonly byRecharge;
  constructor(db: Db, private readonly shopId: number) {
    this.byNo = db.prepare('SELECT id, order_no AS no FROM orders WHERE shop_id = ? AND order_key = ? AND damaged = 0');
    this.byRecharge = db.prepare("SELECT id, order_no AS no FROM orders WHERE shop_id = ? AND recharge_no IN (?, ?, ?) AND recharge_no <> '' AND damaged = 0 ORDER BY id");
  }

  match(name: string, metadataTexts: readonly string[]): MatchResult {
    const fromName = this.resolve(name, false);
    if (fromName) return fromName;
    const fromMeta = metadataTexts.length ? this.resolve(metadataTexts.join('\n'), true) : null;
    return fromMeta ?? { ok: false, reason: 'NO_ORDER', candidates: [] };
  }

  /** Null when the text names no order of the shop. */
  private resolve(text: string, metadata: boolean): MatchResult | null {
    const { orderNos, runs } = numbersIn(text);
    const named = orderNos.map((no) => this.byNo.get(this.shopId, no) as OrderRef | undefined).filter((o): o is OrderRef => !!o);
    const byRun = runs.map((r) => this.byRecharge.all(this.shopId, r, `+86${r}`, `86${r}`) as OrderRef[]).filter((os) => os.length > 0);
    const ambiguous = (os: OrderRef[]): MatchResult => ({ ok: false, reason: 'AMBIGUOUS', candidates: [...new Set(os.map((o) => o.no))].sort().slice(0, 20) });
    if (named.length > 1) return ambiguous([...named, ...byRun.flat()]);
    if (named.length === 1) {
      const o = named[0]!;
      const others = byRun.filter((os) => !os.some((x) => x.id === o.id));
      if (others.length) return ambiguous([o, ...others.flat()]);
      return { ok: true, orderId: o.id, orderNo: o.no, by: metadata ? 'metadata' : 'orderNo' };
    }
    const orders = [...new Map(byRun.flat().map((o) => [o.id, o])).values()];
    if (orders.length > 1) return ambiguous(orders);
    if (orders.length === 1) return { ok: true, orderId: orders[0]!.id, orderNo: orders[0]!.no, by: metadata ? 'metadata' : 'rechargeNo' };
    return null;
  }
}
