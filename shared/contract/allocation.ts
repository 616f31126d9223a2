/** Allocation: filling orders from stock, by hand, as recharged; releasing; revealing what an order holds. */
import { z } from 'zod';
import type { FillResult, OrderItem, RechargedManyResult, RevealedItem, SupplierPreview } from '../domain';
import { filePayload, orderNo, shopId, skuKey, type FeatureContract } from './define';

const items = z.array(z.string().max(1000)).min(1).max(100);

export const allocationSchemas = {
  'allocation.fill': z.object({ shopId }).strict(),
  'allocation.undoFill': z.object({ shopId }).strict(),
  'allocation.assign': z.object({ shopId, orderNo, items }).strict(),
  'allocation.assignMany': z.object({ shopId, entries: z.array(z.object({ orderNo, items })).min(1).max(10_000) }).strict(),
  'allocation.unassign': z.object({ shopId, orderNo }).strict(),
  'allocation.recharged': z.object({ shopId, orderNo, ref: z.string().max(200).optional() }).strict(),
  /** Many top-up orders marked 已充值 at once (checked rows, or a supplier file's rows), in one transaction. */
  'allocation.rechargedMany': z.object({
    shopId, entries: z.array(z.object({ orderNo, ref: z.string().max(200).optional() }).strict()).min(1).max(100_000),
  }).strict(),
  /** A supplier's result file (订单号, 供应商单号, 状态) read and judged, nothing written. */
  'allocation.supplierPreview': z.object({ shopId, file: filePayload }).strict(),
  'allocation.reveal': z.object({ shopId, orderNo }).strict(),
  /** Many orders' items in full, as one recorded reveal (the CLI's `orders --json --reveal`). */
  'allocation.revealMany': z.object({ shopId, orderNos: z.array(orderNo).min(1).max(1_000_000) }).strict(),
  'allocation.accounts': z.object({ shopId, skuKey }).strict(),
} as const;

export type AllocationContract = FeatureContract<typeof allocationSchemas, {
  'allocation.fill': FillResult;
  'allocation.undoFill': { fillId: number | null; released: number };
  'allocation.assign': OrderItem[];
  'allocation.assignMany': { assigned: number };
  'allocation.unassign': { released: number; quarantined: number };
  'allocation.recharged': OrderItem[];
  'allocation.rechargedMany': RechargedManyResult;
  'allocation.supplierPreview': SupplierPreview;
  'allocation.reveal': RevealedItem[];
  'allocation.revealMany': Record<string, RevealedItem[]>;
  'allocation.accounts': { itemId: number; masked: string; busyUntil: string | null }[];
}>;
