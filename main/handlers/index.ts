/**
 * The one handler table: every bridge channel → its service call, merged from one file per
 * feature. The Electron shell, the browser-mode host and the CLI all mount this same table
 * through `openCore().dispatch`. A channel missing from every slice is a compile error
 * (`Handlers` is a mapped type over the contract). Handlers adapt; services decide.
 */
import { ZodError } from 'zod';
import type { Channel, Result } from '../../shared/contract';
import { requestSchemas } from '../../shared/contract';
import { AppError, formatErrorMessage, type AppErrorData } from '../../shared/errors';
import { openDatabase } from '../core/db/open';
import { chromiumRenderer } from '../core/render/chromium';
import { anchorLedgerHead, ledgerTail } from '../core/services/ledger';
import { ensureChecked } from '../core/services/rules';
import { ensureDefaultShop } from '../core/services/shops';
import { toSystemError } from '../core/system-errors';
import { allocationHandlers } from './allocation';
import type { CoreOptions, Emit, Handler } from './context';
import { evidenceHandlers } from './evidence';
import { exportHandlers } from './export';
import { importHandlers } from './import';
import { messagesHandlers } from './messages';
import { ordersHandlers } from './orders';
import { productsHandlers } from './products';
import { rulesHandlers } from './rules';
import { shopsHandlers } from './shops';
import { stockHandlers } from './stock';

export { VERSION } from '../core/version';
export type { CoreOptions, Emit, PageRenderer } from './context';

type Handlers = { [C in Channel]: Handler<C> };

/** An open data folder, as a host sees it: one dispatch for every channel, and close. */
export interface Core {
  dataDir: string;
  /** The data folder could not be written: everything can be read, every change is DATA_READ_ONLY. */
  readOnly: boolean;
  dispatch(channel: string, rawReq: unknown, emit: (event: string, payload: unknown) => void): Promise<Result<unknown>>;
  close(): void;
}

function errorResult(code: AppErrorData['code'], detail: string): Result<never> {
  return { ok: false, error: { code, message: formatErrorMessage(code, { detail }), detail } };
}

/**
 * Errors cross as data: an AppError keeps its code and place; a full disk, a locked or damaged
 * database, a read-only folder or a file-system failure gets its own code (system-errors.ts);
 * anything else is INTERNAL (and logged without payloads).
 */
export function toErrorResult(e: unknown, where: { dataDir?: string } = {}): Result<never> {
  if (e instanceof AppError) return { ok: false, error: e.toData() };
  const system = toSystemError(e, where);
  if (system) return { ok: false, error: system.toData() };
  if (e instanceof ZodError) {
    const issue = e.issues[0];
    return errorResult('INVALID_REQUEST', `${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  return errorResult('INTERNAL', e instanceof Error ? e.message : String(e));
}

export function openCore(opts: CoreOptions): Core {
  const db = openDatabase(opts.dataDir, { readOnly: opts.readOnly });
  const readOnly = db.readonly;
  if (!readOnly) {
    // Its own writes before the first request are anchored like a request's (when the head stood at the newest entry).
    const since = ledgerTail(db);
    ensureDefaultShop(db);
    ensureChecked(db);
    anchorLedgerHead(db, since);
  }
  // Delivery records need a Chromium: the host's own (Electron's offscreen window) or the system's browser, launched on first use.
  const pageRenderer = opts.pageRenderer ?? chromiumRenderer();
  const ctx = { ...opts, pageRenderer, db, readOnly };
  const handlers: Handlers = {
    ...shopsHandlers(ctx),
    ...importHandlers(ctx),
    ...ordersHandlers(ctx),
    ...productsHandlers(ctx),
    ...stockHandlers(ctx),
    ...allocationHandlers(ctx),
    ...messagesHandlers(ctx),
    ...rulesHandlers(ctx),
    ...exportHandlers(ctx),
    ...evidenceHandlers(ctx),
  };
  return {
    dataDir: opts.dataDir,
    readOnly,
    async dispatch(channel, rawReq, emit) {
      if (!Object.prototype.hasOwnProperty.call(handlers, channel)) return errorResult('UNKNOWN_CHANNEL', channel);
      const c = channel as Channel;
      // The ledger's newest entry as the request begins: the head moves over what came after it (ledger.ts).
      let since: number | undefined;
      try {
        if (!readOnly) since = ledgerTail(db);
        const req = requestSchemas[c].parse(rawReq ?? undefined) as never;
        const value = await (handlers[c] as (r: never, e: Emit) => unknown)(req, emit as Emit);
        // Committed: the ledger's head moves forward in the file beside the database (ledger.ts).
        if (since !== undefined) anchorLedgerHead(db, since);
        return { ok: true, value };
      } catch (e) {
        // A request may fail after one of its transactions committed: what it wrote is VShip's too.
        if (since !== undefined) try { anchorLedgerHead(db, since); } catch { /* the error to report is the request's */ }
        return toErrorResult(e, { dataDir: opts.dataDir });
      }
    },
    close() {
      // Only what an earlier anchor of this connection could not write (rows beyond the head are never laundered).
      if (!readOnly) anchorLedgerHead(db, Number.MAX_SAFE_INTEGER);
      db.close();
      // The browser (if one was launched) goes with the core; a CLI process exits once it has.
      void pageRenderer.close?.();
    },
  };
}
