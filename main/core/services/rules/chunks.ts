import type { Db } from '../../db/open';

/** Ids per statement: SQLite takes up to 32,766 parameters; a few hundred keeps the statements small and the memory flat. */
export const CHUNK = 500;

/**
 * A query over many ids, `CHUNK` at a time: `sql(list)` is the statement with `list` (the chunk's
 * placeholders) in it; each chunk binds `before`, the chunk's ids, then `after`. Rows come raw (arrays),
 * chunk after chunk. Statements are prepared once per chunk length.
 */
export function inChunks(db: Db, sql: (list: string) => string): (ids: readonly number[], before?: readonly unknown[], after?: readonly unknown[]) => unknown[][] {
  const statements = new Map<number, { all(...params: unknown[]): unknown[] }>();
  const statement = (n: number) => {
    let st = statements.get(n);
    if (!st) { st = db.prepare(sql(Array.from({ length: n }, () => '?').join(','))).raw(); statements.set(n, st); }
    return st;
  };
  return (ids, before = [], after = []) => {
    const rows: unknown[][] = [];
    for (let at = 0; at < ids.length; at += CHUNK) {
      const chunk = ids.slice(at, at + CHUNK);
      const args: unknown[] = [...before, ...chunk, ...after];
      for (const r of statement(chunk.length).all(...args) as unknown[][]) rows.push(r);
    }
    return rows;
  };
}
