import type { ExportFile, ExportRecord, UploadResult } from '../../../../shared/domain';
import { AppError } from '../../../../shared/errors';
import type { Db } from '../../db/open';
import { readStoredFile } from './files';
import { STATE_OF_COLUMN } from './ready';

/** The exports made: each with its files, where its orders stand now, and the result files read for it. */

interface ExportRow { id: number; shop_id: number; at: string; format: 'xlsx' | 'csv'; template: string; built_in: number; orders: number; items: number; left_out: number; reexport: string | null }
interface FileRow { id: number; export_id: number; kind: ExportFile['kind']; name: string; rows: number; bytes: number; sha256: string; holds_secrets: number }


function toRecords(db: Db, rows: ExportRow[]): ExportRecord[] {
  const files = db.prepare('SELECT id, export_id, kind, name, rows, bytes, sha256, holds_secrets FROM export_files WHERE export_id = ? ORDER BY id');
  // An order taken again by a later export counts there, not here.
  const states = db.prepare(`SELECT o.ship_state AS s, count(*) AS n FROM export_orders x JOIN orders o ON o.id = x.order_id
    WHERE x.export_id = ? AND o.export_id = x.export_id GROUP BY o.ship_state`);
  const results = db.prepare(`SELECT r.id, r.at, r.file, r.sha256, r.rows, r.failed, r.succeeded, r.unknown FROM upload_results r
    JOIN upload_result_exports e ON e.result_id = r.id WHERE e.export_id = ? ORDER BY r.id`);
  return rows.map((r) => {
    const st: ExportRecord['states'] = {};
    for (const x of states.all(r.id) as { s: string; n: number }[]) st[STATE_OF_COLUMN[x.s] ?? 'exported'] = x.n;
    return {
      id: r.id, shopId: r.shop_id, at: r.at, format: r.format, template: r.template, builtInTemplate: r.built_in === 1,
      orders: r.orders, items: r.items, leftOut: r.left_out,
      files: (files.all(r.id) as FileRow[]).map((f) => ({ id: f.id, kind: f.kind, name: f.name, rows: f.rows, bytes: f.bytes, sha256: f.sha256, holdsSecrets: f.holds_secrets === 1 })),
      reexport: r.reexport ? (JSON.parse(r.reexport) as ExportRecord['reexport']) : null,
      states: st,
      results: results.all(r.id) as UploadResult[],
    };
  });
}

const SELECT = 'SELECT id, shop_id, at, format, template, built_in, orders, items, left_out, reexport FROM exports';

export function exportRecord(db: Db, shopId: number, exportId: number): ExportRecord {
  const r = db.prepare(`${SELECT} WHERE shop_id = ? AND id = ?`).get(shopId, exportId) as ExportRow | undefined;
  if (!r) throw new AppError('EXPORT_FILE_NOT_FOUND', { detail: `export ${exportId}` });
  return toRecords(db, [r])[0];
}

/** `export.list`: newest first. */
export function listExports(db: Db, shopId: number): ExportRecord[] {
  return toRecords(db, db.prepare(`${SELECT} WHERE shop_id = ? ORDER BY id DESC`).all(shopId) as ExportRow[]);
}

/** `export.file`: one kept file, to save again (checked against its SHA-256). */
export function exportFile(db: Db, dataDir: string, shopId: number, fileId: number): { name: string; bytes: Uint8Array } {
  const f = db.prepare('SELECT f.name, f.sha256 FROM export_files f JOIN exports e ON e.id = f.export_id WHERE f.id = ? AND e.shop_id = ?').get(fileId, shopId) as { name: string; sha256: string } | undefined;
  if (!f) throw new AppError('EXPORT_FILE_NOT_FOUND', { detail: String(fileId) });
  return { name: f.name, bytes: readStoredFile(dataDir, f.sha256) };
}
