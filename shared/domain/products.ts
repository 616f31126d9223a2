/** Products (one per SKU key), how each is delivered, its terms and stock levels. Names follow the glossary (../docs/STYLE.md). */
import type { ProductTerms } from '../contract/products';
import type { Suggestion } from '../rules/suggest';
import type { Finding } from './rules';

export type { ProductTerms } from '../contract/products';

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
  /** What VShip reads from the title and spec (shared/rules/suggest); shown until the merchant confirms. */
  suggestion: Suggestion;
  lowStock: number;
  /** Shippable orders waiting for this product, and the units they need. */
  waiting: number;
  waitingUnits: number;
  levels: StockLevels;
  /** Units needed beyond what is available (0 when enough). */
  shortage: number;
  /** The product-level rule findings (its own terms), overrides shown. */
  findings: Finding[];
}
