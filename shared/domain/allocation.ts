/** What orders are filled with: items, fills and why an order was skipped. Names follow the glossary (../docs/STYLE.md). */
import type { RuleId } from './rules';
/** An order's item in full (a reveal). */
export interface RevealedItem { itemId: number | null; kind: string; cardNo: string; password: string; code: string; login: string; extras: string; rentalUntil: string | null; expiresAt: string | null; rechargeRef: string }


/** An item bound to an order, as lists show it (masked). */
export interface OrderItem {
  allocationId: number;
  itemId: number | null;
  kind: 'card' | 'code' | 'account' | 'recharge';
  masked: string;
  source: 'fill' | 'manual' | 'recharge';
  rentalUntil: string | null;
  expiresAt: string | null;
  exported: boolean;
  /** A recharge's supplier reference ('' when none was given); only on recharge items. */
  rechargeRef?: string;
}

export interface FillResult {
  fillId: number | null;
  filled: number;
  items: number;
  /** Orders left waiting for stock: which product, how many it needs, how many were left. */
  short: { orderNo: string; skuKey: string; need: number; available: number }[];
  /**
   * The same orders by product (the one each order lacked first), most units short first: how
   * many orders, the units they need together and the units left (`need - available` are short).
   */
  shortByProduct: ShortProduct[];
  /** Orders a fill does not handle, with a code for programs and a Chinese reason for people. */
  skipped: { orderNo: string; code: SkipCode; reason: string }[];
  /**
   * Damaged stock rows the fill left out: an item marked available that an active allocation
   * already holds (`vship check-db` lists them too). `heldByOrderNo` is the order holding it.
   */
  inconsistent: { itemId: number; skuKey: string; heldByOrderNo: string }[];
  /** Orders not filled because a rule blocks them and filling cannot cure it (region lock, recharge number, …). */
  held: { orderNo: string; rule: RuleId }[];
}

/** One product the fill ran short of. `skuCode` is '' when the product has no 商家编码. */
export interface ShortProduct {
  skuKey: string;
  productName: string;
  spec: string;
  skuCode: string;
  kind: string | null;
  orders: number;
  need: number;
  available: number;
}

/** Why an order was not marked 已充值 by a batch or a supplier's result file. */
export type RechargeRefusal = 'NOT_FOUND' | 'NOT_RECHARGE' | 'ALREADY_FILLED' | 'NOT_SHIPPABLE' | 'SUPPLIER_FAILED' | 'DUPLICATE_ROW';

export interface RechargedManyResult {
  marked: number;
  /** The orders left as they were, each with why. */
  notMarked: { orderNo: string; reason: RechargeRefusal }[];
}

/** A supplier's result file read, not yet applied: what would be marked, and what would not (by row). */
export interface SupplierPreview {
  file: string;
  rows: number;
  toMark: { row: number; orderNo: string; ref: string }[];
  refused: { row: number; orderNo: string; reason: RechargeRefusal; status?: string }[];
}

export const SKIP_REASONS = {
  PRODUCT_UNCONFIRMED: '商品未确认发货方式',
  RECHARGE_PENDING: '直充商品：充值后标记“已充值”',
  NOT_STOCKED: '该发货方式不使用库存',
  RENTAL_DAYS_MISSING: '账号租赁未设置租期',
  ITEM_INCONSISTENT: '库存条目状态不一致，已跳过（请运行数据检查）',
} as const;

export type SkipCode = keyof typeof SKIP_REASONS;
