import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { InputError } from './errors';

/** A file named on the command line, as the bridge carries it (name + bytes, path beside). */
export function readInputFile(path: string): { name: string; path: string; bytes: Uint8Array } {
  try {
    return { name: basename(path), path, bytes: new Uint8Array(readFileSync(path)) };
  } catch {
    throw new InputError({ code: 'INVALID_REQUEST', message: `文件「${path}」无法读取（不存在或没有权限）`, file: path });
  }
}
