import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { contentSecurityPolicy, contentTypeOf } from '../hosts/assets';

/**
 * The renderer is served from `app://vship/` rather than file://: a real origin for 'self' in the
 * CSP, response headers we control (file:// has none), and no access to the rest of the disk.
 */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://vship';
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** The CSP of every response: see main/hosts/assets.ts (shared with browser mode). */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy('app');

/** Before `app.ready`: app:// becomes a secure, standard origin. No corsEnabled: other origins may not read it. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves files under `rendererDir` (inside app.asar when packaged) with the CSP on every response. */
export function serveRenderer(rendererDir: string): void {
  const root = resolve(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (`${url.protocol}//${url.host}` !== APP_ORIGIN || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return notFound();
    }
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
    } catch {
      return notFound();
    }
    const file = resolve(root, rel);
    if (!file.startsWith(root + sep)) return notFound();
    try {
      return respond(file, await readFile(file));
    } catch {
      // A client-side route (no extension) falls back to the app shell; a missing asset is a 404.
      if (extname(rel) !== '') return notFound();
      try {
        const index = resolve(root, 'index.html');
        return respond(index, await readFile(index));
      } catch {
        return notFound();
      }
    }
  });
}

function respond(file: string, body: Buffer): Response {
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      'content-type': contentTypeOf(file),
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    },
  });
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
