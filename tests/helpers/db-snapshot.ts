import { createHash } from 'node:crypto';
import { cpSync } from 'node:fs';
import type { Db } from '../../main/core/db/open';
import { openDatabase } from '../../main/core/db/open';

/**
 * A canonical picture of a whole database, to say "exactly as before" or "exactly as after":
 * every table (SQLite's own bookkeeping tables too, when present), every column (generated ones and
 * the rowid included), rows in rowid order (primary-key order for WITHOUT ROWID tables), each table
 * reduced to its row count and a SHA-256 of its rows, plus the schema version. Two snapshots are
 * equal only when every stored cell is.
 *
 * Run the work under a pinned clock (VSHIP_NOW) in every process compared, so stored times agree.
 * `exclude` names columns ("table.column") that differ between two identical runs; none do today:
 * every stored time comes from services/clock.ts (nowIso/nowMs), which VSHIP_NOW pins, and no
 * random or process-dependent value is stored (import's durationMs is reported, never stored).
 */
export interface DbSnapshot {
  userVersion: number;
  tables: Record<string, { rows: number; sha256: string }>;
}

export function dbSnapshot(db: Db, opts: { exclude?: string[] } = {}): DbSnapshot {
  const exclude = new Set(opts.exclude ?? []);
  const tables: DbSnapshot['tables'] = {};
  const names = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  for (const t of names) {
    const q = `"${t.replaceAll('"', '""')}"`;
    // table_xinfo also lists generated columns (hidden = 2 virtual, 3 stored); hidden = 1 are a virtual table's.
    const info = db.prepare(`PRAGMA table_xinfo(${q})`).all() as { name: string; pk: number; hidden: number }[];
    const cols = info.filter((c) => c.hidden !== 1 && !exclude.has(`${t}.${c.name}`));
    const withoutRowid = (db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get(t) as string | null)?.match(/WITHOUT\s+ROWID\s*;?\s*$/i);
    const pk = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => `"${c.name}"`);
    const order = withoutRowid ? pk.join(', ') : 'rowid';
    const select = [...(withoutRowid ? [] : ['rowid']), ...cols.map((c) => `"${c.name}"`)].join(', ');
    const h = createHash('sha256');
    let rows = 0;
    for (const r of db.prepare(`SELECT ${select} FROM ${q} ORDER BY ${order}`).raw().iterate() as Iterable<unknown[]>) {
      h.update(JSON.stringify(r.map((v) => (v instanceof Uint8Array ? `blob:${Buffer.from(v).toString('hex')}` : v))));
      h.update('\n');
      rows++;
    }
    tables[t] = { rows, sha256: h.digest('hex') };
  }
  return { userVersion: db.pragma('user_version', { simple: true }) as number, tables };
}

/** The snapshot of a data folder's database (opened, read, closed). */
export function folderSnapshot(dir: string, opts: { exclude?: string[] } = {}): DbSnapshot {
  const db = openDatabase(dir);
  try {
    return dbSnapshot(db, opts);
  } finally {
    db.close();
  }
}

/** Where two snapshots differ, one line per table ("allocations: 0 rows vs 11430 rows, content differs"); empty when equal. */
export function snapshotDiff(a: DbSnapshot, b: DbSnapshot): string[] {
  const d: string[] = [];
  if (a.userVersion !== b.userVersion) d.push(`user_version: ${a.userVersion} vs ${b.userVersion}`);
  for (const t of [...new Set([...Object.keys(a.tables), ...Object.keys(b.tables)])].sort()) {
    const x = a.tables[t];
    const y = b.tables[t];
    if (!x || !y) d.push(`${t}: ${x ? 'only in the first' : 'only in the second'}`);
    else if (x.sha256 !== y.sha256) d.push(`${t}: ${x.rows} rows vs ${y.rows} rows, content differs`);
  }
  return d;
}

/**
 * Copies a data folder whose database is closed (so its files are consistent) to `to`: a fresh
 * before-state for each round of a kill test.
 */
export function copyDataFolder(from: string, to: string): void {
  cpSync(from, to, { recursive: true });
}
