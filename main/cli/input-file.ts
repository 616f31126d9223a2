import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../shared/errors';
import { formatBytes, LIMITS } from '../core/io/limits';
import { toSystemError } from '../core/system-errors';
import { InputError } from './errors';

/**
 * A file named on the command line, as the bridge carries it (name + bytes, path beside).
 * Its size is checked before it is read: a file over the import limit is FILE_TOO_LARGE, never
 * a read that exhausts memory (Node itself refuses files over 2 GiB with an uncoded error).
 */
export function readInputFile(path: string): { name: string; path: string; bytes: Uint8Array } {
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new AppError('FILE_NOT_FOUND', { file: path, detail: 'EISDIR' });
    if (st.size > LIMITS.maxFileBytes) throw new AppError('FILE_TOO_LARGE', { file: path, notes: [{ key: 'SIZE_LIMIT', params: { limit: formatBytes(LIMITS.maxFileBytes) } }] });
    return { name: basename(path), path, bytes: new Uint8Array(readFileSync(path)) };
  } catch (e) {
    const err = toSystemError(e) ?? new AppError('FS_ERROR', { detail: e instanceof Error ? e.message : String(e) });
    const data = err.where.file ? err.toData() : new AppError(err.code, { ...err.where, file: path }).toData();
    throw new InputError(data);
  }
}
