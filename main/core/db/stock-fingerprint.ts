import { createHash } from 'node:crypto';
import { identityKey } from '../../../shared/rules/stock-identity';

/**
 * stock_items.fingerprint of an item's identity (its card number, code or login, as given): a
 * hash of the identity's normal form (identityKey), so the UNIQUE (shop_id, fingerprint) index
 * refuses look-alikes, and is not a second copy of every secret.
 */
export function identityFingerprint(identity: string): string {
  return createHash('sha256').update(identityKey(identity)).digest('base64url').slice(0, 24);
}
