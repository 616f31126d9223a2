import type { DeliveryKind, ProductTerms, ReasonCode } from '../../domain';
import type { RuleId, RuleParams, ShopType } from '../../domain/rules';

/** What the product rules read of a product: its kind and terms as the merchant set them (or as suggested, until confirmed). */
export interface RuleProduct {
  skuKey: string;
  title: string;
  spec: string;
  kind: DeliveryKind | null;
  confirmed: boolean;
  terms: ProductTerms;
}

/** What the order rules read of an order to ship (待发货). */
export interface RuleOrder {
  orderNo: string;
  reason: ReasonCode | null;
  afterSale: string;
  province: string;
  rechargeNo: string;
  paidAt: string | null;
  shipBy: string | null;
  /** The product of each line (null: no product known for the line's SKU key). */
  products: (RuleProduct | null)[];
  /** The items bound to the order now (masked label, expiry). */
  items: { label: string; expiresAt: string | null }[];
  /** Set when the order waits for stock it cannot get: what it needs and what is left for it. */
  stockShort: { need: number; available: number } | null;
}

/** Everything a rule may depend on besides its subject. */
export interface RuleEnv {
  /** ms since epoch. */
  now: number;
  params: Record<RuleId, RuleParams>;
  shopType: ShopType;
  /** The home province of a mobile number (offline number-prefix data), or null; absent in the UI. */
  provinceOfNumber?: (no: string) => string | null;
}

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
