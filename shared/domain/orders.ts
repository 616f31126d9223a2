/** Orders as read from the exports: status, reason, lines, changes. Names follow the glossary (../docs/STYLE.md). */
import type { OrderQueryFilter } from '../contract/orders';
import type { OrderItem } from './allocation';
import type { ShipNoteCode, ShipState } from './export';
import type { Finding } from './rules';

export type { OrderQueryFilter, OrderSortKey, OrdersQuery } from '../contract/orders';

/** Why an order cannot ship now. `null` reason = shippable. */
export const REASONS = {
  NOT_PAID: '买家未付款',
  SHIPPED: '已发货',
  RECEIVED: '已签收/已收货',
  CANCELLED: '订单已取消或关闭',
  REFUNDED: '已退款',
  AFTER_SALE: '售后处理中，不可直接发货',
  DAMAGED_ORDER_NO: '订单号已损坏（可能被 Excel 改成了科学计数法），请重新导出',
  UNKNOWN_STATUS: '无法识别的订单状态',
} as const;

export type ReasonCode = keyof typeof REASONS;

export interface Order {
  id: number;
  shopId: number;
  orderNo: string;
  damaged: boolean;
  status: string;
  afterSale: string;
  shippable: boolean;
  reason: ReasonCode | null;
  productName: string;
  productId: string;
  spec: string;
  styleId: string;
  skuCode: string;
  /** The product key (商家编码-规格维度, else 样式ID, else 商品id + 商品规格) of the order's first line. */
  skuKey: string;
  goodsCode: string;
  quantity: number;
  /** Money in fen (分), integers, to avoid float drift. */
  totalCents: number | null;
  paidCents: number | null;
  /** ISO 8601 with +08:00 offset (PDD times are Beijing time). */
  dealAt: string | null;
  paidAt: string | null;
  shipBy: string | null;
  /** true when shipBy came from 承诺发货时间; false when computed from paid time + promise. */
  shipByFromExport: boolean;
  rechargeNo: string;
  buyerMemo: string;
  merchantMemo: string;
  province: string;
  city: string;
  district: string;
  firstSeenAt: string;
  /**
   * When an export last brought this order new or changed. An export that holds it unchanged writes
   * nothing to the order (a re-import changes nothing; its `imports` row counts it as unchanged),
   * so this is not "when it last appeared in an export".
   */
  lastSeenAt: string;
  lastChangedAt: string;
  lineCount: number;
  /** What the order is filled with (masked); empty when not filled. */
  items: OrderItem[];
  /** What the platform-rule checks found (its products' findings included), overrides shown. */
  findings: Finding[];
  /** Where the order stands on the way out (null: not ready, never exported). */
  shipState: ShipState | null;
  /** uploadFailed: the backend's reason (its own words); attention: why it needs a look (in Chinese, from shipNoteCode). */
  shipNote: string;
  /** attention: why, as a code with parameters, for the UI to say in its language. */
  shipNoteCode: ShipNoteCode | null;
  shipNoteParams: Record<string, number>;
  /** The last export that took it. */
  exportId: number | null;
  exportedAt: string | null;
}

export interface OrderLine {
  lineNo: number;
  productName: string;
  productId: string;
  spec: string;
  styleId: string;
  skuCode: string;
  quantity: number;
  /** The row as read: header name → cell text. */
  raw: Record<string, string>;
  sourceFile: string;
  sourceRow: number;
}

export interface OrderChange {
  seenAt: string;
  importId: number;
  field: string;
  before: string;
  after: string;
}

export interface OrderDetail extends Order {
  lines: OrderLine[];
  changes: OrderChange[];
}

/** The grid's filter buttons (dueSoon is a card, not a button). */
export type OrderFilter = Exclude<OrderQueryFilter, 'dueSoon'>;

export interface OrdersPage {
  total: number;
  offset: number;
  rows: Order[];
}

export interface OrdersSummary {
  total: number;
  shippable: number;
  blocked: number;
  overdue: number;
  /** Shippable orders whose ship-by is within the next 6 hours. */
  dueSoon: number;
  /** Shippable orders a platform rule blocks (an active block finding): they stay out of the shipment file. */
  ruleBlocked: number;
  /** Orders by where they stand on the way out (ready includes upload failures, which may go again). */
  byShipState: Record<ShipState, number>;
  byReason: Partial<Record<ReasonCode, number>>;
  lastImportAt: string | null;
}
