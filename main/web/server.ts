import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, sep } from 'node:path';
import type { Result } from '../../shared/contract';
import { AppError, type ErrorCode, type ErrorWhere } from '../../shared/errors';
import { decodeWire, encodeWire } from '../../shared/wire';
import { WEB_MAX_BODY_BYTES } from '../../shared/rules/file-limits';
import { toErrorResult, type Core } from '../handlers';
import { contentSecurityPolicy, contentTypeOf } from '../hosts/assets';
import { evidenceNotFound, evidenceResponse, parseEvidenceId, type EvidenceResponse } from '../hosts/evidence-response';

/**
 * Browser mode: the built renderer and the bridge over HTTP, on 127.0.0.1 only, random port,
 * a random token per start. The page lives under /t/<token>/ (a browser cannot add headers to
 * page loads); every API call must carry the token in the X-VShip-Token header (never a cookie,
 * so another site cannot ride on it), and Host/Origin must name this server (no DNS rebinding).
 *
 * No request can take the host down: every request is answered inside one guard (a URL that
 * does not parse is 400 BAD_URL, anything else unexpected 500), bodies are capped (413
 * FILE_TOO_LARGE, said before the body is read when Content-Length gives it away) and at most a
 * few large bodies are held in memory at once (503 HOST_BUSY for the next).
 */
export interface WebHost {
  url: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

/** A bridge request's body, whole: the files of one import (see shared/rules/file-limits.ts). */
export const MAX_BODY_BYTES = WEB_MAX_BODY_BYTES;
/** Bodies this small (every call but an upload) never wait for an upload slot. */
export const SMALL_BODY_BYTES = 1024 * 1024;
/** Large bodies held at once; the next one is told HOST_BUSY. */
export const MAX_UPLOADS = 2;

export interface WebHostOptions {
  staticDir: string;
  port?: number;
  token?: string;
  /** Limits, for tests; the defaults above otherwise. */
  maxBodyBytes?: number;
  smallBodyBytes?: number;
  maxUploads?: number;
}

const CSP = contentSecurityPolicy('web');

/** An HTTP status with the bridge error it carries. */
class HttpError extends Error {
  constructor(readonly status: number, readonly code: ErrorCode, readonly where: ErrorWhere = {}) { super(code); }
}

const sizeText = (n: number) => (n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.round(n / 1024)} KB`);

export function startWebHost(core: Core, opts: WebHostOptions): Promise<WebHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const tokenBuf = Buffer.from(token);
  const maxBody = opts.maxBodyBytes ?? MAX_BODY_BYTES;
  const smallBody = Math.min(opts.smallBodyBytes ?? SMALL_BODY_BYTES, maxBody);
  const maxUploads = opts.maxUploads ?? MAX_UPLOADS;
  const subscribers = new Set<ServerResponse>();
  let uploads = 0;
  let port = 0;

  const emit = (event: string, payload: unknown) => {
    const line = JSON.stringify({ event, payload }) + '\n';
    for (const res of subscribers) res.write(line);
  };

  const tokenOk = (t: string | undefined) => {
    if (!t) return false;
    const b = Buffer.from(t);
    return b.length === tokenBuf.length && timingSafeEqual(b, tokenBuf);
  };
  const hostOk = (req: IncomingMessage) => {
    const allowed = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowed.includes(req.headers.host ?? '')) return false;
    const origin = req.headers.origin;
    return !origin || allowed.some((a) => origin === `http://${a}`);
  };
  const deny = (res: ServerResponse, status: number, text: string) => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(text);
  };
  /** A bridge error as the renderer reads it (a wire frame), with its HTTP status; the connection closes when asked. */
  const fail = (res: ServerResponse, status: number, result: Result<never>, close = false) => {
    if (res.headersSent) { res.destroy(); return; }
    const out = encodeWire(result);
    const headers: Record<string, string | number> = { 'Content-Type': 'application/octet-stream', 'Cache-Control': 'no-store', 'Content-Length': out.byteLength };
    if (close) headers.Connection = 'close';
    res.writeHead(status, headers);
    res.end(out);
  };
  const tooLarge = (res: ServerResponse) =>
    fail(res, 413, toErrorResult(new AppError('FILE_TOO_LARGE', { notes: [{ key: 'SIZE_LIMIT', params: { limit: sizeText(maxBody) } }] })), true);

  /** Reads a bridge body within the limits; a large one holds an upload slot until its response is done. */
  const readBody = (req: IncomingMessage, res: ServerResponse): Promise<Uint8Array> => new Promise((resolve, reject) => {
    const declared = req.headers['content-length'] === undefined ? null : Number(req.headers['content-length']);
    if (declared !== null && declared > maxBody) { reject(new HttpError(413, 'FILE_TOO_LARGE')); return; }
    let slot = false;
    const takeSlot = () => {
      if (slot) return true;
      if (uploads >= maxUploads) return false;
      uploads++;
      slot = true;
      res.once('close', () => { uploads--; });
      return true;
    };
    if (declared !== null && declared > smallBody && !takeSlot()) { reject(new HttpError(503, 'HOST_BUSY')); return; }
    // Known length: one buffer, filled as chunks arrive (no second copy to concatenate).
    const whole = declared !== null && Number.isSafeInteger(declared) && declared > 0 ? Buffer.allocUnsafe(declared) : null;
    const chunks: Buffer[] = [];
    let n = 0;
    let done = false;
    const stop = (e: HttpError) => { done = true; req.removeAllListeners('data'); reject(e); };
    req.on('data', (c: Buffer) => {
      if (done) return;
      if (n + c.length > maxBody) { stop(new HttpError(413, 'FILE_TOO_LARGE')); return; }
      if (n + c.length > smallBody && !takeSlot()) { stop(new HttpError(503, 'HOST_BUSY')); return; }
      if (whole && n + c.length <= whole.length) c.copy(whole, n);
      else chunks.push(c);
      n += c.length;
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      const body = whole && chunks.length === 0 ? whole.subarray(0, n) : Buffer.concat(whole ? [whole.subarray(0, Math.min(n, whole.length)), ...chunks] : chunks);
      resolve(new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
    });
    // The client went away mid-body: nobody reads the answer, the slot is freed by the close.
    req.on('error', () => { if (!done) { done = true; reject(new HttpError(400, 'INVALID_REQUEST')); } });
  });

  /** Answers a refused body, then reads (and drops) what the client still sends for a moment, so it sees the answer rather than a reset. */
  const refuseBody = (req: IncomingMessage, res: ServerResponse, e: HttpError) => {
    if (e.status === 413) tooLarge(res);
    else fail(res, e.status, toErrorResult(new AppError(e.code, e.where)), true);
    req.on('data', () => undefined);
    req.resume();
    const t = setTimeout(() => req.destroy(), 2000);
    t.unref();
    req.once('end', () => clearTimeout(t));
  };

  const invoke = (req: IncomingMessage, res: ServerResponse, channel: string) => {
    readBody(req, res).then(async (body) => {
      let result;
      try {
        let payload: unknown;
        try {
          payload = body.byteLength ? decodeWire(body) : undefined;
        } catch (e) {
          // A body that is not a wire frame (cut, or not VShip's) is the request's fault, not the host's.
          throw new AppError('INVALID_REQUEST', { detail: (e as Error).message.slice(0, 120) });
        }
        result = await core.dispatch(channel, payload, emit);
      } catch (e) {
        result = toErrorResult(e);
      }
      const out = encodeWire(result);
      if (res.destroyed) return;
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Cache-Control': 'no-store', 'Content-Length': out.byteLength });
      res.end(out);
    }, (e: unknown) => {
      if (e instanceof HttpError) refuseBody(req, res, e);
      else fail(res, 500, toErrorResult(e), true);
    }).catch(() => res.destroy());
  };

  const sendEvidence = (req: IncomingMessage, res: ServerResponse, r: EvidenceResponse) => {
    if (res.destroyed) return;
    res.writeHead(r.status, { ...r.headers, 'Content-Length': String(r.body.byteLength) });
    res.end(req.method === 'HEAD' ? undefined : r.body);
  };
  const serveEvidence = (req: IncomingMessage, res: ServerResponse, segment: string) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return deny(res, 405, 'Method not allowed');
    const id = parseEvidenceId(segment);
    if (id === null) return sendEvidence(req, res, evidenceNotFound());
    core.dispatch('evidence.file', { id }, emit)
      .then((result) => sendEvidence(req, res, evidenceResponse(result as Parameters<typeof evidenceResponse>[0])))
      .catch((e: unknown) => sendEvidence(req, res, evidenceResponse(toErrorResult(e))))
      .catch(() => res.destroy());
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (!hostOk(req)) return deny(res, 403, 'Forbidden host');
    const raw = req.url ?? '/';
    let url: URL;
    try {
      if (!raw.startsWith('/') || raw.startsWith('//')) throw new Error('not a path');
      url = new URL(raw, `http://127.0.0.1:${port}`);
    } catch {
      throw new HttpError(400, 'BAD_URL');
    }

    if (url.pathname.startsWith('/api/')) {
      const h = req.headers['x-vship-token'];
      if (!tokenOk(Array.isArray(h) ? h[0] : h)) return deny(res, 401, '访问被拒绝：缺少或错误的令牌 (token)');
      if (url.pathname === '/api/events' && req.method === 'GET') {
        res.writeHead(200, { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
        res.write(JSON.stringify({ event: 'hello', payload: {} }) + '\n');
        subscribers.add(res);
        const ping = setInterval(() => res.write('\n'), 15_000);
        req.on('close', () => { clearInterval(ping); subscribers.delete(res); });
        return;
      }
      const m = /^\/api\/invoke\/([a-z.]+)$/i.exec(url.pathname);
      if (!m || req.method !== 'POST') return deny(res, 404, 'Not found');
      return invoke(req, res, m[1]);
    }

    // Static renderer under /t/<token>/
    const sm = /^\/t\/([^/]+)(\/.*)?$/.exec(url.pathname);
    if (!sm || !tokenOk(sm[1])) return deny(res, 403, 'VShip 浏览器模式：请使用启动时打印的完整地址（含令牌）打开。');
    // One evidence file by id, under the page's token (an <img> cannot send the header): never a path.
    const em = /^\/evidence\/([^/]*)$/.exec(sm[2] ?? '');
    if (em) return serveEvidence(req, res, em[1]);
    if (!sm[2]) { res.writeHead(302, { Location: `/t/${sm[1]}/` }); return void res.end(); }
    if (req.method !== 'GET' && req.method !== 'HEAD') return deny(res, 405, 'Method not allowed');
    let rel: string;
    try {
      rel = decodeURIComponent(sm[2] === '/' ? '/index.html' : sm[2]);
    } catch {
      throw new HttpError(400, 'BAD_URL');
    }
    if (rel.includes('\0')) throw new HttpError(400, 'BAD_URL');
    const file = normalize(join(opts.staticDir, rel));
    if (!file.startsWith(normalize(opts.staticDir) + sep) || !existsSync(file) || !statSync(file).isFile()) return deny(res, 404, 'Not found');
    const type = contentTypeOf(file);
    const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': 'no-cache' };
    if (type.startsWith('text/html')) headers['Content-Security-Policy'] = CSP;
    res.writeHead(200, headers);
    const stream = createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  };

  const server = createServer((req, res) => {
    // A client that goes away mid-request is not the host's error.
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    try {
      handle(req, res);
    } catch (e) {
      if (res.headersSent) { res.destroy(); return; }
      if (e instanceof HttpError) { deny(res, e.status, new AppError(e.code, e.where).message); return; }
      const r = toErrorResult(e);
      deny(res, 500, r.ok ? 'Internal error' : r.error.message);
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/t/${token}/`,
        port,
        token,
        server,
        close: () => new Promise<void>((r) => {
          for (const s of subscribers) s.end();
          server.close(() => r());
          server.closeAllConnections();
        }),
      });
    });
  });
}
