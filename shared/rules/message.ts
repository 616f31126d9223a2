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

/** A piece of a rendered message: the merchant's template text, or a value of the order or of an item. */
export interface MessageSegment { text: string; from: 'template' | 'order' | 'item' }

/**
 * Renders a template for an order: order variables once; if the template uses item variables,
 * it is rendered once per item and the lines joined. Unknown {名字} are left as written.
 */
export function renderMessage(template: string, order: MessageOrder, items: MessageItem[]): string {
  return renderMessageSegments(template, order, items).map((s) => s.text).join('');
}

/**
 * renderMessage as segments, so a check can tell the merchant's words from the values filled in
 * (the diversion check reads only `from: 'template'`). Joined, they are renderMessage's text.
 * Empty values give no segment; neighbouring segments of one origin are merged.
 */
export function renderMessageSegments(template: string, order: MessageOrder, items: MessageItem[]): MessageSegment[] {
  const orderVars: Record<string, string> = {
    订单号: order.orderNo, 商品: order.productName, 规格: order.spec, 数量: String(order.quantity), 充值号码: order.rechargeNo,
  };
  const out: MessageSegment[] = [];
  const emit = (text: string, from: MessageSegment['from']) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last && last.from === from) last.text += text;
    else out.push({ text, from });
  };
  const itemValue = (name: string, item: MessageItem): string | null => {
    switch (name) {
      case '卡号': return item.cardNo;
      case '密码': return item.password;
      case '激活码': return item.code || item.cardNo;
      case '账号': return item.login;
      case '租期至': return day(item.rentalUntil);
      case '有效期至': return day(item.expiresAt);
      default: return null;
    }
  };
  const fill = (t: string, item: MessageItem | null) => {
    let last = 0;
    for (const m of t.matchAll(PLACEHOLDER)) {
      emit(t.slice(last, m.index), 'template');
      last = m.index + m[0].length;
      const name = m[1];
      if (name in orderVars) emit(String(orderVars[name]), 'order');
      else if (!item) emit(ITEM_VARIABLES.includes(name as MessageVariable) ? '' : m[0], 'template');
      else {
        const v = itemValue(name, item);
        if (v === null) emit(m[0], 'template');
        else emit(v, 'item');
      }
    }
    emit(t.slice(last), 'template');
  };
  const perItem = ITEM_VARIABLES.some((v) => template.includes(`{${v}}`));
  if (!perItem || items.length === 0) fill(template, items[0] ?? null);
  else items.forEach((it, i) => { if (i) emit('\n', 'template'); fill(template, it); });
  return out;
}

const PLACEHOLDER = /\{([^{}]+)\}/g;
