import type { DeliveryKind, OrderMessage, ProductTerms } from '../../../shared/domain';
import { DEFAULT_TEMPLATES, renderMessageSegments, type MessageItem } from '../../../shared/rules/message';
import { findDiversionInSegments } from '../../../shared/rules/platform/diversion';
import { diversionOptions } from '../../../shared/rules/platform/product-terms';
import { getRuleParams } from './rules/params';
import type { Db } from '../db/open';
import { csvFile } from '../io/write-csv';
import { revealOrderItems } from './allocation';
import { nowMs } from './clock';
import { toBeijingIso } from '../../../shared/rules/classify';

/**
 * The delivery message of each filled order, rendered from its product's template (or the
 * default for its kind). Rendering puts the secrets in, so it is recorded as a reveal.
 */
export function orderMessages(db: Db, shopId: number, orderNos?: string[]): OrderMessage[] {
  const orders = db.prepare(`${MESSAGE_ORDERS} WHERE o.shop_id = ? AND EXISTS (SELECT 1 FROM allocations a WHERE a.order_id = o.id AND a.released_at IS NULL)
    ORDER BY (o.ship_by IS NULL), o.ship_by, o.id`).all(shopId) as MessageOrderRow[];
  const wanted = orderNos ? new Set(orderNos) : null;
  const chosen = wanted ? orders.filter((o) => wanted.has(o.order_no)) : orders;
  const items = revealOrderItems(db, shopId, chosen.map((o) => o.id), 'messages');
  return messagesFor(db, shopId, chosen, items);
}

/** An order as its message needs it, with its product's kind and terms. */
export interface MessageOrderRow { id: number; order_no: string; sku_key: string; product_name: string; spec: string; quantity: number; recharge_no: string; kind: DeliveryKind | null; terms: string | null; confirmed: number | null }
export const MESSAGE_ORDERS = `SELECT o.id, o.order_no, o.sku_key, o.product_name, o.spec, o.quantity, o.recharge_no, p.kind, p.terms, p.confirmed
    FROM orders o LEFT JOIN products p ON p.shop_id = o.shop_id AND p.sku_key = o.sku_key`;

/** Renders the messages of orders whose items are already revealed (the export reveals them once for its files). */
export function messagesFor(db: Db, shopId: number, orders: MessageOrderRow[], items: Map<number, MessageItem[]>): OrderMessage[] {
  const env = { params: getRuleParams(db) };
  const overridden = new Set(db.prepare("SELECT subject || '|' || subject_key FROM rule_overrides WHERE shop_id = ? AND rule = 'NO_DIVERSION' AND withdrawn_at IS NULL").pluck().all(shopId) as string[]);
  const cleanShapes = new Map<string, boolean>();
  const termsOf = new Map<string, ProductTerms>();
  return orders.map((o) => {
    let terms = termsOf.get(o.sku_key);
    if (!terms) termsOf.set(o.sku_key, (terms = o.terms ? (JSON.parse(o.terms) as ProductTerms) : {}));
    const template = terms.messageTemplate || DEFAULT_TEMPLATES[o.kind ?? 'code'];
    const segments = renderMessageSegments(template, { orderNo: o.order_no, productName: o.product_name, spec: o.spec, quantity: o.quantity, rechargeNo: o.recharge_no }, items.get(o.id) ?? []);
    // Every rendered message is checked before it leaves: only the merchant's words, never the items.
    // The check sees each value as one hole, whatever it holds, so messages of one shape share a
    // verdict: a clean shape is scanned once (100,000 messages of a few templates, a few scans).
    const shape = `${o.recharge_no}\u0000${segments.map((x) => (x.from === 'template' ? x.text : x.text ? '\u0001' : '')).join('\u0002')}`;
    const clean = cleanShapes.get(shape);
    const hits = clean ? [] : findDiversionInSegments(segments, diversionOptions(env, o.recharge_no ? [o.recharge_no] : undefined));
    if (clean === undefined) cleanShapes.set(shape, hits.length === 0);
    const lifted = overridden.has(`order|${o.order_no}`) || overridden.has(`product|${o.sku_key}`);
    return {
      orderNo: o.order_no,
      message: segments.map((s) => s.text).join(''),
      diversion: hits.map((h) => ({ start: h.start, end: h.end, text: h.text })),
      blocked: !lifted && hits.some((h) => h.severity === 'block'),
    };
  });
}

/** The messages as a CSV Excel opens correctly, no message run as a formula (io/write-csv.ts). */
export function messagesCsv(messages: OrderMessage[]): Uint8Array {
  return csvFile(['订单号', '发货内容'], messages.map((m) => [m.orderNo, m.message]));
}

/** `messages.export`: the messages as a CSV file named by the Beijing date. */
export function exportMessages(db: Db, shopId: number, orderNos?: string[]): { name: string; bytes: Uint8Array; count: number; held: { orderNo: string; text: string }[] } {
  const all = orderMessages(db, shopId, orderNos);
  const m = all.filter((x) => !x.blocked);
  const held = all.filter((x) => x.blocked).map((x) => ({ orderNo: x.orderNo, text: x.diversion[0]?.text ?? '' }));
  return { name: `发货消息-${toBeijingIso(nowMs()).slice(0, 10)}.csv`, bytes: messagesCsv(m), count: m.length, held };
}
