import { hostname, userInfo } from 'node:os';
import type { RuleId, RuleOverride } from '../../../../shared/domain';
import { AppError } from '../../../../shared/errors';
import { RULES } from '../../../../shared/rules/platform/catalogue';
import type { Db } from '../../db/open';
import { nowIso } from '../clock';
import { appendLedger } from '../ledger';
import { checkShop } from './check';
import { toOverride } from './findings';

/** Who an override is by: this PC, and the user signed in to it. */
export function thisPc(): string {
  let user = '';
  try {
    user = userInfo().username;
  } catch {
    // No user name on some service accounts: the PC's name says enough.
  }
  return user ? `${hostname()}\\${user}` : hostname();
}

const SELECT = 'SELECT id, subject, subject_key, rule, reason, by, at FROM rule_overrides';

/**
 * Lifts one rule's block for one order (or one product, and so for its orders), with the
 * merchant's reason; recorded in the ledger (who, when, why). Only a block that is there and that
 * the rule lets a person lift (OVERRIDE_NOT_ALLOWED otherwise); asking twice gives the same one.
 */
export function addOverride(db: Db, req: { shopId: number; rule: RuleId; orderNo?: string; skuKey?: string; reason: string }): RuleOverride {
  const subject = req.orderNo !== undefined ? 'order' : 'product';
  const key = (req.orderNo ?? req.skuKey)!;
  if (!RULES[req.rule].overridable) throw new AppError('OVERRIDE_NOT_ALLOWED', { detail: req.rule });
  return db.transaction(() => {
    const found = subject === 'order'
      ? db.prepare(`SELECT 1 FROM findings f JOIN orders o ON o.id = f.order_id WHERE o.shop_id = ? AND o.order_no = ? AND f.rule = ? AND f.severity = 'block'`).get(req.shopId, key, req.rule)
      : db.prepare(`SELECT 1 FROM findings f JOIN products p ON p.id = f.product_id WHERE p.shop_id = ? AND p.sku_key = ? AND f.rule = ? AND f.severity = 'block'`).get(req.shopId, key, req.rule);
    if (!found) {
      const exists = subject === 'order'
        ? db.prepare('SELECT 1 FROM orders WHERE shop_id = ? AND order_no = ?').get(req.shopId, key)
        : db.prepare('SELECT 1 FROM products WHERE shop_id = ? AND sku_key = ?').get(req.shopId, key);
      if (!exists) throw new AppError(subject === 'order' ? 'ORDER_NOT_FOUND' : 'PRODUCT_NOT_FOUND', { detail: key });
      throw new AppError('OVERRIDE_NOT_ALLOWED', { detail: `${req.rule} ${key}` });
    }
    const existing = db.prepare(`${SELECT} WHERE shop_id = ? AND subject = ? AND subject_key = ? AND rule = ? AND withdrawn_at IS NULL`).get(req.shopId, subject, key, req.rule);
    if (existing) return toOverride(existing as never);
    const by = thisPc();
    const at = nowIso();
    const reason = req.reason.trim();
    const id = Number(db.prepare('INSERT INTO rule_overrides (shop_id, subject, subject_key, rule, reason, by, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(req.shopId, subject, key, req.rule, reason, by, at).lastInsertRowid);
    appendLedger(db, { shopId: req.shopId, event: 'rule.override', subject: `${subject}:${key}`, detail: { rule: req.rule, reason, by, overrideId: id } });
    // A lifted hold changes who waits for stock.
    checkShop(db, req.shopId, { orderIds: [] });
    return toOverride(db.prepare(`${SELECT} WHERE id = ?`).get(id) as never);
  }).immediate();
}

/** Withdraws an override: the block is back, and the ledger says who took it back and when. */
export function withdrawOverride(db: Db, shopId: number, overrideId: number): { withdrawn: boolean } {
  return db.transaction(() => {
    const r = db.prepare(`${SELECT} WHERE id = ? AND shop_id = ? AND withdrawn_at IS NULL`).get(overrideId, shopId) as { subject: string; subject_key: string; rule: RuleId } | undefined;
    if (!r) throw new AppError('OVERRIDE_NOT_FOUND', { detail: String(overrideId) });
    const by = thisPc();
    db.prepare('UPDATE rule_overrides SET withdrawn_at = ?, withdrawn_by = ? WHERE id = ?').run(nowIso(), by, overrideId);
    appendLedger(db, { shopId, event: 'rule.override.withdraw', subject: `${r.subject}:${r.subject_key}`, detail: { rule: r.rule, by, overrideId } });
    checkShop(db, shopId, { orderIds: [] });
    return { withdrawn: true };
  }).immediate();
}

/** Every override of an order (active first), for its drawer and its history. */
export function overridesOfOrder(db: Db, shopId: number, orderNo: string): RuleOverride[] {
  return (db.prepare(`${SELECT} WHERE shop_id = ? AND subject = 'order' AND subject_key = ? AND withdrawn_at IS NULL ORDER BY id`).all(shopId, orderNo) as never[]).map(toOverride);
}
