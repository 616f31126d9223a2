import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DB_FILE, openDatabase, SCHEMA_VERSION } from '../../main/core/db/open';
import { AppError } from '../../shared/errors';
import { useTempDirs } from '../helpers/data-dir';

const tempDir = useTempDirs();

describe('the database', () => {
  it('is created in WAL mode with foreign keys on and every migration applied', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
    // opening again applies nothing and keeps the data
    const again = openDatabase(dir);
    expect(again.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    again.close();
  });

  it('refuses a database from a newer VShip, and leaves it untouched', () => {
    const dir = tempDir();
    openDatabase(dir).close();
    const raw = new Database(join(dir, DB_FILE));
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    let err: unknown;
    try { openDatabase(dir); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('DB_TOO_NEW');
    const check = new Database(join(dir, DB_FILE));
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    check.close();
  });

  it('upgrades an older database step by step in one transaction', () => {
    const dir = tempDir();
    openDatabase(dir).close();
    const raw = new Database(join(dir, DB_FILE));
    // simulate a version-3 database: drop what step 4 adds
    raw.exec('DROP INDEX orders_by_ship_by;');
    raw.pragma('user_version = 3');
    raw.close();
    const db = openDatabase(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'orders_by_ship_by'").pluck().get()).toBe(1);
    db.close();
  });
});
