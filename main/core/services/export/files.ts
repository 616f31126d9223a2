import { existsSync, mkdirSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../../shared/errors';
import type { Db } from '../../db/open';
import { readChecked, sha256Hex, writeOnce } from '../../io/content-file';

/**
 * The files of every export, kept in the data folder under their SHA-256 (`exports/<sha256>`),
 * written once and never overwritten; the database says which export each belongs to and its name.
 */
export const EXPORTS_DIR = 'exports';

const dirOf = (dataDir: string) => join(dataDir, EXPORTS_DIR);

/** Keeps the bytes (whole or not at all) and returns their SHA-256. */
export function storeFile(dataDir: string, bytes: Uint8Array): string {
  const sha = sha256Hex(bytes);
  const dir = dirOf(dataDir);
  mkdirSync(dir, { recursive: true });
  writeOnce(join(dir, sha), bytes);
  return sha;
}

/** A kept file's bytes, checked against its hash: a file changed on disk is refused, never handed out. */
export function readStoredFile(dataDir: string, sha256: string): Uint8Array {
  const path = join(dirOf(dataDir), sha256);
  const got = readChecked(path, sha256);
  if (got === 'missing') throw new AppError('EXPORT_FILE_NOT_FOUND', { file: path });
  if (got === 'altered') throw new AppError('EXPORT_FILE_ALTERED', { file: path });
  return got;
}

/**
 * Files no export counts: left by an export that crashed before its commit (or half-written
 * temporaries). Runs inside the next export's write transaction, so no other export is between
 * writing its files and committing.
 */
export function cleanOrphans(db: Db, dataDir: string): void {
  const dir = dirOf(dataDir);
  if (!existsSync(dir)) return;
  const known = db.prepare('SELECT 1 FROM export_files WHERE sha256 = ? LIMIT 1').pluck();
  for (const f of readdirSync(dir)) {
    if (f.endsWith('.tmp') || (/^[0-9a-f]{64}$/.test(f) && !known.get(f))) {
      try { unlinkSync(join(dir, f)); } catch { /* gone already, or held open: the next export tries again */ }
    }
  }
}
