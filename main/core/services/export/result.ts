import { createHash } from 'node:crypto';
import type { FilePayload } from '../../../../shared/contract';
import type { UploadResultDetail } from '../../../../shared/domain';
import { AppError } from '../../../../shared/errors';
import { toBeijingIso } from '../../../../shared/rules/classify';
import type { Db } from '../../db/open';
import { isOrderNoHeader } from '../../../../shared/rules/export-columns';
import { cellText } from '../../io/cells';
import { readSpreadsheet } from '../../io/read-spreadsheet';
import { nowMs } from '../clock';
import { appendLedger } from '../ledger';

/**
 * The backend's result file after an upload at 无物流单条导入: its layout is unverified, so it is
 * read by names — the 订单号 column, and every column headed with 结果/失败/原因/状态 (错误 too).
 * A failed order becomes 上传失败 with the backend's reason and is ready again, its items kept.
 */

const norm = (h: string) => h.normalize('NFKC').replace(/\s/g, '');
const isStatusCol = (h: string) => /结果|状态/.test(norm(h)) && !/原因/.test(norm(h));
const isReasonCol = (h: string) => /原因|失败|错误|备注说明/.test(norm(h));
const FAILED = /失败|错误|异常|不成功|未通过|不允许|无效|不存在/;
const OK = /成功|通过/;

/** A row's verdict from its status and reason cells. */
export function rowVerdict(status: string[], reason: string[]): { failed: boolean; reason: string } {
  const st = status.map((s) => s.trim()).filter(Boolean);
  const why = reason.map((s) => s.trim()).filter(Boolean);
  const failedByStatus = st.some((s) => FAILED.test(s));
  const okByStatus = !failedByStatus && st.some((s) => OK.test(s));
  if (failedByStatus || (!okByStatus && why.length > 0)) return { failed: true, reason: why.join('；') || st.join('；') };
  return { failed: false, reason: '' };
}

export function readUploadResult(db: Db, shopId: number, file: FilePayload): UploadResultDetail {
  const rows: string[][] = [];
  readSpreadsheet(file.name, file.bytes, {
    header(cells) { rows.push(cells.map((c) => c)); },
    row(r) { rows[r.rowNo - 1] = r.cells.map((c) => cellText(c)); },
  });
  const headerAt = rows.slice(0, 10).findIndex((r) => r?.some(isOrderNoHeader));
  if (headerAt < 0) throw new AppError('RESULT_NO_ORDER_COLUMN', { file: file.name });
  const header = rows[headerAt];
  const orderCol = header.findIndex(isOrderNoHeader);
  const statusCols = header.map((h, i) => (isStatusCol(h) ? i : -1)).filter((i) => i >= 0);
  const reasonCols = header.map((h, i) => (i !== orderCol && !statusCols.includes(i) && isReasonCol(h) ? i : -1)).filter((i) => i >= 0);
  if (statusCols.length === 0 && reasonCols.length === 0) throw new AppError('RESULT_NO_STATUS_COLUMN', { file: file.name, column: header[orderCol] });

  const find = db.prepare('SELECT id, ship_state, export_id FROM orders WHERE shop_id = ? AND order_no = ? AND damaged = 0');
  const fail = db.prepare("UPDATE orders SET ship_state = 'upload_failed', ship_note = ? WHERE id = ?");
  const note = db.prepare('INSERT INTO order_changes (order_id, import_id, seen_at, field, before, after) SELECT ?, last_import_id, ?, ?, ?, ? FROM orders WHERE id = ?');
  const at = toBeijingIso(nowMs());
  const detail: UploadResultDetail = { id: 0, at, file: file.name, sha256: createHash('sha256').update(file.bytes).digest('hex'), rows: 0, failed: 0, succeeded: 0, unknown: 0, failures: [], unknownOrderNos: [] };
  const exportsTouched = new Set<number>();
  return db.transaction(() => {
    for (let i = headerAt + 1; i < rows.length; i++) {
      const r = rows[i];
      if (!r) continue;
      const orderNo = (r[orderCol] ?? '').trim();
      if (!orderNo) continue;
      detail.rows++;
      const v = rowVerdict(statusCols.map((c) => r[c] ?? ''), reasonCols.map((c) => r[c] ?? ''));
      const o = find.get(shopId, orderNo) as { id: number; ship_state: string | null; export_id: number | null } | undefined;
      if (!o || o.ship_state === null) { detail.unknown++; detail.unknownOrderNos.push(orderNo); continue; }
      if (o.export_id !== null) exportsTouched.add(o.export_id);
      if (!v.failed) { detail.succeeded++; continue; }
      detail.failed++;
      const reason = v.reason || '上传失败';
      detail.failures.push({ orderNo, reason });
      // A later order export showing it shipped outranks a result file read after it.
      if (o.ship_state !== 'shipped') {
        fail.run(reason, o.id);
        note.run(o.id, at, 'shipState', o.ship_state, 'upload_failed', o.id);
      }
    }
    const id = Number(db.prepare('INSERT INTO upload_results (shop_id, at, file, sha256, rows, failed, succeeded, unknown, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(shopId, at, file.name, detail.sha256, detail.rows, detail.failed, detail.succeeded, detail.unknown, JSON.stringify({ failures: detail.failures, unknown: detail.unknownOrderNos })).lastInsertRowid);
    for (const e of exportsTouched) db.prepare('INSERT OR IGNORE INTO upload_result_exports (result_id, export_id) VALUES (?, ?)').run(id, e);
    appendLedger(db, { shopId, event: 'export.result', subject: `result:${id}`, detail: { file: detail.sha256, failed: detail.failed, succeeded: detail.succeeded, unknown: detail.unknown } });
    detail.id = id;
    return detail;
  }).immediate();
}
