/**
 * The one way the UI talks to the core. In Electron the sandboxed preload exposes a ShipBridge
 * as `window.vship`; in browser mode we speak HTTP to the local web host (./web.ts).
 */
import type { Channel, Req, Res, ShipBridge } from '../../../shared/contract';
import type { AppErrorData } from '../../../shared/errors';
import { createWebBridge } from './web';

declare global {
  interface Window {
    vship?: ShipBridge;
  }
}

let bridge: ShipBridge | undefined;

export function getBridge(): ShipBridge {
  bridge ??= window.vship ?? createWebBridge();
  return bridge;
}

/** A failed call, carrying the core's error data (code, Chinese message, file/row/column). */
export class BridgeError extends Error {
  readonly data: AppErrorData;
  constructor(data: AppErrorData) {
    super(data.message);
    this.name = 'BridgeError';
    this.data = data;
  }
}

/** invoke + unwrap: resolves with the value, rejects with a BridgeError. */
export async function call<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>> {
  const result = await getBridge().invoke(channel, req);
  if (!result.ok) throw new BridgeError(result.error);
  return result.value;
}

/** The error data of a failed call; anything else thrown in the UI is INTERNAL, its message the detail. */
export function errorData(e: unknown): AppErrorData {
  if (e instanceof BridgeError) return e.data;
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'INTERNAL', message, detail: message };
}
