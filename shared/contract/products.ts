/** Products: how each is delivered and on what terms. */
import { z } from 'zod';
import type { Product } from '../domain';
import { DELIVERY_KINDS } from '../domain/products';
import { shopId, skuKey, type FeatureContract } from './define';

const kinds = Object.keys(DELIVERY_KINDS) as [keyof typeof DELIVERY_KINDS, ...(keyof typeof DELIVERY_KINDS)[]];
const days = z.number().int().min(0).max(3650);

/** Terms the platform rules check, per product. All optional; unset = not applicable / default. */
export const termsSchema = z.object({
  rentalDays: days.optional(),
  validDays: days.optional(),
  /** Fixed validity end, YYYY-MM-DD. */
  validUntil: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  fulfilDays: days.optional(),
  /** Provinces the goods may be sold to (region lock), e.g. ['江苏']. */
  region: z.array(z.string().min(1).max(10)).max(40).optional(),
  /** Stored value beyond 15 days: approved by category operations (widely known brand). */
  brandApproved: z.boolean().optional(),
  shipHours: z.union([z.literal(24), z.literal(48)]).optional(),
  shipDays: days.optional(),
  itemsPerUnit: z.number().int().min(1).max(100).optional(),
  /** Minimum days an item must still be valid at delivery. */
  minValidityDays: days.optional(),
  messageTemplate: z.string().max(2000).optional(),
  /** An account rental the buyer can fully bind (改绑): the 15-day rental limit does not apply (seed §6(3)). */
  fullyBindable: z.boolean().optional(),
  /** What a top-up is credited to; unset = read from the title (话费/流量 → mobile, QQ → qq, else either). */
  rechargeTarget: z.enum(['mobile', 'qq', 'any']).optional(),
}).strict();
export type ProductTerms = z.infer<typeof termsSchema>;

export const productsSchemas = {
  'products.list': z.object({ shopId }).strict(),
  'products.set': z.object({
    shopId, skuKey, kind: z.enum(kinds).optional(), terms: termsSchema.optional(), replaceTerms: z.boolean().optional(),
    lowStock: z.number().int().min(0).max(1_000_000).optional(), acceptSuggestion: z.boolean().optional(),
  }).strict(),
  /** Accepts VShip's suggestion for each product named, in one transaction (批量确认建议). */
  'products.confirmMany': z.object({ shopId, skuKeys: z.array(skuKey).min(1).max(10_000) }).strict(),
} as const;

/**
 * What 批量确认建议 did: the products confirmed (as saved), and those left as they were — no
 * suggestion to accept, or already confirmed by the merchant (their word stands).
 */
export interface ConfirmManyResult {
  confirmed: Product[];
  noSuggestion: string[];
  alreadyConfirmed: string[];
}

export type ProductsContract = FeatureContract<typeof productsSchemas, {
  'products.list': Product[];
  'products.set': Product;
  'products.confirmMany': ConfirmManyResult;
}>;
