/**
 * Browser-mode bridge: the same ShipBridge over HTTP to the web host on 127.0.0.1.
 * The page lives at /t/<token>/; every request carries the token in X-VShip-Token (never a
 * cookie). Requests and responses are wire frames (shared/wire.ts) so file bytes cross raw.
 * Events come as one long ndjson response, read with fetch because EventSource cannot send
 * headers; it reconnects when the stream drops.
 */
import type { Channel, EventName, Events, Req, Res, Result, ShipBridge } from '../../../shared/contract';
import { formatErrorMessage, isAppErrorData, type AppErrorData, type ErrorCode } from '../../../shared/errors';
import { tooLargeError, WEB_MAX_BODY_BYTES } from '../../../shared/rules/file-limits';
import { decodeWire, encodeWire } from '../../../shared/wire';

const TOKEN_HEADER = 'X-VShip-Token';
const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 5000;

export function tokenFromPath(pathname: string): string | null {
  const m = /^\/t\/([^/]+)\//.exec(pathname);
  return m ? decodeURIComponent(m[1]) : null;
}

function failure(code: ErrorCode, detail?: string): { ok: false; error: AppErrorData } {
  return { ok: false, error: { code, message: formatErrorMessage(code, { detail }), ...(detail ? { detail } : {}) } };
}

function isResult(x: unknown): x is Result<unknown> {
  if (typeof x !== 'object' || x === null || !('ok' in x)) return false;
  const r = x as { ok: unknown; error?: unknown };
  return r.ok === true || (r.ok === false && isAppErrorData(r.error));
}

/** A request over the browser-mode host's body limit (the desktop app and `vship import` take larger files). */
function tooLarge(): { ok: false; error: AppErrorData } {
  return { ok: false, error: tooLargeError(WEB_MAX_BODY_BYTES) };
}

type Listener = (payload: unknown) => void;

export function createWebBridge(pathname: string = location.pathname): ShipBridge {
  const token = tokenFromPath(pathname);
  const listeners = new Map<EventName, Set<Listener>>();
  let stream: AbortController | null = null;

  async function invoke<C extends Channel>(channel: C, req: Req<C>): Promise<Result<Res<C>>> {
    if (!token) return failure('UNAUTHORIZED');
    // void requests go as {} so the host's schema (void | {}) accepts them after decoding.
    const body = encodeWire(req ?? {});
    // The host would answer 413; saying it here spares sending a body it will not read.
    if (body.byteLength > WEB_MAX_BODY_BYTES) return tooLarge();
    let response: Response;
    try {
      response = await fetch(`/api/invoke/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { [TOKEN_HEADER]: token, 'Content-Type': 'application/octet-stream' },
        body: body as Uint8Array<ArrayBuffer>,
      });
    } catch (e) {
      return failure('INTERNAL', e instanceof Error ? e.message : String(e));
    }
    let decoded: unknown;
    try {
      decoded = decodeWire(new Uint8Array(await response.arrayBuffer()));
    } catch {
      decoded = undefined;
    }
    if (isResult(decoded)) return decoded as Result<Res<C>>;
    if (response.status === 401 || response.status === 403) return failure('UNAUTHORIZED');
    if (response.status === 404) return failure('UNKNOWN_CHANNEL', channel);
    if (response.status === 413) return tooLarge();
    if (response.status === 503) return failure('HOST_BUSY');
    return failure('INTERNAL', `HTTP ${response.status}`);
  }

  function dispatch(line: string): void {
    if (!line.trim()) return;
    let msg: { event?: unknown; payload?: unknown };
    try {
      msg = JSON.parse(line) as typeof msg;
    } catch {
      return;
    }
    const set = listeners.get(msg.event as EventName);
    if (!set) return;
    for (const cb of [...set]) {
      try {
        cb(msg.payload);
      } catch (e) {
        console.error(e);
      }
    }
  }

  async function readStream(ctrl: AbortController): Promise<void> {
    let delay = RECONNECT_MIN_MS;
    while (!ctrl.signal.aborted) {
      try {
        const res = await fetch('/api/events', { headers: { [TOKEN_HEADER]: token ?? '' }, signal: ctrl.signal, cache: 'no-store' });
        if (res.ok && res.body) {
          delay = RECONNECT_MIN_MS;
          const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
          let buffered = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffered += value;
            let nl: number;
            while ((nl = buffered.indexOf('\n')) >= 0) {
              dispatch(buffered.slice(0, nl));
              buffered = buffered.slice(nl + 1);
            }
          }
          dispatch(buffered);
        }
      } catch {
        /* dropped or aborted: retry below unless aborted */
      }
      if (ctrl.signal.aborted) return;
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, RECONNECT_MAX_MS);
    }
  }

  function on<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    const listener = cb as Listener;
    set.add(listener);
    if (!stream && token) {
      stream = new AbortController();
      void readStream(stream);
    }
    return () => {
      set.delete(listener);
      const any = [...listeners.values()].some((s) => s.size > 0);
      if (!any && stream) {
        stream.abort();
        stream = null;
      }
    };
  }

  /** Under the page's own token path: an <img> cannot send the token header, and the page's path already carries it. */
  const evidenceUrl = (id: number) => (token ? `/t/${encodeURIComponent(token)}/evidence/${id}` : '');
  return { host: 'web', invoke, on, evidenceUrl } satisfies ShipBridge;
}
