import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EvidenceMime } from '../../../../shared/domain';
import { AppError } from '../../../../shared/errors';
import { readChecked, sha256Hex, writeOnce } from '../../io/content-file';

export { sha256Hex };

/**
 * The evidence archive: every file under the data folder by its SHA-256,
 * `evidence/<first two hex digits>/<sha256>.<ext>` (the extension from its type, read from its
 * bytes), written once, never overwritten or deleted by VShip. The database (evidence_files,
 * evidence) says which order each belongs to; a file the database does not know is reported by
 * `verify`, never removed.
 */
export const EVIDENCE_DIR = 'evidence';

export const MIME_EXT: Readonly<Record<EvidenceMime, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/bmp': 'bmp',
  'image/gif': 'gif',
  'application/pdf': 'pdf',
};

/** Where a stored file lives, relative to the data folder (as `verify` and packs name it). */
export const evidenceRelPath = (sha256: string, mime: EvidenceMime): string => `${EVIDENCE_DIR}/${sha256.slice(0, 2)}/${sha256}.${MIME_EXT[mime]}`;
export const evidencePath = (dataDir: string, sha256: string, mime: EvidenceMime): string => join(dataDir, evidenceRelPath(sha256, mime));

/**
 * Keeps the bytes under their hash (whole or not at all); `stored` is false when they were already
 * there. `known`: the hash the caller already took of these very bytes (a folder's files are
 * hashed once, not twice).
 */
export function storeEvidenceBytes(dataDir: string, bytes: Uint8Array, mime: EvidenceMime, known?: string): { sha256: string; stored: boolean } {
  const sha256 = known ?? sha256Hex(bytes);
  mkdirSync(join(dataDir, EVIDENCE_DIR, sha256.slice(0, 2)), { recursive: true });
  return { sha256, stored: writeOnce(evidencePath(dataDir, sha256, mime), bytes) };
}

/** A stored file's bytes, checked against its hash: a missing or changed file is refused, never handed out. */
export function readEvidenceBytes(dataDir: string, sha256: string, mime: EvidenceMime): Uint8Array {
  const got = readChecked(evidencePath(dataDir, sha256, mime), sha256);
  if (got === 'missing') throw new AppError('EVIDENCE_FILE_MISSING', { file: evidenceRelPath(sha256, mime) });
  if (got === 'altered') throw new AppError('EVIDENCE_FILE_ALTERED', { file: evidenceRelPath(sha256, mime) });
  return got;
}
