/**
 * The one handler table: every bridge channel → its service call. The Electron shell, the
 * browser-mode host and the CLI all mount this same table through `openCore().dispatch`.
 * A channel missing here is a compile error (`Handlers` is a mapped type over the contract).
 */
import { ZodError } from 'zod';
import type { Channel, Events, Req, Res, Result } from '../shared/contract';
import { requestSchemas } from '../shared/contract';
import { AppError, formatErrorMessage } from '../shared/errors';
import { openDatabase, SCHEMA_VERSION, type Db } from './core/db/open';
import { importOrders } from './core/jobs/start-import';
import { getOrder, listImports, listOrders, ordersSummary } from './core/services/orders';
import { getSettings, setSettings } from './core/services/settings';
import { listProducts, setProduct } from './core/services/products';
import { assign, assignMany, markRecharged, productAccounts, revealOrder, revealOrders, runFill, unassign, undoLastFill } from './core/services/allocation';
import { exportMessages, orderMessages } from './core/services/messages';
import { importStock, listBatches, listItems, moveItems, restoreItems, revealItem, voidItems } from './core/services/stock';
import { createShop, ensureDefaultShop, listShops } from './core/services/shops';

declare const __VSHIP_VERSION__: string;
export const VERSION = typeof __VSHIP_VERSION__ === 'string' ? __VSHIP_VERSION__ : '0.0.0-dev';

export type Emit = <E extends keyof Events>(event: E, payload: Events[E]) => void;
type Handlers = { [C in Channel]: (req: Req<C>, emit: Emit) => Res<C> | Promise<Res<C>> };

export interface CoreOptions {
  dataDir: string;
  host: 'electron' | 'web' | 'cli';
  /** The built import worker (out/main/job-worker.cjs); imports run in-process without it. */
  workerPath?: string;
}

export interface Core {
  dataDir: string;
  db: Db;
  dispatch(channel: string, rawReq: unknown, emit: (event: string, payload: unknown) => void): Promise<Result<unknown>>;
  close(): void;
}

function createHandlers(db: Db, opts: CoreOptions): Handlers {
  return {
    'shops.appInfo': () => ({ version: VERSION, host: opts.host, dataDir: opts.dataDir, schemaVersion: SCHEMA_VERSION }),
    'shops.getSettings': () => getSettings(db),
    'shops.setSettings': (req) => setSettings(db, req),
    'shops.list': () => listShops(db),
    'shops.create': (req) => createShop(db, req.name),
    'import.orders': (req, emit) => importOrders(db, opts, req, (p) => emit('job.progress', p)),
    'orders.list': (req) => listOrders(db, req),
    'orders.summary': (req) => ordersSummary(db, req.shopId),
    'orders.get': (req) => getOrder(db, req.shopId, req.orderNo),
    'import.list': (req) => listImports(db, req.shopId, req.limit),
    'products.list': (req) => listProducts(db, req.shopId),
    'products.set': (req) => setProduct(db, req.shopId, req.skuKey, req),
    'stock.import': (req) => importStock(db, {
      shopId: req.shopId, skuKey: req.skuKey, name: req.file?.name ?? '粘贴', bytes: req.file?.bytes, text: req.text,
      sep: req.sep === undefined ? 'auto' : req.sep, expiresAt: req.expiresAt ?? null,
    }),
    'stock.batches': (req) => listBatches(db, req.shopId, req.skuKey),
    'stock.items': (req) => listItems(db, req),
    'stock.void': (req) => voidItems(db, req),
    'stock.restore': (req) => restoreItems(db, req),
    'stock.move': (req) => moveItems(db, req),
    'stock.reveal': (req) => revealItem(db, req.shopId, req.itemId),
    'allocation.fill': (req) => runFill(db, req.shopId),
    'allocation.undoFill': (req) => undoLastFill(db, req.shopId),
    'allocation.assign': (req) => assign(db, req.shopId, req.orderNo, req.items),
    'allocation.assignMany': (req) => assignMany(db, req.shopId, req.entries),
    'allocation.unassign': (req) => unassign(db, req.shopId, req.orderNo),
    'allocation.recharged': (req) => markRecharged(db, req.shopId, req.orderNo, req.ref ?? ''),
    'allocation.reveal': (req) => revealOrder(db, req.shopId, req.orderNo),
    'allocation.revealMany': (req) => revealOrders(db, req.shopId, req.orderNos),
    'messages.list': (req) => orderMessages(db, req.shopId, req.orderNos),
    'messages.export': (req) => exportMessages(db, req.shopId, req.orderNos),
    'allocation.accounts': (req) => productAccounts(db, req.shopId, req.skuKey),
  };
}

/** Errors cross as data: an AppError keeps its code and place; anything else is INTERNAL (and logged without payloads). */
export function toErrorResult(e: unknown): Result<never> {
  if (e instanceof AppError) return { ok: false, error: e.toData() };
  if (e instanceof ZodError) {
    const issue = e.issues[0];
    return { ok: false, error: { code: 'INVALID_REQUEST', message: formatErrorMessage('INVALID_REQUEST', { detail: `${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim() }) } };
  }
  return { ok: false, error: { code: 'INTERNAL', message: formatErrorMessage('INTERNAL', { detail: e instanceof Error ? e.message : String(e) }) } };
}

export function openCore(opts: CoreOptions): Core {
  const db = openDatabase(opts.dataDir);
  ensureDefaultShop(db);
  const handlers = createHandlers(db, opts);
  return {
    dataDir: opts.dataDir,
    db,
    async dispatch(channel, rawReq, emit) {
      if (!Object.prototype.hasOwnProperty.call(handlers, channel)) {
        return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: formatErrorMessage('UNKNOWN_CHANNEL', { detail: channel }) } };
      }
      const c = channel as Channel;
      try {
        const req = requestSchemas[c].parse(rawReq ?? undefined) as never;
        const value = await (handlers[c] as (r: never, e: Emit) => unknown)(req, emit as Emit);
        return { ok: true, value };
      } catch (e) {
        return toErrorResult(e);
      }
    },
    close() {
      db.close();
    },
  };
}
