import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EvidenceMime } from '../../../../shared/domain';
import { AppError } from '../../../../shared/errors';
import { writeFileWhole } from '../../io/write-file';

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

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Where a stored file lives, relative to the data folder (as `verify` and packs name it). */
export const evidenceRelPath = (sha256: string, mime: EvidenceMime): string => `${EVIDENCE_DIR}/${sha256.slice(0, 2)}/${sha256}.${MIME_EXT[mime]}`;
export const evidencePath = (dataDir: string, sha256: string, mime: EvidenceMime): string => join(dataDir, evidenceRelPath(sha256, mime));

/**
 * Keeps the bytes under their hash (whole or not at all); `stored` is false when they were already
 * there. `sha256`: the hash the caller already took of these very bytes (a folder's files are
 * hashed once, not twice).
 */
export function storeEvidenceBytes(dataDir: string, bytes: Uint8Array, mime: EvidenceMime, known?: string): { sha256: string; stored: boolean } {
  const sha256 = known ?? sha256Hex(bytes);
  const path = evidencePath(dataDir, sha256, mime);
  if (existsSync(path)) return { sha256, stored: false };
  mkdirSync(join(dataDir, EVIDENCE_DIR, sha256.slice(0, 2)), { recursive: true });
  writeFileWhole(path, bytes);
  return { sha256, stored: true };
}

/** A stored file's bytes, checked against its hash: a missing or changed file is refused, never handed out. */
export function readEvidenceBytes(dataDir: string, sha256: string, mime: EvidenceMime): Uint8Array {
  const path = evidencePath(dataDir, sha256, mime);
  const rel = evidenceRelPath(sha256, mime);
  if (!existsSync(path)) throw new AppError('EVIDENCE_FILE_MISSING', { file: rel });
  const bytes = readFileSync(path);
  if (sha256Hex(bytes) !== sha256) throw new AppError('EVIDENCE_FILE_ALTERED', { file: rel });
  return bytes;
}
