import { resolve, sep } from 'node:path';
import { AppError, type ErrorCode } from '../../shared/errors';

/**
 * What the machine said, as an error the merchant can act on: SQLite's result codes (from
 * better-sqlite3's SqliteError) and Node's file-system errno codes, each mapped to one code with
 * a Chinese message that says what to do. Everything else (a bug, a constraint failing) is not a
 * system error and stays INTERNAL. One table, used by the handler table, the job worker, the CLI
 * and the hosts' startup.
 *
 * | SQLite                                   | Node fs                         | code               |
 * |------------------------------------------|---------------------------------|--------------------|
 * | SQLITE_FULL                              | ENOSPC, EDQUOT                  | DISK_FULL          |
 * | SQLITE_BUSY*, SQLITE_LOCKED*             |                                 | DB_BUSY            |
 * | SQLITE_CORRUPT*, SQLITE_NOTADB           |                                 | DB_CORRUPT         |
 * | SQLITE_READONLY*                         | EROFS (in the data folder)      | DATA_READ_ONLY     |
 * | SQLITE_PERM, SQLITE_AUTH                 | EACCES, EPERM, EROFS (elsewhere)| FILE_ACCESS_DENIED |
 * |                                          | ENOENT, ENOTDIR                 | FILE_NOT_FOUND     |
 * | SQLITE_IOERR*, SQLITE_CANTOPEN*          | EBUSY, EMFILE, EIO, …           | FS_ERROR           |
 *
 * SQLite reports a write that hit ENOSPC as SQLITE_FULL itself (unix and Windows VFS alike), so
 * the remaining SQLITE_IOERR_* are real I/O failures: FS_ERROR, with SQLite's code in the detail.
 */
export function toSystemError(e: unknown, where: { dataDir?: string } = {}): AppError | null {
  if (e instanceof AppError) return e;
  if (typeof e !== 'object' || e === null) return null;
  const code = (e as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  if (code.startsWith('SQLITE_')) {
    // SQLite's own English words add nothing the code's message does not say; its code helps support.
    const mapped = sqliteCode(code);
    return mapped ? new AppError(mapped, { detail: code }) : null;
  }
  const path = (e as { path?: unknown }).path;
  const at = typeof path === 'string' ? path : undefined;
  const mapped = fsCode(code, at, where.dataDir);
  return mapped ? new AppError(mapped, { detail: at ? `${code}: ${at}` : code }) : null;
}

function sqliteCode(code: string): ErrorCode | null {
  const base = /^SQLITE_[A-Z]+/.exec(code)?.[0] ?? code;
  switch (base) {
    case 'SQLITE_FULL': return 'DISK_FULL';
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED': return 'DB_BUSY';
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB': return 'DB_CORRUPT';
    case 'SQLITE_READONLY': return 'DATA_READ_ONLY';
    case 'SQLITE_PERM':
    case 'SQLITE_AUTH': return 'FILE_ACCESS_DENIED';
    case 'SQLITE_IOERR':
    case 'SQLITE_CANTOPEN': return 'FS_ERROR';
    default: return null;
  }
}

const FS_FAILURES = new Set(['EBUSY', 'EMFILE', 'ENFILE', 'EIO', 'EAGAIN', 'ETXTBSY', 'EISDIR', 'ELOOP', 'ENAMETOOLONG', 'EXDEV', 'ENOTEMPTY', 'EEXIST', 'EFBIG', 'ENXIO', 'ENODEV', 'ESTALE', 'UNKNOWN']);

function fsCode(code: string, path: string | undefined, dataDir: string | undefined): ErrorCode | null {
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT': return 'DISK_FULL';
    case 'EACCES':
    case 'EPERM': return 'FILE_ACCESS_DENIED';
    case 'EROFS': return !path || !dataDir || isInside(path, dataDir) ? 'DATA_READ_ONLY' : 'FILE_ACCESS_DENIED';
    case 'ENOENT':
    case 'ENOTDIR': return 'FILE_NOT_FOUND';
    default: return FS_FAILURES.has(code) ? 'FS_ERROR' : null;
  }
}

function isInside(path: string, dir: string): boolean {
  const p = resolve(path);
  const d = resolve(dir);
  return p === d || p.startsWith(d.endsWith(sep) ? d : d + sep);
}
