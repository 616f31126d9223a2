/** Domain types shared by the core and the UI. Names follow ../docs/STYLE.md's glossary. */

export interface Shop {
  id: number;
  name: string;
  createdAt: string;
}

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
  lastSeenAt: string;
  lastChangedAt: string;
  lineCount: number;
  /** What the order is filled with (masked); empty when not filled. */
  items: OrderItem[];
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

export interface ImportFileSummary {
  file: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  /** Data rows read (excluding the header). */
  rows: number;
  read: number;
  new: number;
  updated: number;
  unchanged: number;
  damaged: number;
  shippable: number;
  notShippable: number;
  warnings: string[];
}

export interface ImportSummary {
  importIds: number[];
  files: ImportFileSummary[];
  /** Orders read (distinct order numbers, damaged rows counted one each). */
  read: number;
  new: number;
  updated: number;
  unchanged: number;
  damaged: number;
  /** Over the orders of this import. */
  shippable: number;
  notShippable: number;
  durationMs: number;
}

export type OrderFilter = 'all' | 'shippable' | 'blocked' | 'overdue';
/** Shippable orders due within the next 6 hours (the 即将超时 card). */
export type OrderQueryFilter = OrderFilter | 'dueSoon';
export type OrderSortKey = 'shipBy' | 'paidAt' | 'orderNo' | 'productName' | 'quantity' | 'status' | 'paidCents';

export interface OrdersQuery {
  shopId: number;
  filter?: OrderQueryFilter;
  reason?: ReasonCode;
  /** Substring of the order number (or recharge number). */
  search?: string;
  /** Only orders with a line of this product. */
  skuKey?: string;
  /** true: only filled orders; false: only orders without content. */
  filled?: boolean;
  sort?: OrderSortKey;
  desc?: boolean;
  offset?: number;
  limit?: number;
}

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
  byReason: Partial<Record<ReasonCode, number>>;
  lastImportAt: string | null;
}

/** Kinds of long work that run as jobs (worker thread, progress events). */
export type JobKind = 'import';

/** The one progress event of long work (`job.progress`): which job, which phase, how far. */
export interface JobProgress {
  jobId: string;
  kind: JobKind;
  /** import: 'read' | 'write' | 'done'. */
  phase: string;
  /** Units (rows) done so far in this phase. */
  done: number;
  /** Units in this phase when known (CSV: known after decode; XLSX: estimated from the sheet size). */
  total: number | null;
  /** The file being worked on, when the job works file by file. */
  file?: string;
}

export interface AppInfo {
  version: string;
  host: 'electron' | 'web' | 'cli';
  dataDir: string;
  schemaVersion: number;
}

export interface Settings {
  /** Ship promise in hours when the export has no 承诺发货时间. */
  shipPromiseHours: number;
  currentShopId: number;
  /** Hours an account rests after a rental ends before it can be rented again. */
  accountCooldownHours: number;
}

/** How a product is delivered (issue #3). */
export const DELIVERY_KINDS = {
  card: '卡密（卡号+密码）',
  code: '激活码/兑换码',
  account: '账号租赁',
  recharge: '直充（充值到买家号码）',
  'stored-value': '储值卡/电子券',
  service: '线下服务',
  travel: '旅游出行',
  custom: '定制/设计',
} as const;
export type DeliveryKind = keyof typeof DELIVERY_KINDS;
/** Kinds whose items come from the merchant's stock. */
export const STOCKED_KINDS: readonly DeliveryKind[] = ['card', 'code', 'account', 'stored-value'];

/** Terms the platform rules check, per product. All optional; unset = not applicable / default. */
export interface ProductTerms {
  rentalDays?: number;
  validDays?: number;
  /** Fixed validity end, YYYY-MM-DD. */
  validUntil?: string;
  fulfilDays?: number;
  /** Provinces the goods may be sold to (region lock), e.g. ['江苏']. */
  region?: string[];
  /** Stored value beyond 15 days: approved by category operations (widely known brand). */
  brandApproved?: boolean;
  shipHours?: 24 | 48;
  shipDays?: number;
  itemsPerUnit?: number;
  /** Minimum days an item must still be valid at delivery. */
  minValidityDays?: number;
  messageTemplate?: string;
}

export interface StockLevels {
  available: number;
  reserved: number;
  delivered: number;
  expired: number;
  voided: number;
}

export interface Product {
  id: number;
  shopId: number;
  skuKey: string;
  title: string;
  spec: string;
  productId: string;
  kind: DeliveryKind | null;
  confirmed: boolean;
  terms: ProductTerms;
  /** What VShip reads from the title and spec; shown until the merchant confirms. */
  suggestion: { kind: DeliveryKind | null; terms: ProductTerms; why: string[] };
  lowStock: number;
  /** Shippable orders waiting for this product, and the units they need. */
  waiting: number;
  waitingUnits: number;
  levels: StockLevels;
  /** Units needed beyond what is available (0 when enough). */
  shortage: number;
}

export interface StockBatch {
  id: number;
  productId: number;
  source: string;
  sep: string | null;
  added: number;
  duplicates: number;
  expiresAt: string | null;
  createdAt: string;
  levels: StockLevels;
}

export type ItemState = 'available' | 'reserved' | 'delivered' | 'expired' | 'voided';

export interface StockItem {
  id: number;
  batchId: number;
  productId: number;
  kind: 'card' | 'code' | 'account';
  /** Masked for display, e.g. 8831****4410. */
  masked: string;
  expiresAt: string | null;
  state: ItemState;
  lineNo: number;
  createdAt: string;
}

export interface StockImportResult {
  batchId: number | null;
  added: number;
  sep: string | null;
  duplicates: { line: number; where: 'file' | 'history'; masked: string }[];
  rejected: StockRejectedLine[];
}

/** Why a stock line cannot be read: a code for programs and the UI's catalogue, a Chinese reason for people. */
export const STOCK_REJECT_REASONS = {
  LINE_TOO_LONG: '超过 {max} 个字符',
  BAD_EXPIRY: '有效期「{value}」无法识别',
  MISSING_CARD_NO: '缺少卡号',
  MISSING_PASSWORD: '缺少密码',
  MISSING_CODE: '缺少激活码',
  MISSING_LOGIN: '缺少账号',
} as const;
export type StockRejectCode = keyof typeof STOCK_REJECT_REASONS;

export interface StockRejectedLine {
  line: number;
  code: StockRejectCode;
  /** The code's text with its parameters filled in (Chinese). */
  reason: string;
  /** The code's parameters ({max}, {value}). */
  params?: Record<string, string | number>;
}

/** A rejected stock line, with its Chinese reason filled in from its code. */
export function stockRejected(line: number, code: StockRejectCode, params?: Record<string, string | number>): StockRejectedLine {
  const reason = STOCK_REJECT_REASONS[code].replace(/\{(\w+)\}/g, (_, k: string) => String(params?.[k] ?? ''));
  return params ? { line, code, reason, params } : { line, code, reason };
}

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
}

export interface FillResult {
  fillId: number | null;
  filled: number;
  items: number;
  /** Orders left waiting for stock: which product, how many it needs, how many were left. */
  short: { orderNo: string; skuKey: string; need: number; available: number }[];
  /** Orders a fill does not handle, with a code for programs and a Chinese reason for people. */
  skipped: { orderNo: string; code: SkipCode; reason: string }[];
}

export const SKIP_REASONS = {
  PRODUCT_UNCONFIRMED: '商品未确认发货方式',
  RECHARGE_PENDING: '直充商品：充值后标记“已充值”',
  NOT_STOCKED: '该发货方式不使用库存',
  RENTAL_DAYS_MISSING: '账号租赁未设置租期',
} as const;
export type SkipCode = keyof typeof SKIP_REASONS;
