import type { Shop, ShopType } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { Db } from '../db/open';
import { nowIso } from './clock';
import { checkShop } from './rules/check';

export const DEFAULT_SHOP_NAME = '默认店铺';

type ShopRow = { id: number; name: string; type: ShopType; created_at: string };
const toShop = (r: ShopRow): Shop => ({ id: r.id, name: r.name, type: r.type, createdAt: r.created_at });

export function listShops(db: Db): Shop[] {
  ensureDefaultShop(db);
  return (db.prepare('SELECT id, name, type, created_at FROM shops ORDER BY id').all() as ShopRow[]).map(toShop);
}

/** Every data folder has at least one shop: the first run creates 默认店铺. */
export function ensureDefaultShop(db: Db): Shop {
  const first = db.prepare('SELECT id, name, type, created_at FROM shops ORDER BY id LIMIT 1').get() as ShopRow | undefined;
  if (first) return toShop(first);
  db.prepare('INSERT OR IGNORE INTO shops (name, created_at) VALUES (?, ?)').run(DEFAULT_SHOP_NAME, nowIso());
  return ensureDefaultShop(db);
}

export function createShop(db: Db, name: string, type: ShopType = 'personal'): Shop {
  ensureDefaultShop(db);
  const clean = name.trim();
  if (db.prepare('SELECT 1 FROM shops WHERE name = ?').get(clean)) throw new AppError('SHOP_EXISTS', { detail: clean });
  const info = db.prepare('INSERT INTO shops (name, type, created_at) VALUES (?, ?, ?)').run(clean, type, nowIso());
  return getShop(db, Number(info.lastInsertRowid));
}

/** 个人 / 企业 changed later: the shop's products and orders are checked again in the same transaction. */
export function setShopType(db: Db, shopId: number, type: ShopType): Shop {
  getShop(db, shopId);
  db.transaction(() => {
    db.prepare('UPDATE shops SET type = ? WHERE id = ?').run(type, shopId);
    checkShop(db, shopId);
  }).immediate();
  return getShop(db, shopId);
}

export function getShop(db: Db, id: number): Shop {
  const r = db.prepare('SELECT id, name, type, created_at FROM shops WHERE id = ?').get(id) as ShopRow | undefined;
  if (!r) throw new AppError('SHOP_NOT_FOUND', { detail: String(id) });
  return toShop(r);
}
