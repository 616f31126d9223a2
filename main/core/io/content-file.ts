import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { writeFileWhole } from './write-file';

/**
 * Files kept under their SHA-256 (the export files, the evidence archive): written once, whole,
 * never overwritten; read back only when the bytes still hash to their name.
 */

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Writes the bytes unless the file is there already (same hash, same bytes); true when written. */
export function writeOnce(path: string, bytes: Uint8Array): boolean {
  if (existsSync(path)) return false;
  writeFileWhole(path, bytes);
  return true;
}

/** The bytes at `path` when they still hash to `sha256`; what is wrong otherwise (the caller names it in its own words). */
export function readChecked(path: string, sha256: string): Uint8Array | 'missing' | 'altered' {
  if (!existsSync(path)) return 'missing';
  const bytes = readFileSync(path);
  return sha256Hex(bytes) === sha256 ? bytes : 'altered';
}
