/** Shops, settings, app info and the data folder's check. */
import { z } from 'zod';
import type { AppInfo, DbCheckResult, Settings, Shop } from '../domain';
import { noRequest, shopId, type FeatureContract } from './define';

export const shopsSchemas = {
  'shops.appInfo': noRequest,
  'shops.getSettings': noRequest,
  'shops.setSettings': z.object({
    shipPromiseHours: z.number().int().min(1).max(24 * 30).optional(),
    currentShopId: shopId.optional(),
    accountCooldownHours: z.number().int().min(0).max(24 * 30).optional(),
  }).strict(),
  'shops.list': noRequest,
  'shops.create': z.object({ name: z.string().trim().min(1).max(60) }).strict(),
  /** The data folder's health: SQLite's own check, foreign keys, stock rows that contradict their allocations. */
  'shops.checkDb': z.object({ quick: z.boolean().optional() }).strict().optional(),
} as const;

export type ShopsContract = FeatureContract<typeof shopsSchemas, {
  'shops.appInfo': AppInfo;
  'shops.getSettings': Settings;
  'shops.setSettings': Settings;
  'shops.list': Shop[];
  'shops.create': Shop;
  'shops.checkDb': DbCheckResult;
}>;
