import Database from 'better-sqlite3';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../../../shared/errors';
import { anchorLedgerHead, ledgerTail } from '../services/ledger';
import { toSystemError } from '../system-errors';
import { MIGRATIONS } from './migrations';

// SQLite reads `file:` names as URIs only when asked, before the addon's first connection: the
// read-only fallback below needs `?immutable=1`. Plain paths (all VShip passes otherwise) are unaffected.
process.env.SQLITE_USE_URI ??= '1';

export type Db = Database.Database;
export const SCHEMA_VERSION = MIGRATIONS.length;
export const DB_FILE = 'vship.db';

/**
 * Which build of better-sqlite3 to load: Node's own, except inside Electron in a development
 * checkout, where main/app/main.ts points VSHIP_SQLITE_BINDING at the Electron build kept beside it
 * (one native build per runtime, so the Node and the Electron suites pass in one `npm test`).
 */
export function sqliteOptions(versions: NodeJS.ProcessVersions = process.versions, env: NodeJS.ProcessEnv = process.env): { nativeBinding?: string } {
  const binding = versions.electron ? env.VSHIP_SQLITE_BINDING : undefined;
  return binding ? { nativeBinding: binding } : {};
}

/** How long a write waits for another VShip (the app and the CLI may share a folder) before DB_BUSY. */
const BUSY_TIMEOUT_MS = 10_000;

export interface OpenOptions {
  /** Open for viewing only, even when the folder is writable (`--read-only`). */
  readOnly?: boolean;
}

/**
 * Opens (creating if needed) the data folder's database: WAL, foreign keys, migrations applied.
 * A folder or file that cannot be written is opened read-only instead (no migrations: one that
 * needs them is DATA_READ_ONLY); `db.readonly` says which. A damaged, locked or unreadable file
 * is the AppError that says so (DB_CORRUPT, DB_BUSY, …), never a raw SqliteError.
 */
export function openDatabase(dataDir: string, opts: OpenOptions = {}): Db {
  try {
    // writable() creates a missing folder.
    if (opts.readOnly || !writable(dataDir)) return openReadOnly(dataDir);
    const db = new Database(join(dataDir, DB_FILE), sqliteOptions());
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      tune(db);
      // A migration's ledger entries are VShip's own: anchored at once, but only when the head stood
      // at the newest entry before (rows already beyond it are not laundered into the anchored chain).
      const since = schemaOf(db) < MIGRATIONS.length ? ledgerTail(db) : null;
      migrate(db);
      if (since !== null) anchorLedgerHead(db, since);
      return db;
    } catch (e) {
      db.close();
      // A read-only medium that access() did not reveal: view it rather than refuse it.
      if (String((e as { code?: unknown }).code).startsWith('SQLITE_READONLY')) return openReadOnly(dataDir);
      throw e;
    }
  } catch (e) {
    throw toSystemError(e, { dataDir }) ?? e;
  }
}

/** The folder (created if missing) and its database file, if there is one, can be written. */
function writable(dataDir: string): boolean {
  const file = join(dataDir, DB_FILE);
  try {
    if (!existsSync(dataDir)) {
      mkdirSync(dataDir, { recursive: true });
      return true;
    }
    accessSync(dataDir, constants.W_OK);
    if (existsSync(file)) accessSync(file, constants.W_OK);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return false;
    throw e;
  }
}

/**
 * A read-only connection. A WAL database in a folder where SQLite cannot create its `-shm` file
 * refuses even reads (SQLITE_READONLY_DIRECTORY); then it is opened as immutable: nobody can
 * write that folder, so nothing changes under the reader.
 */
function openReadOnly(dataDir: string): Db {
  const file = join(dataDir, DB_FILE);
  if (!existsSync(file)) throw new AppError('DATA_READ_ONLY', { detail: `${file}: 无法在只读文件夹中新建数据文件` });
  let db = new Database(file, { readonly: true, fileMustExist: true, ...sqliteOptions() });
  try {
    db.pragma('user_version', { simple: true });
  } catch (e) {
    db.close();
    const code = (e as { code?: string }).code ?? '';
    if (!code.startsWith('SQLITE_READONLY') && !code.startsWith('SQLITE_CANTOPEN')) throw e;
    db = new Database(`${pathToFileURL(file).href}?immutable=1`, { readonly: true, fileMustExist: true, ...sqliteOptions() });
  }
  try {
    tune(db);
    const current = schemaOf(db);
    if (current < MIGRATIONS.length) throw new AppError('DATA_READ_ONLY', { detail: `数据文件需要升级（schema ${current} → ${MIGRATIONS.length}），只读时无法升级` });
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

function tune(db: Db): void {
  db.pragma('foreign_keys = ON');
  // 64 MB page cache: stock pools of a million items keep their indexes in memory.
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  // Two processes (the app and the CLI) may write the same folder: wait rather than fail.
  // VSHIP_BUSY_TIMEOUT_MS shortens the wait (tests, scripts that would rather fail fast).
  const ms = Number(process.env.VSHIP_BUSY_TIMEOUT_MS);
  db.pragma(`busy_timeout = ${Number.isInteger(ms) && ms >= 0 ? ms : BUSY_TIMEOUT_MS}`);
}

/** The database's schema version; a database from a newer VShip is refused (DB_TOO_NEW). */
function schemaOf(db: Db): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) throw new AppError('DB_TOO_NEW', { detail: `schema ${current} > ${MIGRATIONS.length}` });
  return current;
}

/** Applies every pending step in one transaction; refuses a database from a newer VShip. */
export function migrate(db: Db): void {
  const current = schemaOf(db);
  if (current === MIGRATIONS.length) return;
  db.transaction(() => {
    for (let v = current; v < MIGRATIONS.length; v++) MIGRATIONS[v](db);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}
