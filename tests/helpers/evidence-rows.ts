import type { Db } from '../../main/core/db/open';
import { storeEvidenceBytes } from '../../main/core/services/evidence/store';
import { appendLedger } from '../../main/core/services/ledger';
import type { EvidenceKind, EvidenceMime } from '../../shared/domain/evidence';

/**
 * Evidence on delivered orders for the record, pack and verify tests, written as the core's
 * evidence.add writes it (the file kept by hash, an `evidence` row, one `evidence.add` ledger
 * entry in the `items` form), synchronously and with a chosen capture time. The files themselves
 * come from the generator (tests/fixtures/evidence.ts).
 */

export interface EvidenceFixture { name: string; bytes: Uint8Array; mime: EvidenceMime; kind: EvidenceKind; capturedAt?: string }

/** Adds files to a delivered order as evidence (and its ledger entry); returns the new evidence ids. */
export function addEvidenceRows(db: Db, dataDir: string, shopId: number, orderNo: string, files: readonly EvidenceFixture[], addedAt = '2026-11-20T10:00:00+08:00'): number[] {
  const orderId = db.prepare('SELECT id FROM orders WHERE shop_id = ? AND order_no = ?').pluck().get(shopId, orderNo) as number;
  const ids: number[] = [];
  const items: Record<string, unknown>[] = [];
  db.transaction(() => {
    for (const f of files) {
      const { sha256 } = storeEvidenceBytes(dataDir, f.bytes, f.mime);
      db.prepare('INSERT OR IGNORE INTO evidence_files (sha256, bytes, mime, stored_at) VALUES (?, ?, ?, ?)').run(sha256, f.bytes.byteLength, f.mime, addedAt);
      const id = Number(db.prepare(`INSERT INTO evidence (shop_id, order_id, sha256, name, kind, note, source, added_at, captured_at, captured_from)
        VALUES (?, ?, ?, ?, ?, '', 'cli', ?, ?, ?)`).run(shopId, orderId, sha256, f.name, f.kind, addedAt, f.capturedAt ?? null, f.capturedAt ? 'png' : null).lastInsertRowid);
      ids.push(id);
      items.push({ evidenceId: id, orderNo, sha256, name: f.name, mime: f.mime, bytes: f.bytes.byteLength, kind: f.kind });
    }
    appendLedger(db, { shopId, event: 'evidence.add', subject: `order:${orderNo}`, detail: { items } });
  })();
  return ids;
}
