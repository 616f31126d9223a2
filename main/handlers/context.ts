import type { Channel, Events, ParsedReq, Res } from '../../shared/contract';
import type { Db } from '../core/db/open';

export type Emit = <E extends keyof Events>(event: E, payload: Events[E]) => void;

export interface CoreOptions {
  dataDir: string;
  host: 'electron' | 'web' | 'cli';
  /** The built job worker (out/main/job-worker.cjs); long work runs in-process without it. */
  workerPath?: string;
  /** Open the data folder for viewing only, even when it could be written. */
  readOnly?: boolean;
  /**
   * Renders a delivery record's HTML to PNG or PDF. The Electron shell gives an offscreen window;
   * browser mode and the CLI use the default (playwright-core with the system's Chromium or Edge).
   */
  pageRenderer?: PageRenderer;
}

/** HTML (self-contained: inline styles, data: images) → bytes, rendered by a Chromium. */
export interface PageRenderer {
  render(html: string, format: 'png' | 'pdf'): Promise<Uint8Array>;
  close?(): Promise<void>;
}

/** What a feature's handlers are built with: the database and the host's options. */
export interface HandlerContext extends CoreOptions {
  db: Db;
  /** The database was opened read-only (asked for, or the folder cannot be written). */
  readOnly: boolean;
}

export type Handler<C extends Channel> = (req: ParsedReq<C>, emit: Emit) => Res<C> | Promise<Res<C>>;

/** The handlers of one feature: exactly the channels whose names start with `<feature>.`. */
export type FeatureHandlers<F extends string> = { [C in Channel as C extends `${F}.${string}` ? C : never]: Handler<C> };
