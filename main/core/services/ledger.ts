import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Db } from '../db/open';
import { nowIso } from './clock';

/**
 * The chain's head, anchored outside the database: deleting the last entries leaves a chain that
 * still verifies, so the data folder keeps the newest committed entry's id and hash beside it.
 * It only moves forward; an entry it names that is gone or different is found by `verifyLedger`.
 */
export const LEDGER_HEAD_FILE = 'ledger-head.json';

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

interface LedgerHead { id: number; hash: string }

/** Where a database's head file lives: beside it, in its data folder (none for an in-memory one). */
function headFile(db: Db): string | null {
  return db.memory || !db.name ? null : join(dirname(db.name), LEDGER_HEAD_FILE);
}

/** The anchored head, or null when there is none (a new folder, or one from before the anchor). */
export function readLedgerHead(db: Db): LedgerHead | null {
  const file = headFile(db);
  if (!file) return null;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const h = JSON.parse(text) as Partial<LedgerHead>;
    if (Number.isSafeInteger(h.id) && typeof h.hash === 'string') return { id: h.id!, hash: h.hash };
  } catch { /* a damaged head file: reported as such below */ }
  return { id: Number.MAX_SAFE_INTEGER, hash: 'damaged' };
}

const anchored = new WeakMap<Db, number>();

/**
 * Moves the anchored head to the newest committed entry. Called by the core after every request
 * and on close (never inside a transaction: an entry that may still roll back is not anchored).
 * A head file naming an entry this database does not hold as it says is left as it is: it is the
 * evidence `verifyLedger` reports.
 */
export function anchorLedgerHead(db: Db): void {
  const file = headFile(db);
  if (!file || db.readonly || db.inTransaction || !db.open) return;
  const head = db.prepare('SELECT id, hash FROM ledger ORDER BY id DESC LIMIT 1').get() as LedgerHead | undefined;
  if (!head || anchored.get(db) === head.id) return;
  const current = readLedgerHead(db);
  if (current && current.id >= head.id) return;
  if (current) {
    const row = db.prepare('SELECT hash FROM ledger WHERE id = ?').pluck().get(current.id) as string | undefined;
    if (row !== current.hash) return;
  }
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, JSON.stringify({ id: head.id, hash: head.hash, at: nowIso() }));
    renameSync(tmp, file);
    anchored.set(db, head.id);
  } catch {
    // The request it follows has committed; a full disk or a locked file only delays the anchor to the next one.
  }
}

export interface LedgerVerdict {
  ok: boolean;
  entries: number;
  /** The first entry whose hash or link does not hold. */
  brokenAt: number | null;
  /** The anchored head (LEDGER_HEAD_FILE) is gone from the database or is not the entry it was: entries from this id on were deleted or rewritten. */
  headMissing: number | null;
}

export function verifyLedger(db: Db): LedgerVerdict {
  let prev = '';
  let n = 0;
  const head = readLedgerHead(db);
  let headSeen = head === null;
  for (const r of db.prepare('SELECT id, at, shop_id, event, subject, detail, prev_hash, hash FROM ledger ORDER BY id').iterate() as Iterable<{ id: number; at: string; shop_id: number | null; event: string; subject: string; detail: string; prev_hash: string; hash: string }>) {
    n++;
    if (r.prev_hash !== prev || entryHash(prev, r.at, r.shop_id, r.event, r.subject, r.detail) !== r.hash) return { ok: false, entries: n, brokenAt: r.id, headMissing: null };
    if (head && r.id === head.id) headSeen = r.hash === head.hash;
    prev = r.hash;
  }
  if (!headSeen) return { ok: false, entries: n, brokenAt: null, headMissing: head!.id };
  return { ok: true, entries: n, brokenAt: null, headMissing: null };
}
