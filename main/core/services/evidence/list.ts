import type { ParsedReq, Res } from '../../../../shared/contract';
import type { EvidenceItem, EvidenceOrderHit } from '../../../../shared/domain';
import { AppError } from '../../../../shared/errors';
import type { Db } from '../../db/open';
import { identityFingerprint } from '../../db/stock-fingerprint';
import { itemsOfOrder, orderByNo } from './items';
import { readEvidenceBytes } from './store';
import type { EvidenceMime } from '../../../../shared/domain';

/** `evidence.list`: an order's evidence, oldest first (hidden items only when asked). */
export function listEvidence(db: Db, shopId: number, orderNo: string, includeHidden: boolean): EvidenceItem[] {
  return itemsOfOrder(db, orderByNo(db, shopId, orderNo).id, includeHidden);
}

/** `evidence.file`: one item's bytes, checked against its hash (missing or altered: refused, never shown). */
export function evidenceFile(db: Db, dataDir: string, id: number): Res<'evidence.file'> {
  const r = db.prepare('SELECT e.name, e.sha256, f.mime FROM evidence e JOIN evidence_files f ON f.sha256 = e.sha256 WHERE e.id = ?').get(id) as { name: string; sha256: string; mime: EvidenceMime } | undefined;
  if (!r) throw new AppError('EVIDENCE_NOT_FOUND', { detail: String(id) });
  return { name: r.name, mime: r.mime, bytes: readEvidenceBytes(dataDir, r.sha256, r.mime) };
}

const DEFAULT_LIMIT = 200;

/** The day after a `YYYY-MM-DD` day (the exclusive end of an inclusive range). */
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * `evidence.search`: orders by what the merchant has in hand in a dispute, each key exact —
 *   - the order number; the recharge number (orders_recharge_no);
 *   - a delivered card number, code or login: its identity hash (the fingerprint stock import
 *     keeps, look-alikes' `~<id>` suffix included), never the text itself, so no secret is stored
 *     or compared in the clear; then the allocations that hold those items;
 *   - a supplier's order number (allocations.recharge_ref).
 * `from`/`to` are Beijing calendar days, inclusive. With a query they narrow its hits by the day
 * the order was delivered (exported_at), or paid when it was never delivered. With only dates:
 * the orders delivered (exported) in the range, newest first. The query is never stored.
 */
export function searchEvidence(db: Db, req: ParsedReq<'evidence.search'>): Res<'evidence.search'> {
  const limit = req.limit ?? DEFAULT_LIMIT;
  const q = req.query?.trim() ?? '';
  const from = req.from ?? '0000-00-00';
  const until = req.to ? nextDay(req.to) : '9999-99-99';
  const found = new Map<number, EvidenceOrderHit['matchedBy']>();
  const add = (ids: number[], by: EvidenceOrderHit['matchedBy']) => { for (const id of ids) if (!found.has(id)) found.set(id, by); };
  const pluck = (sql: string, ...p: unknown[]) => db.prepare(sql).pluck().all(...p) as number[];

  if (q) {
    add(pluck('SELECT id FROM orders WHERE shop_id = ? AND order_key = ? AND damaged = 0', req.shopId, q), 'orderNo');
    add(pluck("SELECT id FROM orders WHERE shop_id = ? AND recharge_no = ? AND recharge_no <> '' ORDER BY id", req.shopId, q), 'rechargeNo');
    const fp = identityFingerprint(q);
    // `fp~<id>`: a look-alike kept beside the first (migration 5); `~` sorts after every base64url character.
    add(pluck(`SELECT DISTINCT a.order_id FROM stock_items s JOIN allocations a ON a.item_id = s.id
      WHERE s.shop_id = ? AND (s.fingerprint = ? OR (s.fingerprint > ? AND s.fingerprint < ?))
        AND (a.released_at IS NULL OR a.exported_at IS NOT NULL) ORDER BY a.order_id`, req.shopId, fp, `${fp}~`, `${fp}\x7f`), 'item');
    add(pluck("SELECT DISTINCT order_id FROM allocations WHERE recharge_ref = ? AND recharge_ref <> '' AND shop_id = ? ORDER BY order_id", q, req.shopId), 'rechargeRef');
  } else if (req.from || req.to) {
    add(pluck('SELECT id FROM orders WHERE shop_id = ? AND exported_at IS NOT NULL AND substr(exported_at, 1, 10) >= ? AND substr(exported_at, 1, 10) < ? ORDER BY exported_at DESC, id DESC', req.shopId, from, until), 'date');
  }
  if (!found.size) return { hits: [], more: false };

  const row = db.prepare(`SELECT o.id, o.order_no, o.product_name, o.spec, o.recharge_no, o.paid_at, o.exported_at, o.ship_state,
      (SELECT COUNT(*) FROM evidence e WHERE e.order_id = o.id AND e.hidden_at IS NULL) AS evidence
    FROM orders o WHERE o.id = ?`);
  const hits: EvidenceOrderHit[] = [];
  let more = false;
  for (const [id, matchedBy] of found) {
    const r = row.get(id) as { id: number; order_no: string; product_name: string; spec: string; recharge_no: string; paid_at: string | null; exported_at: string | null; ship_state: string | null; evidence: number };
    const day = (r.exported_at ?? r.paid_at ?? '').slice(0, 10);
    if (q && (req.from || req.to) && !(day >= from && day < until)) continue;
    if (req.onlyWithEvidence && r.evidence === 0) continue;
    if (hits.length === limit) { more = true; break; }
    hits.push({ orderId: r.id, orderNo: r.order_no, productName: r.product_name, spec: r.spec, rechargeNo: r.recharge_no, paidAt: r.paid_at, exportedAt: r.exported_at, shipState: r.ship_state, evidence: r.evidence, matchedBy });
  }
  return { hits, more };
}
