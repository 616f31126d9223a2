/**
 * How the shipment file's columns are filled: a template's header names → what each column holds,
 * where each part of an item goes, and the rows of one order. Pure, so the core writes the file
 * and the UI explains it from one rule.
 */
import type { ColumnRole, TemplateColumn, TemplateProfile } from '../domain/export';

/** The 无物流 method when the template's example row shows none. */
export const NO_LOGISTICS = '无物流';

const norm = (h: string) => h.normalize('NFKC').replace(/[\s*＊:：()（）[\]【】]/g, '').replace(/\(.*?\)/g, '');

/** A header naming the order number (订单号, or the older 订单编号), in a template or a result file. */
export const isOrderNoHeader = (header: string): boolean => /订单号|订单编号|^订单id$/i.test(norm(header));

/** A header's role, as far as its name tells. `headers`: the whole row (密码 is an account's when there is a 账号 column). */
export function guessRole(header: string, headers: readonly string[]): ColumnRole {
  const h = norm(header);
  if (h === '') return 'empty';
  if (isOrderNoHeader(header)) return 'orderNo';
  if (/充值号码|充值账号|充值手机/.test(h)) return 'rechargeNo';
  if (/运单号|快递单号|物流单号/.test(h)) return 'waybill';
  if (/发货方式|物流方式|物流公司|快递公司|配送方式|发货类型|物流/.test(h)) return 'shipMethod';
  if (/激活码|券码|兑换码|卡券码|电子码|核销码|提货码/.test(h)) return 'code';
  if (/卡号/.test(h)) return 'cardNo';
  if (/卡密/.test(h)) return 'password';
  if (/账号|帐号|登录名|用户名/.test(h)) return 'login';
  if (/密码/.test(h)) return headers.some((x) => /账号|帐号|登录名|用户名/.test(norm(x)) && !/充值/.test(norm(x))) ? 'accountPassword' : 'password';
  return 'empty';
}

/** The columns of a header row, each with its guessed role (`shipMethod` takes the example row's text). */
export function guessColumns(header: readonly string[], example: readonly string[]): TemplateColumn[] {
  return header.map((h, index) => {
    const role = guessRole(h, header);
    const col: TemplateColumn = { index, header: h, role };
    if (role === 'shipMethod') col.value = (example[index] ?? '').trim() || NO_LOGISTICS;
    return col;
  });
}

/** What an item of each kind hands over. */
export type ItemPart = 'cardNo' | 'password' | 'code' | 'login' | 'accountPassword';
export const KIND_PARTS: Record<'card' | 'code' | 'account' | 'recharge', ItemPart[]> = {
  card: ['cardNo', 'password'],
  code: ['code'],
  account: ['login', 'accountPassword'],
  recharge: [],
};

/** Where a part may go when its own column is missing, in order (two parts of one kind never share a column). */
const FALLBACK: Record<ItemPart, ColumnRole[]> = {
  cardNo: ['cardNo', 'login'],
  password: ['password', 'accountPassword'],
  code: ['code', 'cardNo', 'password'],
  login: ['login', 'cardNo'],
  accountPassword: ['accountPassword', 'password'],
};

/** For a kind: each part's column index, or null when the template has none for it. */
export function placeParts(columns: readonly TemplateColumn[], kind: keyof typeof KIND_PARTS): Map<ItemPart, number | null> {
  const m = new Map<ItemPart, number | null>();
  for (const part of KIND_PARTS[kind]) {
    let at: number | null = null;
    for (const role of FALLBACK[part]) {
      const c = columns.find((x) => x.role === role);
      if (c) { at = c.index; break; }
    }
    m.set(part, at);
  }
  return m;
}

/** placeParts, worked out once per column list and kind (an export asks for every item). */
const placedCache = new WeakMap<readonly TemplateColumn[], Map<string, Map<ItemPart, number | null>>>();
function placedFor(columns: readonly TemplateColumn[], kind: keyof typeof KIND_PARTS): Map<ItemPart, number | null> {
  let byKind = placedCache.get(columns);
  if (!byKind) placedCache.set(columns, (byKind = new Map()));
  let m = byKind.get(kind);
  if (!m) byKind.set(kind, (m = placeParts(columns, kind)));
  return m;
}

/** The built-in layout (未核实): 订单号 and the delivery columns of the kinds in the file. */
export function builtInProfile(kinds: Iterable<string> = ['card', 'code', 'account']): TemplateProfile {
  const has = new Set(kinds);
  const headers: [string, ColumnRole][] = [['订单号', 'orderNo']];
  if (has.has('card')) headers.push(['卡号', 'cardNo'], ['卡密', 'password']);
  if (has.has('code')) headers.push(['激活码', 'code']);
  if (has.has('account')) headers.push(['账号', 'login'], ['密码', 'accountPassword']);
  return {
    builtIn: true, name: '', format: 'xlsx', sha256: '', sheet: '无物流发货', headerRow: 1,
    columns: headers.map(([header, role], index) => ({ index, header, role })),
    example: [], otherSheets: [], multiItem: 'rows', setAt: null,
  };
}

/** An item as the file needs it. */
export interface ShipItem { kind: 'card' | 'code' | 'account' | 'recharge'; cardNo: string; password: string; code: string; login: string }
export interface ShipOrder { orderNo: string; rechargeNo: string; items: ShipItem[] }

const partValue = (it: ShipItem, p: ItemPart): string => (p === 'cardNo' ? it.cardNo : p === 'password' ? it.password : p === 'code' ? it.code : p === 'login' ? it.login : it.password);

/** A part of the order's items that has a value but no column ('' when every part fits). */
export function missingPart(columns: readonly TemplateColumn[], o: ShipOrder): ItemPart | null {
  for (const it of o.items) {
    const placed = placedFor(columns, it.kind);
    for (const [p, at] of placed) if (at === null && partValue(it, p) !== '') return p;
  }
  return null;
}

/** The rows of one order: one per item (`rows`) or one with the items joined by line breaks (`join`). */
export function orderRows(profile: Pick<TemplateProfile, 'columns' | 'multiItem'>, o: ShipOrder): string[][] {
  const width = profile.columns.reduce((n, c) => Math.max(n, c.index + 1), 0);
  const base = (): string[] => {
    const r = new Array<string>(width).fill('');
    for (const c of profile.columns) {
      if (c.role === 'orderNo') r[c.index] = o.orderNo;
      else if (c.role === 'rechargeNo') r[c.index] = o.rechargeNo;
      else if (c.role === 'shipMethod') r[c.index] = c.value ?? NO_LOGISTICS;
      else if (c.role === 'fixed') r[c.index] = c.value ?? '';
    }
    return r;
  };
  const put = (r: string[], it: ShipItem, join: boolean) => {
    for (const [p, at] of placedFor(profile.columns, it.kind)) {
      const v = partValue(it, p);
      if (at === null || v === '') continue;
      r[at] = join && r[at] !== '' ? `${r[at]}\n${v}` : v;
    }
  };
  const items = o.items.filter((i) => i.kind !== 'recharge');
  if (items.length === 0) return [base()];
  if (profile.multiItem === 'join') {
    const r = base();
    for (const it of items) put(r, it, true);
    return [r];
  }
  return items.map((it) => {
    const r = base();
    put(r, it, false);
    return r;
  });
}
