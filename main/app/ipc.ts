import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Result } from '../../shared/contract';
import { ERROR_CODES, type ErrorCode } from '../../shared/errors';
import type { Core } from '../handlers';
import { APP_ORIGIN } from './protocol';

/** IPC channel names shared with preload.ts (which cannot import this file: it runs sandboxed). */
export const INVOKE_CHANNEL = 'vship:invoke';
export const EVENT_CHANNEL = 'vship:event';

/** Pushes a core event (or a menu command) to the renderer, the one way the preload listens. */
export function sendEvent(contents: WebContents, event: string, payload: unknown): void {
  if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, { event, payload });
}

/**
 * Mounts the core's handler table on `vship:invoke`. Only the main frame of our own window,
 * showing our own origin, may call it; anything else gets UNAUTHORIZED as data.
 */
export function mountBridge(core: Core, ourContents: () => WebContents | undefined): () => void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, channel: unknown, req: unknown): Promise<Result<unknown>> => {
    if (!isTrusted(event, ourContents())) return failure('UNAUTHORIZED');
    if (typeof channel !== 'string') return failure('UNKNOWN_CHANNEL');
    const sender = event.sender;
    try {
      return await core.dispatch(channel, req, (name, payload) => sendEvent(sender, name, payload));
    } catch (err) {
      // dispatch reports errors as data; reaching here is a bug in the core, not the caller's fault.
      console.error(`[vship] ${channel} failed:`, err);
      return failure('INTERNAL');
    }
  });
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}

function isTrusted(event: IpcMainInvokeEvent, ours: WebContents | undefined): boolean {
  const frame = event.senderFrame;
  return (
    !!ours &&
    event.sender === ours &&
    !!frame &&
    frame === ours.mainFrame &&
    frame.url.startsWith(`${APP_ORIGIN}/`)
  );
}

function failure(code: ErrorCode): Result<unknown> {
  return { ok: false, error: { code, message: ERROR_CODES[code] } };
}
