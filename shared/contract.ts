/**
 * The one bridge contract: every channel, its request and its response. The handler table in
 * main/handlers.ts must implement every channel (a missing one is a compile error), and every
 * host (Electron IPC, browser-mode HTTP, CLI) mounts that same table.
 */
import { z } from 'zod';
import type { AppErrorData } from './errors';
import type {
  AppInfo, FillResult, JobProgress, ImportSummary, OrderDetail, OrderItem, OrdersPage, OrdersSummary, Product, Settings, Shop,
  StockBatch, StockImportResult, StockItem,
} from './domain';
import { DELIVERY_KINDS, REASONS } from './domain';

/** A file crossing the bridge: its name and bytes; the disk path only when the host knows it. */
export interface FilePayload {
  name: string;
  bytes: Uint8Array;
  path?: string;
}

const filePayload = z.object({
  name: z.string().min(1).max(500),
  bytes: z.instanceof(Uint8Array),
  path: z.string().optional(),
});
const shopId = z.number().int().positive();
const reasonCodes = Object.keys(REASONS) as [keyof typeof REASONS, ...(keyof typeof REASONS)[]];

const kinds = Object.keys(DELIVERY_KINDS) as [keyof typeof DELIVERY_KINDS, ...(keyof typeof DELIVERY_KINDS)[]];
const days = z.number().int().min(0).max(3650);
export const termsSchema = z.object({
  rentalDays: days.optional(),
  validDays: days.optional(),
  validUntil: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  fulfilDays: days.optional(),
  region: z.array(z.string().min(1).max(10)).max(40).optional(),
  brandApproved: z.boolean().optional(),
  shipHours: z.union([z.literal(24), z.literal(48)]).optional(),
  shipDays: days.optional(),
  itemsPerUnit: z.number().int().min(1).max(100).optional(),
  minValidityDays: days.optional(),
  messageTemplate: z.string().max(2000).optional(),
}).strict();
const skuKey = z.string().min(1).max(300);
const stockSep = z.enum(['----', '|', '\t', ',', ' ', 'auto']);
const selection = { shopId, itemIds: z.array(z.number().int().positive()).max(1_000_000).optional(), batchId: z.number().int().positive().optional() };

/** Request schemas, validated by the handler table before any service runs. */
export const requestSchemas = {
  'shops.appInfo': z.void().or(z.object({}).strict()).optional(),
  'shops.getSettings': z.void().or(z.object({}).strict()).optional(),
  'shops.setSettings': z.object({
    shipPromiseHours: z.number().int().min(1).max(24 * 30).optional(),
    currentShopId: shopId.optional(),
    accountCooldownHours: z.number().int().min(0).max(24 * 30).optional(),
  }).strict(),
  'shops.list': z.void().or(z.object({}).strict()).optional(),
  'shops.create': z.object({ name: z.string().trim().min(1).max(60) }).strict(),
  'import.orders': z.object({ shopId, files: z.array(filePayload).min(1).max(50) }).strict(),
  'orders.list': z.object({
    shopId,
    filter: z.enum(['all', 'shippable', 'blocked', 'overdue', 'dueSoon']).optional(),
    reason: z.enum(reasonCodes).optional(),
    search: z.string().max(100).optional(),
    skuKey: z.string().max(300).optional(),
    filled: z.boolean().optional(),
    sort: z.enum(['shipBy', 'paidAt', 'orderNo', 'productName', 'quantity', 'status', 'paidCents']).optional(),
    desc: z.boolean().optional(),
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(100_000).optional(),
  }).strict(),
  'orders.summary': z.object({ shopId }).strict(),
  'orders.get': z.object({ shopId, orderNo: z.string().min(1).max(100) }).strict(),
  'import.list': z.object({ shopId, limit: z.number().int().min(1).max(1000).optional() }).strict(),
  'products.list': z.object({ shopId }).strict(),
  'products.set': z.object({
    shopId, skuKey, kind: z.enum(kinds).optional(), terms: termsSchema.optional(), replaceTerms: z.boolean().optional(),
    lowStock: z.number().int().min(0).max(1_000_000).optional(), acceptSuggestion: z.boolean().optional(),
  }).strict(),
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
  'stock.void': z.object(selection).strict(),
  'stock.restore': z.object(selection).strict(),
  'stock.move': z.object({ ...selection, toSkuKey: skuKey }).strict(),
  'stock.reveal': z.object({ shopId, itemId: z.number().int().positive() }).strict(),
  'allocation.fill': z.object({ shopId }).strict(),
  'allocation.undoFill': z.object({ shopId }).strict(),
  'allocation.assign': z.object({ shopId, orderNo: z.string().min(1).max(100), items: z.array(z.string().max(1000)).min(1).max(100) }).strict(),
  'allocation.assignMany': z.object({ shopId, entries: z.array(z.object({ orderNo: z.string().min(1).max(100), items: z.array(z.string().max(1000)).min(1).max(100) })).min(1).max(10_000) }).strict(),
  'allocation.unassign': z.object({ shopId, orderNo: z.string().min(1).max(100) }).strict(),
  'allocation.recharged': z.object({ shopId, orderNo: z.string().min(1).max(100), ref: z.string().max(200).optional() }).strict(),
  'allocation.reveal': z.object({ shopId, orderNo: z.string().min(1).max(100) }).strict(),
  'allocation.revealMany': z.object({ shopId, orderNos: z.array(z.string().min(1).max(100)).min(1).max(1_000_000) }).strict(),
  'messages.list': z.object({ shopId, orderNos: z.array(z.string().max(100)).max(100_000).optional() }).strict(),
  'messages.export': z.object({ shopId, orderNos: z.array(z.string().max(100)).max(100_000).optional() }).strict(),
  'allocation.accounts': z.object({ shopId, skuKey }).strict(),
} as const;

export interface ImportRecord {
  id: number;
  shopId: number;
  file: string;
  sha256: string;
  format: string;
  encoding: string | null;
  rows: number;
  new: number;
  updated: number;
  unchanged: number;
  damaged: number;
  importedAt: string;
}

export interface ApiContract {
  'shops.appInfo': { req: void; res: AppInfo };
  'shops.getSettings': { req: void; res: Settings };
  'shops.setSettings': { req: Partial<Settings>; res: Settings };
  'shops.list': { req: void; res: Shop[] };
  'shops.create': { req: { name: string }; res: Shop };
  'import.orders': { req: { shopId: number; files: FilePayload[] }; res: ImportSummary };
  'orders.list': { req: z.infer<(typeof requestSchemas)['orders.list']>; res: OrdersPage };
  'orders.summary': { req: { shopId: number }; res: OrdersSummary };
  'orders.get': { req: { shopId: number; orderNo: string }; res: OrderDetail | null };
  'import.list': { req: { shopId: number; limit?: number }; res: ImportRecord[] };
  'products.list': { req: { shopId: number }; res: Product[] };
  'products.set': { req: z.infer<(typeof requestSchemas)['products.set']>; res: Product };
  'stock.import': { req: { shopId: number; skuKey: string; file?: FilePayload; text?: string; sep?: z.infer<typeof stockSep>; expiresAt?: string | null }; res: StockImportResult };
  'stock.batches': { req: { shopId: number; skuKey: string }; res: StockBatch[] };
  'stock.items': { req: z.infer<(typeof requestSchemas)['stock.items']>; res: { total: number; rows: StockItem[] } };
  'stock.void': { req: StockSelection; res: { voided: number } };
  'stock.restore': { req: StockSelection; res: { restored: number } };
  'stock.move': { req: StockSelection & { toSkuKey: string }; res: { moved: number } };
  'stock.reveal': { req: { shopId: number; itemId: number }; res: { id: number; cardNo: string; password: string; code: string; login: string; extras: string } };
  'allocation.fill': { req: { shopId: number }; res: FillResult };
  'allocation.undoFill': { req: { shopId: number }; res: { fillId: number | null; released: number } };
  'allocation.assign': { req: { shopId: number; orderNo: string; items: string[] }; res: OrderItem[] };
  'allocation.assignMany': { req: { shopId: number; entries: { orderNo: string; items: string[] }[] }; res: { assigned: number } };
  'allocation.unassign': { req: { shopId: number; orderNo: string }; res: { released: number; quarantined: number } };
  'allocation.recharged': { req: { shopId: number; orderNo: string; ref?: string }; res: OrderItem[] };
  'allocation.reveal': { req: { shopId: number; orderNo: string }; res: RevealedItem[] };
  /** Many orders' items in full, as one recorded reveal (the CLI's `orders --json --reveal`). */
  'allocation.revealMany': { req: { shopId: number; orderNos: string[] }; res: Record<string, RevealedItem[]> };
  'messages.list': { req: { shopId: number; orderNos?: string[] }; res: { orderNo: string; message: string }[] };
  'messages.export': { req: { shopId: number; orderNos?: string[] }; res: { name: string; bytes: Uint8Array; count: number } };
  'allocation.accounts': { req: { shopId: number; skuKey: string }; res: { itemId: number; masked: string; busyUntil: string | null }[] };
}

export interface RevealedItem { itemId: number | null; kind: string; cardNo: string; password: string; code: string; login: string; extras: string; rentalUntil: string | null; expiresAt: string | null; rechargeRef: string }

/** Stock items addressed one by one (itemIds) or as a whole batch (batchId). */
export interface StockSelection { shopId: number; itemIds?: number[]; batchId?: number }

export type Channel = keyof ApiContract;
export type Req<C extends Channel> = ApiContract[C]['req'];
export type Res<C extends Channel> = ApiContract[C]['res'];
export const CHANNELS = Object.keys(requestSchemas) as Channel[];

/** Push events from the core to the UI (progress of long work). */
export interface Events {
  /** Progress of long work (import now; export, checks and evidence next). */
  'job.progress': JobProgress;
  /** Electron menu 文件 → 导入订单… (Ctrl+O): the renderer opens its file picker. */
  'menu.import': null;
}
export type EventName = keyof Events;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

/** What the renderer sees: `window.vship` in Electron, an HTTP client in browser mode. */
export interface ShipBridge {
  readonly host: 'electron' | 'web';
  invoke<C extends Channel>(channel: C, req: Req<C>): Promise<Result<Res<C>>>;
  on<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void;
}
