import type { CapturedFrom, EvidenceItem, EvidenceKind, EvidenceMime, EvidenceSource } from '../../../../shared/domain';
import { AppError } from '../../../../shared/errors';
import type { Db } from '../../db/open';

/** An evidence row with its order's number and its file's size and type. */
export const ITEM_SELECT = `SELECT e.id, e.order_id, o.order_no, e.name, f.bytes, f.mime, e.sha256, e.kind, e.note, e.source,
  e.added_at, e.captured_at, e.captured_from, e.hidden_at, e.hidden_reason
  FROM evidence e JOIN orders o ON o.id = e.order_id JOIN evidence_files f ON f.sha256 = e.sha256`;

interface ItemRow {
  id: number; order_id: number; order_no: string; name: string; bytes: number; mime: string; sha256: string; kind: string; note: string;
  source: string; added_at: string; captured_at: string | null; captured_from: string | null; hidden_at: string | null; hidden_reason: string | null;
}

export function toItem(r: ItemRow): EvidenceItem {
  return {
    id: r.id, orderId: r.order_id, orderNo: r.order_no, name: r.name, bytes: r.bytes, mime: r.mime as EvidenceMime, sha256: r.sha256,
    kind: r.kind as EvidenceKind, note: r.note, source: r.source as EvidenceSource, addedAt: r.added_at, capturedAt: r.captured_at,
    capturedFrom: r.captured_from as CapturedFrom | null, hidden: r.hidden_at !== null, hiddenAt: r.hidden_at, hiddenReason: r.hidden_reason,
  };
}

/** One item by id, of the shop when one is given; EVIDENCE_NOT_FOUND otherwise. */
export function itemById(db: Db, id: number, shopId?: number): EvidenceItem {
  const r = db.prepare(`${ITEM_SELECT} WHERE e.id = ?${shopId === undefined ? '' : ' AND e.shop_id = ?'}`).get(...(shopId === undefined ? [id] : [id, shopId])) as ItemRow | undefined;
  if (!r) throw new AppError('EVIDENCE_NOT_FOUND', { detail: String(id) });
  return toItem(r);
}

export function itemsOfOrder(db: Db, orderId: number, includeHidden: boolean): EvidenceItem[] {
  const rows = db.prepare(`${ITEM_SELECT} WHERE e.order_id = ?${includeHidden ? '' : ' AND e.hidden_at IS NULL'} ORDER BY e.added_at, e.id`).all(orderId) as ItemRow[];
  return rows.map(toItem);
}

/** The shop's undamaged order of that number; ORDER_NOT_FOUND otherwise. */
export function orderByNo(db: Db, shopId: number, orderNo: string): { id: number; orderNo: string } {
  const o = db.prepare('SELECT id, order_no AS orderNo FROM orders WHERE shop_id = ? AND order_key = ? AND damaged = 0').get(shopId, orderNo) as { id: number; orderNo: string } | undefined;
  if (!o) throw new AppError('ORDER_NOT_FOUND', { detail: orderNo });
  return o;
}
