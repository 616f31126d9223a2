import { extname } from 'node:path';

/**
 * What both hosts of the renderer send with its files — the Electron shell (`app://vship/`) and
 * browser mode (127.0.0.1) — from one definition. Host-neutral: no `electron` here.
 */

export type RendererHost = 'app' | 'web';

/**
 * The CSP directives, in the order sent. antd writes inline styles, hence 'unsafe-inline' for
 * styles only; scripts stay 'self'; the bridge of both hosts needs connect-src 'self'.
 * frame-src and form-action have only ever been sent by the Electron shell; kept so until the
 * web host is aligned on purpose.
 */
const CSP_DIRECTIVES: readonly { directive: string; hosts: readonly RendererHost[] }[] = [
  { directive: "default-src 'self'", hosts: ['app', 'web'] },
  { directive: "script-src 'self'", hosts: ['app', 'web'] },
  { directive: "style-src 'self' 'unsafe-inline'", hosts: ['app', 'web'] },
  { directive: "img-src 'self' data: blob:", hosts: ['app', 'web'] },
  { directive: "font-src 'self' data:", hosts: ['app', 'web'] },
  { directive: "connect-src 'self'", hosts: ['app', 'web'] },
  { directive: "object-src 'none'", hosts: ['app', 'web'] },
  { directive: "frame-src 'none'", hosts: ['app'] },
  { directive: "base-uri 'none'", hosts: ['app', 'web'] },
  { directive: "form-action 'none'", hosts: ['app'] },
  { directive: "frame-ancestors 'none'", hosts: ['app', 'web'] },
];

export function contentSecurityPolicy(host: RendererHost): string {
  return CSP_DIRECTIVES.filter((d) => d.hosts.includes(host)).map((d) => d.directive).join('; ');
}

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

/** The content type of a renderer file, by its extension; unknown files are plain bytes. */
export function contentTypeOf(file: string): string {
  return MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
}
