import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../main/core/db/migrations';
import { DB_FILE, openDatabase, SCHEMA_VERSION } from '../../main/core/db/open';
import { identityFingerprint } from '../../main/core/db/stock-fingerprint';
import { verifyLedger } from '../../main/core/services/ledger';
import { importStock } from '../../main/core/services/stock';
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
    mkdirSync(dir, { recursive: true });
    // a version-3 database, as that version wrote it: the first three steps only
    const raw = new Database(join(dir, DB_FILE));
    for (const step of MIGRATIONS.slice(0, 3)) step(raw);
    raw.pragma('user_version = 3');
    raw.close();
    const db = openDatabase(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'orders_by_ship_by'").pluck().get()).toBe(1);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('findings', 'rule_overrides', 'rule_checks')").pluck().get()).toBe(3);
    db.close();
  });
});

describe('migration 5: stock fingerprints of the normal form', () => {
  /** A database exactly at schema 4, with stock written the way VShip 4 wrote it (sha256 of the raw identity). */
  function schema4(dir: string, items: { kind: 'card' | 'code'; id: string; state?: string }[]): void {
    mkdirSync(dir, { recursive: true });
    const raw = new Database(join(dir, DB_FILE));
    for (const step of MIGRATIONS.slice(0, 4)) step(raw);
    raw.pragma('user_version = 4');
    raw.prepare("INSERT INTO shops (id, name, created_at) VALUES (1, '默认店铺', '2026-06-01T00:00:00+08:00')").run();
    raw.prepare("INSERT INTO products (id, shop_id, sku_key, title, spec, product_id, kind, confirmed, created_at, updated_at) VALUES (1, 1, 'SKU-C', 'c', '', '1', 'code', 1, '', ''), (2, 1, 'SKU-K', 'k', '', '2', 'card', 1, '', '')").run();
    raw.prepare("INSERT INTO stock_batches (id, shop_id, product_id, source, sep, added, duplicates, created_at) VALUES (1, 1, 1, 'a.txt', NULL, 0, 0, '')").run();
    const ins = raw.prepare(`INSERT INTO stock_items (shop_id, product_id, batch_id, kind, card_no, password, code, fingerprint, state, line_no, created_at)
      VALUES (1, ?, 1, ?, ?, ?, ?, ?, ?, ?, '')`);
    items.forEach((it, i) => {
      const old = createHash('sha256').update(it.id.trim()).digest('base64url').slice(0, 24);
      ins.run(it.kind === 'code' ? 1 : 2, it.kind, it.kind === 'card' ? it.id : '', it.kind === 'card' ? 'pw' : '', it.kind === 'code' ? it.id : '', old, it.state ?? 'available', i + 1);
    });
    raw.close();
  }

  it('recomputes every fingerprint; look-alikes already in stock both stay, the later one suffixed and recorded in the ledger', () => {
    const dir = tempDir();
    schema4(dir, [
      { kind: 'code', id: 'MS01-AAAA-BBBB' },
      { kind: 'code', id: 'ms01aaaabbbb', state: 'delivered' },
      { kind: 'code', id: 'ZZ99-YYYY' },
      { kind: 'card', id: '６３３８０００１' },
      { kind: 'card', id: '6338-0001', state: 'voided' },
      { kind: 'code', id: '63380001' },
    ]);
    const db = openDatabase(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const rows = db.prepare('SELECT id, state, card_no, code, fingerprint FROM stock_items ORDER BY id').all() as { id: number; state: string; card_no: string; code: string; fingerprint: string }[];
    // nothing lost, every secret exactly as stored
    expect(rows.map((r) => r.code || r.card_no)).toEqual(['MS01-AAAA-BBBB', 'ms01aaaabbbb', 'ZZ99-YYYY', '６３３８０００１', '6338-0001', '63380001']);
    expect(rows.map((r) => r.state)).toEqual(['available', 'delivered', 'available', 'available', 'voided', 'available']);
    const base = (s: string) => identityFingerprint(s);
    expect(rows.map((r) => r.fingerprint)).toEqual([
      base('MS01-AAAA-BBBB'), `${base('MS01-AAAA-BBBB')}~2`, base('ZZ99-YYYY'), base('63380001'), `${base('63380001')}~5`, `${base('63380001')}~6`,
    ]);
    const entries = db.prepare("SELECT shop_id, subject, detail FROM ledger WHERE event = 'stock.lookalikes'").all() as { shop_id: number; subject: string; detail: string }[];
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entries[0].detail)).toEqual({ count: 3, pairs: [{ itemId: 2, sameAs: 1 }, { itemId: 5, sameAs: 4 }, { itemId: 6, sameAs: 4 }] });
    expect(entries[0].detail).not.toContain('MS01');
    expect(verifyLedger(db)).toMatchObject({ ok: true });
    // A further look-alike is now a duplicate of the history.
    const r = importStock(db, { shopId: 1, skuKey: 'SKU-C', name: 'again.txt', text: 'MS01AAAABBBB\nzz99yyyy\n６３３８−０００１\nNEW-0001\n' });
    expect(r).toMatchObject({ added: 1, duplicates: [{ line: 1, where: 'history' }, { line: 2, where: 'history' }, { line: 3, where: 'history' }] });
    db.close();
  });

  it('leaves a database without stock as it was', () => {
    const dir = tempDir();
    schema4(dir, []);
    const db = openDatabase(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT count(*) FROM ledger').pluck().get()).toBe(0);
    db.close();
  });
});
