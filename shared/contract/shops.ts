/** Shops, settings, app info and the data folder's check. */
import { z } from 'zod';
import type { AppInfo, DbCheckResult, Settings, Shop } from '../domain';
import { SHOP_TYPES } from '../domain/rules';
import { noRequest, shopId, type FeatureContract } from './define';

const shopType = z.enum(Object.keys(SHOP_TYPES) as [keyof typeof SHOP_TYPES, ...(keyof typeof SHOP_TYPES)[]]);

export const shopsSchemas = {
  'shops.appInfo': noRequest,
  'shops.getSettings': noRequest,
  'shops.setSettings': z.object({
    shipPromiseHours: z.number().int().min(1).max(24 * 30).optional(),
    currentShopId: shopId.optional(),
    accountCooldownHours: z.number().int().min(0).max(24 * 30).optional(),
    exportMaxRows: z.number().int().min(1).max(1_000_000).optional(),
    attentionHours: z.number().int().min(1).max(24 * 30).optional(),
  }).strict(),
  'shops.list': noRequest,
  'shops.create': z.object({ name: z.string().trim().min(1).max(60), type: shopType.optional() }).strict(),
  /** 个人 / 企业, changed later (the rules are checked again). */
  'shops.setType': z.object({ shopId, type: shopType }).strict(),
  /** The data folder's health: SQLite's own check, foreign keys, stock rows that contradict their allocations. */
  'shops.checkDb': z.object({ quick: z.boolean().optional() }).strict().optional(),
} as const;

export type ShopsContract = FeatureContract<typeof shopsSchemas, {
  'shops.appInfo': AppInfo;
  'shops.getSettings': Settings;
  'shops.setSettings': Settings;
  'shops.list': Shop[];
  'shops.create': Shop;
  'shops.setType': Shop;
  'shops.checkDb': DbCheckResult;
}>;
