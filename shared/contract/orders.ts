/** Listing and reading orders. */
import { z } from 'zod';
import type { Order, OrderDetail, OrdersPage, OrdersSummary } from '../domain';
import { REASONS } from '../domain/orders';
import { SHIP_STATES } from '../domain/export';
import { RULE_IDS } from '../domain/rules';
import { orderNo, shopId, type FeatureContract } from './define';

const reasonCodes = Object.keys(REASONS) as [keyof typeof REASONS, ...(keyof typeof REASONS)[]];

const ordersQuery = z.object({
  shopId,
  /** dueSoon: shippable orders due within the next hours (the 即将超时 card). */
  filter: z.enum(['all', 'shippable', 'blocked', 'overdue', 'dueSoon']).optional(),
  reason: z.enum(reasonCodes).optional(),
  /** Substring of the order number, the recharge number or the product's title. */
  search: z.string().max(100).optional(),
  /** Only orders with a line of this product. */
  skuKey: z.string().max(300).optional(),
  /** Only orders with an active finding of this rule. */
  rule: z.enum(RULE_IDS).optional(),
  /** Only orders with an active finding of this severity (block: cannot ship as it is). */
  findings: z.enum(['block', 'warn', 'any']).optional(),
  /** true: only filled orders; false: only orders without content. */
  filled: z.boolean().optional(),
  /** Where orders stand on the way out (ready: filled, no block, not exported or upload failed). */
  shipState: z.enum(SHIP_STATES).optional(),
  /** Only the orders of this export. */
  exportId: z.number().int().positive().optional(),
  sort: z.enum(['shipBy', 'paidAt', 'orderNo', 'productName', 'quantity', 'status', 'paidCents']).optional(),
  desc: z.boolean().optional(),
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(100_000).optional(),
}).strict();
export type OrdersQuery = z.infer<typeof ordersQuery>;
export type OrderSortKey = NonNullable<OrdersQuery['sort']>;
/** The grid's filters plus dueSoon (the 即将超时 card). */
export type OrderQueryFilter = NonNullable<OrdersQuery['filter']>;

/**
 * What checking a row needs to know of its order (the ship file's 已勾选, pasting over checked rows):
 * `filled` when it holds content now.
 */
export type CheckedOrder = Pick<Order, 'orderNo' | 'shipState' | 'shippable' | 'quantity' | 'skuKey' | 'skuCode' | 'styleId' | 'productId' | 'spec'>
  & { filled: boolean };

export const ordersSchemas = {
  'orders.list': ordersQuery,
  /** Every order of a query (no paging), light: what Ctrl+A needs to check all of them, in grid order. */
  'orders.checkAll': ordersQuery.omit({ offset: true, limit: true }),
  'orders.summary': z.object({ shopId }).strict(),
  'orders.get': z.object({ shopId, orderNo }).strict(),
} as const;

export type OrdersContract = FeatureContract<typeof ordersSchemas, {
  'orders.list': OrdersPage;
  'orders.checkAll': { total: number; rows: CheckedOrder[] };
  'orders.summary': OrdersSummary;
  'orders.get': OrderDetail | null;
}>;
