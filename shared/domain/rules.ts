/** Platform-rule checks: the rules, their findings and the merchant's overrides. Names follow the glossary (../docs/STYLE.md). */

/** block: never goes into the shipment file; warn: ships, and the merchant is told. */
export type Severity = 'block' | 'warn';

/** What a rule looks at: a product's own terms, an order, or a message the merchant wrote. */
export type RuleScope = 'product' | 'order' | 'message';

export const RULE_IDS = [
  'RENTAL_MAX_DAYS', 'STORED_VALUE_MAX_DAYS', 'SERVICE_MAX_DAYS', 'TRAVEL_MAX_DAYS', 'TRAVEL_ENTERPRISE_ONLY',
  'NO_APP_CALL_GOODS', 'REGION_PRODUCT_OPEN', 'REGION_LOCK', 'RECHARGE_TARGET', 'LATE_SHIPMENT', 'CUSTOM_SHIP_DEADLINE',
  'ITEM_EXPIRED', 'ITEM_VALIDITY_SHORT', 'OUT_OF_STOCK', 'NOT_CONFIRMED', 'AFTER_SALE_OPEN', 'NO_DIVERSION',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** A parameter's value: a number (days, hours), a switch, or a list of words. */
export type RuleParamValue = number | boolean | string[];
export type RuleParams = Record<string, RuleParamValue>;

/** Values a finding carries for its message (`{days}`, `{max}`, `{province}` …). */
export type FindingParams = Record<string, string | number>;

/** A part of the merchant's text that a finding points at (UTF-16 offsets), to highlight it. */
export interface FindingSpan { start: number; end: number; text: string }

/** What a rule found, before it is stored: the rule, its severity and the values of its message. */
export interface RuleHit {
  rule: RuleId;
  severity: Severity;
  /** The finding's own values; `reason` picks one of the rule's messages (RULE_MESSAGES) when a rule has several. */
  params: FindingParams;
  spans?: FindingSpan[];
}

/** A finding as lists show it: the hit, where it came from, and the override lifting it. */
export interface Finding extends RuleHit {
  /** 'product': a product-level rule, shown on each order of the product. */
  origin: 'order' | 'product';
  /** The product a product-level finding is about. */
  skuKey?: string;
  /** The override lifting this block (null when none). */
  override: RuleOverride | null;
}

export interface RuleOverride {
  id: number;
  subject: 'order' | 'product';
  /** The order number or the product's SKU key. */
  key: string;
  rule: RuleId;
  reason: string;
  /** This PC (its name and the user signed in). */
  by: string;
  at: string;
}

export interface RuleParamInfo {
  name: string;
  type: 'int' | 'bool' | 'words';
  value: RuleParamValue;
  default: RuleParamValue;
  min?: number;
  max?: number;
}

/** What a rule is, in its catalogue (shared/rules/platform/catalogue.ts) and on every screen. */
export interface RuleBasics {
  scope: RuleScope;
  severity: Severity;
  /** The clause of the platform's guidance it comes from (seed §6(3) …). */
  clause: string;
  title: string;
  explain: string;
  fix: string;
  /** A block the merchant may lift for one order or product, with a written reason. */
  overridable: boolean;
}

/** A rule as the settings screen and `vship rules` show it. */
export interface RuleInfo extends RuleBasics {
  id: RuleId;
  params: RuleParamInfo[];
  /** Some parameter differs from the default. */
  changed: boolean;
}

export interface RuleCount {
  rule: RuleId;
  severity: Severity;
  /** Orders and products with an active (not overridden) finding of this rule. */
  orders: number;
  products: number;
  /** Orders and products whose finding of this rule an override lifts (each counted once). */
  overridden: number;
}

export interface RulesSummary {
  /** When the findings were last computed (null: never). */
  checkedAt: string | null;
  /** Orders (to ship: 待发货) with at least one active block, and with warnings only. */
  blockedOrders: number;
  warnedOrders: number;
  blockedProducts: number;
  counts: RuleCount[];
}

/** One finding in the flat list (`vship check`, the 规则检查 screen). */
export interface FindingRow extends Finding {
  subject: 'order' | 'product';
  /** The order number, or the product's SKU key. */
  key: string;
  /** The product's title and spec (for an order: its first line's). */
  title: string;
  /** The finding in Chinese (the core's words). */
  message: string;
}

export interface FindingsPage { total: number; offset: number; rows: FindingRow[] }

/** The shop's type: travel goods are for enterprise shops only (seed §5(1)). */
export const SHOP_TYPES = { personal: '个人', enterprise: '企业' } as const;
export type ShopType = keyof typeof SHOP_TYPES;
