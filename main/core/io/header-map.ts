/**
 * Order-export columns by name, never by position: the merchant chooses which columns to export,
 * old exports use legacy names, and re-saved files carry full-width brackets and stray spaces.
 */
export const ORDER_FIELDS = {
  orderNo: ['订单号', '订单编号'],
  productName: ['商品', '商品名称'],
  status: ['订单状态'],
  totalAmount: ['商品总价(元)'],
  postage: ['邮费(元)'],
  paidAmount: ['用户实付金额(元)', '实付金额(元)'],
  quantity: ['商品数量(件)', '商品数量', '数量'],
  shippedAt: ['发货时间'],
  productId: ['商品id'],
  spec: ['商品规格'],
  styleId: ['样式id'],
  skuCode: ['商家编码-规格维度', '商家编码-sku维度'],
  goodsCode: ['商家编码-商品维度'],
  merchantMemo: ['商家备注'],
  afterSale: ['售后状态'],
  dealAt: ['订单成交时间', '拼单成功时间', '订单确认时间'],
  paidAt: ['支付时间'],
  shipBy: ['承诺发货时间'],
  buyerMemo: ['买家留言'],
  rechargeNo: ['充值号码'],
  province: ['省', '省份'],
  city: ['市', '城市'],
  district: ['区', '区县'],
} as const;

export type OrderField = keyof typeof ORDER_FIELDS;

/** Header text in a comparable form: no BOM, whitespace or tabs; half-width brackets; ASCII lower-case. */
export function normalizeHeader(h: string): string {
  return h
    .replace(/[\uFEFF\s\u3000]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** Each name's field and its rank among the field's names. */
const LOOKUP = new Map<string, { field: OrderField; rank: number }>();
for (const [field, names] of Object.entries(ORDER_FIELDS) as [OrderField, readonly string[]][]) {
  names.forEach((n, rank) => LOOKUP.set(normalizeHeader(n), { field, rank }));
}

/**
 * Fields whose names are different columns that one export may hold side by side (an old export
 * has 订单成交时间 beside 拼单成功时间): the name listed first wins. The names of every other field
 * are the same column renamed (订单号 / 订单编号), so two of them make the file ambiguous.
 */
const FALLBACK_FIELDS: ReadonlySet<OrderField> = new Set(['dealAt']);

export interface HeaderMap {
  /** Column index of each known field present in the file (the first occurrence). */
  index: Partial<Record<OrderField, number>>;
  /** The header as the file wrote it, cleaned of tabs and stray spaces (for the raw record). */
  names: string[];
  /**
   * The first known field that two columns claim (two 售后状态, or 订单号 beside 订单编号), as
   * 0-based column indexes: which one the merchant meant cannot be known, so the file is refused.
   * Two columns of a name VShip does not read are left alone: neither is ever read.
   */
  duplicate: { field: OrderField; first: number; second: number } | null;
}

export function mapHeader(header: readonly string[]): HeaderMap {
  const index: Partial<Record<OrderField, number>> = {};
  const names = header.map((h) => h.replace(/^[\uFEFF\s\u3000]+|[\s\u3000]+$/g, ''));
  const rankOf: Partial<Record<OrderField, number>> = {};
  let duplicate: HeaderMap['duplicate'] = null;
  names.forEach((h, i) => {
    const hit = LOOKUP.get(normalizeHeader(h));
    if (!hit) return;
    const { field, rank } = hit;
    const seen = index[field];
    if (seen === undefined) {
      index[field] = i;
      rankOf[field] = rank;
    } else if (FALLBACK_FIELDS.has(field) && rank !== rankOf[field]) {
      if (rank < rankOf[field]!) {
        index[field] = i;
        rankOf[field] = rank;
      }
    } else {
      duplicate ??= { field, first: seen, second: i };
    }
  });
  return { index, names, duplicate };
}
