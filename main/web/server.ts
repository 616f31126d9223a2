import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, sep } from 'node:path';
import { decodeWire, encodeWire } from '../../shared/wire';
import { toErrorResult, type Core } from '../handlers';
import { contentSecurityPolicy, contentTypeOf } from '../hosts/assets';

/**
 * Browser mode: the built renderer and the bridge over HTTP, on 127.0.0.1 only, random port,
 * a random token per start. The page lives under /t/<token>/ (a browser cannot add headers to
 * page loads); every API call must carry the token in the X-VShip-Token header (never a cookie,
 * so another site cannot ride on it), and Host/Origin must name this server (no DNS rebinding).
 */
export interface WebHost {
  url: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

const MAX_BODY = 512 * 1024 * 1024;
const CSP = contentSecurityPolicy('web');

export function startWebHost(core: Core, opts: { staticDir: string; port?: number; token?: string }): Promise<WebHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const tokenBuf = Buffer.from(token);
  const subscribers = new Set<ServerResponse>();
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

  const server = createServer((req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (!hostOk(req)) return deny(res, 403, 'Forbidden host');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

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
      return void readBody(req).then(async (body) => {
        let result;
        try {
          const payload = body.byteLength ? decodeWire(body) : undefined;
          result = await core.dispatch(m[1], payload, emit);
        } catch (e) {
          result = toErrorResult(e);
        }
        const out = encodeWire(result);
        res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Cache-Control': 'no-store', 'Content-Length': out.byteLength });
        res.end(out);
      }, (e: Error) => deny(res, 413, e.message));
    }

    // Static renderer under /t/<token>/
    const sm = /^\/t\/([^/]+)(\/.*)?$/.exec(url.pathname);
    if (!sm || !tokenOk(sm[1])) return deny(res, 403, 'VShip 浏览器模式：请使用启动时打印的完整地址（含令牌）打开。');
    if (!sm[2]) { res.writeHead(302, { Location: `/t/${sm[1]}/` }); return void res.end(); }
    if (req.method !== 'GET' && req.method !== 'HEAD') return deny(res, 405, 'Method not allowed');
    const rel = decodeURIComponent(sm[2] === '/' ? '/index.html' : sm[2]);
    const file = normalize(join(opts.staticDir, rel));
    if (!file.startsWith(normalize(opts.staticDir) + sep) || !existsSync(file) || !statSync(file).isFile()) return deny(res, 404, 'Not found');
    const type = contentTypeOf(file);
    const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': 'no-cache' };
    if (type.startsWith('text/html')) headers['Content-Security-Policy'] = CSP;
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
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

function readBody(req: IncomingMessage): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let n = 0;
    req.on('data', (c: Buffer) => {
      n += c.length;
      if (n > MAX_BODY) { reject(new Error('请求太大')); req.destroy(); return; }
      chunks.push(c);
    });
    req.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}
