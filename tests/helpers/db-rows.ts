import type { Db } from '../../main/core/db/open';

/** Every row of every table (every column, generated ones too), in rowid or key order, by table name. */
export type DbSnapshot = Record<string, Record<string, unknown>[]>;

export function snapshotDb(db: Db): DbSnapshot {
  const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string; sql: string }[];
  const out: DbSnapshot = {};
  for (const { name, sql } of tables) {
    const cols = (db.prepare(`SELECT name FROM pragma_table_xinfo('${name}')`).pluck().all() as string[]).map((c) => `"${c}"`);
    // A WITHOUT ROWID table has no rowid: its rows in the order of every column.
    const order = /WITHOUT ROWID/i.test(sql) ? cols.map((_, i) => i + 1).join(', ') : 'rowid';
    out[name] = db.prepare(`SELECT ${cols.join(', ')} FROM "${name}" ORDER BY ${order}`).all() as Record<string, unknown>[];
  }
  return out;
}
