import type { ImportRecord } from '../../../../shared/contract';
import type { Db } from '../../db/open';

type Row = Record<string, string | number | null>;

/** `import.list`: the shop's imports, newest first. */
export function listImports(db: Db, shopId: number, limit = 100): ImportRecord[] {
  return (db.prepare('SELECT * FROM imports WHERE shop_id = ? ORDER BY id DESC LIMIT ?').all(shopId, limit) as Row[]).map((r) => ({
    id: r.id as number, shopId: r.shop_id as number, file: r.file as string, sha256: r.sha256 as string, format: r.format as string,
    encoding: r.encoding as string | null, rows: r.rows as number, new: r.new as number, updated: r.updated as number,
    unchanged: r.unchanged as number, damaged: r.damaged as number, importedAt: r.imported_at as string,
  }));
}
