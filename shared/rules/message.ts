import type { DeliveryKind } from '../domain';

/** The variables a delivery message template may use. */
export const MESSAGE_VARIABLES = ['订单号', '商品', '规格', '数量', '卡号', '密码', '激活码', '账号', '租期至', '有效期至', '充值号码'] as const;
export type MessageVariable = (typeof MESSAGE_VARIABLES)[number];

/** Per-item variables: a template that uses them is repeated once per item of the order. */
const ITEM_VARIABLES: readonly MessageVariable[] = ['卡号', '密码', '激活码', '账号', '租期至', '有效期至'];

export const DEFAULT_TEMPLATES: Record<DeliveryKind, string> = {
  card: '您好，订单 {订单号} 的卡密：卡号 {卡号} 密码 {密码}，有效期至 {有效期至}。请尽快使用。',
  code: '您好，订单 {订单号} 的激活码：{激活码}，有效期至 {有效期至}。请尽快使用。',
  account: '您好，订单 {订单号} 的账号：{账号} 密码 {密码}，租期至 {租期至}，到期请勿修改密码。',
  recharge: '您好，订单 {订单号} 已为 {充值号码} 充值 {商品} {规格}，请查收到账短信。',
  'stored-value': '您好，订单 {订单号} 的券码：{激活码}，有效期至 {有效期至}。',
  service: '您好，订单 {订单号} 的服务已安排：{商品} {规格}。',
  travel: '您好，订单 {订单号} 的行程信息：{商品} {规格}。',
  custom: '您好，订单 {订单号} 的定制内容已完成：{商品} {规格}。',
};

export interface MessageOrder { orderNo: string; productName: string; spec: string; quantity: number; rechargeNo: string }
export interface MessageItem { cardNo: string; password: string; code: string; login: string; rentalUntil: string | null; expiresAt: string | null }

/** 2026-07-01T23:59:59+08:00 → 2026-07-01 23:59 (what the buyer reads). */
function day(iso: string | null): string {
  return iso ? iso.slice(0, 16).replace('T', ' ') : '长期有效';
}

/**
 * Renders a template for an order: order variables once; if the template uses item variables,
 * it is rendered once per item and the lines joined. Unknown {名字} are left as written.
 */
export function renderMessage(template: string, order: MessageOrder, items: MessageItem[]): string {
  const orderVars: Record<string, string> = {
    订单号: order.orderNo, 商品: order.productName, 规格: order.spec, 数量: String(order.quantity), 充值号码: order.rechargeNo,
  };
  const fill = (t: string, item: MessageItem | null) => t.replace(/\{([^{}]+)\}/g, (all, name: string) => {
    if (name in orderVars) return orderVars[name];
    if (!item) return ITEM_VARIABLES.includes(name as MessageVariable) ? '' : all;
    switch (name) {
      case '卡号': return item.cardNo;
      case '密码': return item.password;
      case '激活码': return item.code || item.cardNo;
      case '账号': return item.login;
      case '租期至': return day(item.rentalUntil);
      case '有效期至': return day(item.expiresAt);
      default: return all;
    }
  });
  const perItem = ITEM_VARIABLES.some((v) => template.includes(`{${v}}`));
  if (!perItem || items.length === 0) return fill(template, items[0] ?? null);
  return items.map((it) => fill(template, it)).join('\n');
}
