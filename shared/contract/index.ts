/**
 * The one bridge contract: every channel, its request (derived from its schema) and its response,
 * merged from one file per feature. The handler table (main/handlers) must implement every
 * channel — a missing one is a compile error — and every host (Electron IPC, browser-mode HTTP,
 * CLI) mounts that same table. A new feature is a new file here plus one line in each list below.
 */
import type { z } from 'zod';
import type { JobProgress } from '../domain';
import type { AppErrorData } from '../errors';
import { allocationSchemas, type AllocationContract } from './allocation';
import { evidenceSchemas, type EvidenceContract } from './evidence';
import { exportSchemas, type ExportContract } from './export';
import { importSchemas, type ImportContract } from './import';
import { messagesSchemas, type MessagesContract } from './messages';
import { ordersSchemas, type OrdersContract } from './orders';
import { productsSchemas, type ProductsContract } from './products';
import { rulesSchemas, type RulesContract } from './rules';
import { shopsSchemas, type ShopsContract } from './shops';
import { stockSchemas, type StockContract } from './stock';

export type { FilePayload } from './define';
export type { ImportRecord } from '../domain/import';
export type { CheckedOrder, OrdersQuery } from './orders';
export type { ProductTerms } from './products';
export { termsSchema } from './products';
export type { StockSelection } from './stock';
export type { RevealedItem } from '../domain/allocation';

/** Each feature's channels, under its glossary name: every channel's prefix is its feature's name. */
export const FEATURE_SCHEMAS = {
  shops: shopsSchemas,
  import: importSchemas,
  orders: ordersSchemas,
  products: productsSchemas,
  stock: stockSchemas,
  allocation: allocationSchemas,
  messages: messagesSchemas,
  rules: rulesSchemas,
  export: exportSchemas,
  evidence: evidenceSchemas,
} as const;

/** Request schemas, validated by the handler table before any service runs. */
export const requestSchemas = {
  ...shopsSchemas,
  ...importSchemas,
  ...ordersSchemas,
  ...productsSchemas,
  ...stockSchemas,
  ...allocationSchemas,
  ...messagesSchemas,
  ...rulesSchemas,
  ...exportSchemas,
  ...evidenceSchemas,
} as const;

export type ApiContract = ShopsContract & ImportContract & OrdersContract & ProductsContract & StockContract & AllocationContract & MessagesContract & RulesContract & ExportContract & EvidenceContract;

export type Channel = keyof typeof requestSchemas & keyof ApiContract;
/** What a caller sends (the schema's input). */
export type Req<C extends Channel> = ApiContract[C]['req'];
/** What a handler receives: the request after its schema parsed it. */
export type ParsedReq<C extends Channel> = z.output<(typeof requestSchemas)[C]>;
export type Res<C extends Channel> = ApiContract[C]['res'];
export const CHANNELS = Object.keys(requestSchemas) as Channel[];

// Compile-time check: the schemas and the contract name exactly the same channels.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemasMatchContract: Same<keyof typeof requestSchemas, keyof ApiContract> = true;
void schemasMatchContract;

/** Push events from the core to the UI. */
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
  /**
   * Where the renderer loads an evidence file from (an <img> src), by id, never a disk path: the
   * app:// protocol in Electron, the token-protected route of the browser-mode host.
   */
  evidenceUrl(id: number): string;
}
