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

const LOOKUP = new Map<string, OrderField>();
for (const [field, names] of Object.entries(ORDER_FIELDS) as [OrderField, readonly string[]][]) {
  for (const n of names) LOOKUP.set(normalizeHeader(n), field);
}

export interface HeaderMap {
  /** Column index of each known field present in the file (the first occurrence wins). */
  index: Partial<Record<OrderField, number>>;
  /** The header as the file wrote it, cleaned of tabs and stray spaces (for the raw record). */
  names: string[];
}

export function mapHeader(header: readonly string[]): HeaderMap {
  const index: Partial<Record<OrderField, number>> = {};
  const names = header.map((h) => h.replace(/^[\uFEFF\s\u3000]+|[\s\u3000]+$/g, ''));
  names.forEach((h, i) => {
    const f = LOOKUP.get(normalizeHeader(h));
    if (f && index[f] === undefined) index[f] = i;
  });
  return { index, names };
}
