import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { VerifyProblem } from '../../../shared/domain';
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
  markAnchored(db);
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
 * The meta key that says this folder's head was anchored (migration 8 made `meta`; written with the
 * next entry appended after the head file appeared): from then on a head file that is gone is
 * evidence (`verify`: LEDGER_HEAD_MISSING), never made again over whatever the ledger holds by
 * then. A folder from before the anchor gets its first one freely.
 */
const ANCHORED_KEY = 'ledger_anchored_at';

function everAnchored(db: Db): boolean {
  try {
    return db.prepare('SELECT 1 FROM meta WHERE key = ?').pluck().get(ANCHORED_KEY) !== undefined;
  } catch {
    return false; // a database before migration 8: no meta, never anchored
  }
}

const marked = new WeakSet<Db>();

/**
 * Records in `meta` that the head file exists, inside the transaction of the entry being appended
 * (never a write of its own: a request's writes stay all or nothing). Once per connection.
 */
function markAnchored(db: Db): void {
  if (marked.has(db)) return;
  const file = headFile(db);
  if (!file) return void marked.add(db);
  if (!existsSync(file)) return;
  try {
    db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run(ANCHORED_KEY, nowIso());
    marked.add(db);
  } catch { /* before migration 8 (no meta yet): a later entry records it */ }
}

/** Per connection: the `since` of a request whose anchor could not be written (a full disk): still owed. */
const owed = new WeakMap<Db, number>();

/**
 * Moves the anchored head to the newest committed entry. Never inside a transaction (an entry that
 * may still roll back is not anchored). `since` is the newest entry's id when the work being
 * anchored began (ledgerTail): the head moves only if it stood there or beyond, so rows that were
 * already beyond the head before — added outside VShip between two requests — are never laundered
 * into the anchored chain; they stay rows after the head (`verify`: LEDGER_FORGED). The core
 * anchors after every request (also one that failed after committing) with the tail at its start,
 * after migrating and after openCore's own writes likewise; on close with MAX_SAFE_INTEGER (only
 * what an earlier anchor of this connection failed to write). Without `since` (tests that call
 * services directly, as a request would): to the newest entry, whatever came before.
 * A head file naming an entry this database does not hold as it says is left as it is, and so is a
 * head file that is gone after it once was written: that is the evidence `verify` reports.
 * A folder never anchored (new, or from before the anchor) gets its first head freely.
 */
export function anchorLedgerHead(db: Db, since?: number): void {
  const file = headFile(db);
  if (!file || db.readonly || db.inTransaction || !db.open) return;
  const head = db.prepare('SELECT id, hash FROM ledger ORDER BY id DESC LIMIT 1').get() as LedgerHead | undefined;
  if (!head || anchored.get(db) === head.id) return;
  const current = readLedgerHead(db);
  if (current && current.id >= head.id) return;
  const pending = owed.get(db);
  const from = since === undefined ? undefined : Math.min(since, pending ?? since);
  if (current) {
    if (from !== undefined && current.id < from) return;
    const row = db.prepare('SELECT hash FROM ledger WHERE id = ?').pluck().get(current.id) as string | undefined;
    if (row !== current.hash) return;
  } else if (everAnchored(db)) return;
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, JSON.stringify({ id: head.id, hash: head.hash, at: nowIso() }));
    renameSync(tmp, file);
    anchored.set(db, head.id);
    owed.delete(db);
  } catch {
    // The request it follows has committed; a full disk or a locked file only delays the anchor to
    // this connection's next one (which is owed it, whatever was written meanwhile).
    if (current && from !== undefined && from !== Number.MAX_SAFE_INTEGER) owed.set(db, Math.min(from, pending ?? from));
    return;
  }
}

/** The newest entry's id (0 for none, or before the ledger exists): what `anchorLedgerHead(db, since)` is given at the start of work. */
export function ledgerTail(db: Db): number {
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ledger'").get() === undefined) return 0;
  return (db.prepare('SELECT max(id) FROM ledger').pluck().get() as number | null) ?? 0;
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

/** One ledger row as `auditLedger` hands it on (detail as stored: parse it only when needed). */
export interface LedgerRow { id: number; at: string; shop_id: number | null; event: string; subject: string; detail: string; prev_hash: string; hash: string }

export interface LedgerAudit {
  entries: number;
  /** The newest entry (id and hash) as found. */
  last: LedgerHead | null;
  /** The anchored head; null when the file is missing. */
  anchor: LedgerHead | null;
}

const ledgerProblem = (code: VerifyProblem['code'], from: number, to: number, message: string): VerifyProblem =>
  ({ code, subject: from === to ? `ledger:${from}` : `ledger:${from}-${to}`, message });

const rowsWord = (from: number, to: number): string => (from === to ? `台账第 ${from} 条` : `台账第 ${from}–${to} 条（共 ${to - from + 1} 条）`);

/**
 * The whole ledger checked row by row, each problem named by row id: a row whose own hash does not
 * hold, or whose hash was rewritten (the next row's link no longer holds) → altered; ids missing
 * (in the middle, at the start, or after the last row up to the anchored head) → deleted; rows
 * after the anchored head → not written by a VShip request (forged, or added outside VShip); the
 * head naming a row that is not as it was → altered; the head file missing or damaged while
 * entries exist. `onRow` sees every row once, in id order (streamed, never all in memory).
 */
export function auditLedger(db: Db, report: (p: VerifyProblem) => void, onRow?: (r: LedgerRow) => void): LedgerAudit {
  const headText = readLedgerHead(db);
  const damaged = headText !== null && headText.hash === 'damaged' && headText.id === Number.MAX_SAFE_INTEGER;
  const anchor = damaged ? null : headText;
  let prev: LedgerRow | null = null;
  let n = 0;
  let headSeen = false;
  for (const r of db.prepare('SELECT id, at, shop_id, event, subject, detail, prev_hash, hash FROM ledger ORDER BY id').iterate() as Iterable<LedgerRow>) {
    n++;
    const expectedId = prev ? prev.id + 1 : 1;
    const own = entryHash(r.prev_hash, r.at, r.shop_id, r.event, r.subject, r.detail) === r.hash;
    if (r.id > expectedId) report(ledgerProblem('LEDGER_DELETED', expectedId, r.id - 1, `${rowsWord(expectedId, r.id - 1)}被删除`));
    else if (r.prev_hash !== (prev?.hash ?? '')) {
      // Ids follow on, the link does not: the row before was changed and its hash recomputed (or, for the first row, this one was).
      if (prev) report(ledgerProblem('LEDGER_ALTERED', prev.id, prev.id, `${rowsWord(prev.id, prev.id)}被改动`));
      else if (own) report(ledgerProblem('LEDGER_ALTERED', r.id, r.id, `${rowsWord(r.id, r.id)}被改动`));
    }
    if (!own) report(ledgerProblem('LEDGER_ALTERED', r.id, r.id, `${rowsWord(r.id, r.id)}被改动`));
    if (anchor) {
      if (r.id === anchor.id) {
        headSeen = true;
        if (r.hash !== anchor.hash) report(ledgerProblem('LEDGER_ALTERED', r.id, r.id, `${rowsWord(r.id, r.id)}与锚点文件 ${LEDGER_HEAD_FILE} 记下的不一致：它（及它之前的若干条）被重写`));
      } else if (r.id > anchor.id) {
        report(ledgerProblem('LEDGER_FORGED', r.id, r.id, `${rowsWord(r.id, r.id)}不是 VShip 写入的：它在锚点文件 ${LEDGER_HEAD_FILE} 记下的最新一条（第 ${anchor.id} 条）之后`));
      }
    }
    onRow?.(r);
    prev = r;
  }
  if (anchor && !headSeen) {
    const from = (prev?.id ?? 0) + 1;
    // (A head inside a gap of ids is named with that gap, above.)
    if (anchor.id >= from) report(ledgerProblem('LEDGER_DELETED', from, anchor.id, `${rowsWord(from, anchor.id)}被删除（锚点文件 ${LEDGER_HEAD_FILE} 记下的最新一条是第 ${anchor.id} 条）`));
  }
  if (damaged) report({ code: 'LEDGER_HEAD_MISSING', subject: 'ledger-head', message: `台账锚点文件 ${LEDGER_HEAD_FILE} 已损坏，无法确认台账末尾没有被删除或添加` });
  else if (!anchor && n > 0) report({ code: 'LEDGER_HEAD_MISSING', subject: 'ledger-head', message: `台账锚点文件 ${LEDGER_HEAD_FILE} 缺失（台账有 ${n} 条），无法确认台账末尾没有被删除或添加` });
  return { entries: n, last: prev ? { id: prev.id, hash: prev.hash } : null, anchor };
}
