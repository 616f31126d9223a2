import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { Result } from '../../shared/contract';
import { contentSecurityPolicy, contentTypeOf } from '../hosts/assets';
import { evidenceNotFound, evidenceResponse, parseEvidenceId, type EvidenceResponse } from '../hosts/evidence-response';

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

/** One evidence file's bytes by id, hash-checked by the core (`evidence.file`). */
export type EvidenceReader = (id: number) => Promise<Result<{ name: string; mime: string; bytes: Uint8Array }>>;

/**
 * Serves files under `rendererDir` (inside app.asar when packaged) with the CSP on every response,
 * and `app://vship/evidence/<id>` from the core (by id, never a path: see main/hosts/evidence-response.ts).
 */
export function serveRenderer(rendererDir: string, readEvidence?: EvidenceReader): void {
  const root = resolve(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (`${url.protocol}//${url.host}` !== APP_ORIGIN || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return notFound();
    }
    const evidence = /^\/evidence\/([^/]*)$/.exec(url.pathname);
    if (evidence) {
      const id = parseEvidenceId(evidence[1]);
      if (id === null || !readEvidence) return toResponse(evidenceNotFound(), request.method);
      try {
        return toResponse(evidenceResponse(await readEvidence(id)), request.method);
      } catch {
        return toResponse(evidenceResponse({ ok: false, error: { code: 'INTERNAL', message: '读取凭证时出错' } }), request.method);
      }
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

function toResponse(r: EvidenceResponse, method: string): Response {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.headers)) headers[k.toLowerCase()] = v;
  return new Response(method === 'HEAD' ? null : new Uint8Array(r.body), { status: r.status, headers });
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
