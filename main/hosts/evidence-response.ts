import type { Result } from '../../shared/contract';
import { EVIDENCE_MIMES } from '../../shared/domain/evidence';

/**
 * How both hosts of the renderer answer a request for one evidence file (`/t/<token>/evidence/<id>`
 * in browser mode, `app://vship/evidence/<id>` in Electron): by evidence id only, never a path,
 * the bytes as the core hands them back hash-checked (an altered file is refused, never shown).
 * Host-neutral: no `electron`, no `http` here.
 */

/** A stored file is named by its content: its bytes under one id never change. */
const CACHE = 'private, max-age=86400, immutable';
/**
 * An image or PDF opened on its own is a document of our origin: it may show itself (img-src
 * 'self', the viewer's inline styles) and nothing else — no script, no request anywhere.
 */
export const EVIDENCE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";

export interface EvidenceResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** The evidence id of a route's last segment: digits only, a safe integer above 0; anything else is no id. */
export function parseEvidenceId(segment: string): number | null {
  if (!/^[1-9]\d{0,14}$/.test(segment)) return null;
  const id = Number(segment);
  return Number.isSafeInteger(id) ? id : null;
}

/** `inline; filename="…"; filename*=UTF-8''…` (RFC 6266 / 5987): an ASCII stand-in, then the real name. */
export function contentDisposition(name: string): string {
  const base = name.replace(/[\\/]/g, '_');
  const ascii = base.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(base).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `inline; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

function text(status: number, message: string): EvidenceResponse {
  return {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
    body: new TextEncoder().encode(message),
  };
}

/** No such evidence (or no id at all): 404, in the merchant's words. */
export const evidenceNotFound = (): EvidenceResponse => text(404, '找不到该凭证');

/** The answer to `evidence.file`'s result: the file, or 404 (unknown, missing), 409 (altered), 500. */
export function evidenceResponse(result: Result<{ name: string; mime: string; bytes: Uint8Array }>): EvidenceResponse {
  if (!result.ok) {
    const { code, message } = result.error;
    if (code === 'EVIDENCE_FILE_ALTERED') return text(409, message);
    if (code === 'EVIDENCE_NOT_FOUND' || code === 'EVIDENCE_FILE_MISSING' || code === 'INVALID_REQUEST') return text(404, message || '找不到该凭证');
    // Anything else is VShip's fault, not the merchant's: no internals in the answer.
    return text(500, code === 'INTERNAL' || !message ? '读取凭证时出错' : message);
  }
  const { name, mime, bytes } = result.value;
  // Only the types evidence may have go out as themselves; anything else would be a core bug, sent as a download.
  const known = (EVIDENCE_MIMES as readonly string[]).includes(mime);
  return {
    status: 200,
    headers: {
      'Content-Type': known ? mime : 'application/octet-stream',
      'Content-Length': String(bytes.byteLength),
      'Content-Security-Policy': EVIDENCE_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': CACHE,
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Content-Disposition': known ? contentDisposition(name) : contentDisposition(name).replace(/^inline/, 'attachment'),
    },
    body: bytes,
  };
}
