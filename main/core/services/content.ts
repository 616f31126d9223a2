import { createHash, createHmac } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { Db } from '../db/open';

/**
 * What the ledger commits to about delivered content, without holding it: HMAC-SHA256 under the
 * data folder's content key (meta 'content_key', made by migration 8). A keyed hash, so a ledger
 * entry handed to a third party (an evidence pack) cannot be searched for a short code by trying
 * codes. Every hashed text starts with its kind and version: a later form adds a new version and
 * never reads an old hash as a new one.
 */

const keys = new WeakMap<Db, Buffer>();

/** The data folder's content key (read once per connection). */
export function contentKey(db: Db): Buffer {
  let key = keys.get(db);
  if (key) return key;
  const v = db.prepare("SELECT value FROM meta WHERE key = 'content_key'").pluck().get() as string | undefined;
  if (!v) throw new AppError('DB_CORRUPT', { detail: 'meta.content_key' });
  key = Buffer.from(v, 'base64url');
  keys.set(db, key);
  return key;
}

/** A stock item's content as stock_items holds it. */
export interface ItemContent { kind: string; card_no: string; password: string; code: string; login: string; extras: string }

const ITEM_V = 'vship-item-v1';
const MESSAGE_V = 'vship-message-v1';
const ROOT_V = 'vship-batch-root-v1';

/** The hash of an item's content: every part that is delivered (kind, card number, password, code, login, extras). */
export function itemContentHash(key: Buffer, it: ItemContent): string {
  return createHmac('sha256', key).update(JSON.stringify([ITEM_V, it.kind, it.card_no, it.password, it.code, it.login, it.extras])).digest('base64url');
}

/** The hash of a message exactly as it was sent (the text of the 发货消息 file's cell). */
export function messageHash(key: Buffer, text: string): string {
  return createHmac('sha256', key).update(`${MESSAGE_V}\n${text}`).digest('base64url');
}

/**
 * A batch's root: SHA-256 over its items' (id, content hash), by id — the stock.import (or assign,
 * stock.commit) ledger entry holds it, so an item changed together with its content_hash, added to
 * the batch or taken out of it, is found. Add the items in id order.
 */
export class ContentRoot {
  private readonly h = createHash('sha256').update(`${ROOT_V}\n`);
  private n = 0;
  add(id: number, contentHash: string | null): void {
    this.h.update(`${id}:${contentHash ?? ''}\n`);
    this.n++;
  }
  get items(): number { return this.n; }
  digest(): string { return this.h.digest('base64url'); }
}

/** The root of a batch as it is now in the database. */
export function batchRoot(db: Db, batchId: number): string {
  const r = new ContentRoot();
  for (const [id, h] of db.prepare('SELECT id, content_hash FROM stock_items WHERE batch_id = ? ORDER BY id').raw().iterate(batchId) as Iterable<[number, string | null]>) r.add(id, h);
  return r.digest();
}

/** An item about to be served (revealed, put in a message or a shipment file) must hold what was committed for it. */
export function assertItemIntact(db: Db, it: ItemContent & { id: number; content_hash: string | null }): void {
  if (it.content_hash === null || itemContentHash(contentKey(db), it) !== it.content_hash) throw new AppError('ITEM_ALTERED', { detail: `条目 #${it.id}` });
}
