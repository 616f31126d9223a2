import { createHash } from 'node:crypto';
import type { Db } from '../db/open';
import { nowIso } from './clock';

/**
 * The append-only, hash-chained ledger: each entry's hash covers the previous hash and its own
 * content, so editing or deleting any past entry breaks the chain (`verifyLedger`). Triggers
 * refuse UPDATE and DELETE. Never put a secret in `detail`: ids and masked text only.
 */
export function appendLedger(db: Db, e: { shopId: number | null; event: string; subject: string; detail?: Record<string, unknown> }): void {
  const prev = (db.prepare('SELECT hash FROM ledger ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined)?.hash ?? '';
  const at = nowIso();
  const detail = JSON.stringify(e.detail ?? {});
  const hash = entryHash(prev, at, e.shopId, e.event, e.subject, detail);
  db.prepare('INSERT INTO ledger (at, shop_id, event, subject, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)').run(at, e.shopId, e.event, e.subject, detail, prev, hash);
}

function entryHash(prev: string, at: string, shopId: number | null, event: string, subject: string, detail: string): string {
  return createHash('sha256').update(JSON.stringify([prev, at, shopId, event, subject, detail])).digest('hex');
}

export function verifyLedger(db: Db): { ok: boolean; entries: number; brokenAt: number | null } {
  let prev = '';
  let n = 0;
  for (const r of db.prepare('SELECT id, at, shop_id, event, subject, detail, prev_hash, hash FROM ledger ORDER BY id').iterate() as Iterable<{ id: number; at: string; shop_id: number | null; event: string; subject: string; detail: string; prev_hash: string; hash: string }>) {
    n++;
    if (r.prev_hash !== prev || entryHash(prev, r.at, r.shop_id, r.event, r.subject, r.detail) !== r.hash) return { ok: false, entries: n, brokenAt: r.id };
    prev = r.hash;
  }
  return { ok: true, entries: n, brokenAt: null };
}
