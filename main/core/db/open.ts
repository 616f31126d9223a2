import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { MIGRATIONS } from './migrations';

export type Db = Database.Database;
export const SCHEMA_VERSION = MIGRATIONS.length;
export const DB_FILE = 'vship.db';

/** Opens (creating if needed) the data folder's database: WAL, foreign keys, migrations applied. */
export function openDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, DB_FILE));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // 64 MB page cache: stock pools of a million items keep their indexes in memory.
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    // Two processes (the app and the CLI) may write the same folder: wait rather than fail.
    db.pragma('busy_timeout = 10000');
    migrate(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Applies every pending step in one transaction; refuses a database from a newer VShip. */
export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) throw new AppError('DB_TOO_NEW', { detail: `schema ${current} > ${MIGRATIONS.length}` });
  if (current === MIGRATIONS.length) return;
  db.transaction(() => {
    for (let v = current; v < MIGRATIONS.length; v++) MIGRATIONS[v](db);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}
