/** Stock: importing, listing, voiding, restoring, moving and revealing items. */
import { z } from 'zod';
import type { StockBatch, StockImportResult, StockItem } from '../domain';
import { STOCK_SEP_CHOICES } from '../rules/stock-separators';
import { shopId, skuKey, filePayload, type FeatureContract } from './define';

const stockSep = z.enum(STOCK_SEP_CHOICES);

/** Stock items addressed one by one (itemIds) or as a whole batch (batchId). */
const selection = z.object({
  shopId,
  itemIds: z.array(z.number().int().positive()).max(1_000_000).optional(),
  batchId: z.number().int().positive().optional(),
}).strict();
export type StockSelection = z.infer<typeof selection>;

export const stockSchemas = {
  'stock.import': z.object({
    shopId, skuKey, file: filePayload.optional(), text: z.string().max(50_000_000).optional(), sep: stockSep.optional(),
    expiresAt: z.string().max(40).nullable().optional(),
  }).strict().refine((r) => !!r.file !== (r.text !== undefined), { message: '需要文件或粘贴的文本（二选一）' }),
  'stock.batches': z.object({ shopId, skuKey }).strict(),
  'stock.items': z.object({
    shopId, skuKey, batchId: z.number().int().positive().optional(),
    state: z.enum(['available', 'reserved', 'delivered', 'expired', 'voided']).optional(),
    offset: z.number().int().min(0).optional(), limit: z.number().int().min(1).max(10_000).optional(),
  }).strict(),
  'stock.void': selection,
  'stock.restore': selection,
  'stock.move': selection.extend({ toSkuKey: skuKey }).strict(),
  'stock.reveal': z.object({ shopId, itemId: z.number().int().positive() }).strict(),
} as const;

export type StockContract = FeatureContract<typeof stockSchemas, {
  'stock.import': StockImportResult;
  'stock.batches': StockBatch[];
  'stock.items': { total: number; rows: StockItem[] };
  'stock.void': { voided: number };
  'stock.restore': { restored: number };
  'stock.move': { moved: number };
  'stock.reveal': { id: number; cardNo: string; password: string; code: string; login: string; extras: string };
}>;
