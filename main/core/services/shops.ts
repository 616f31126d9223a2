import type { Shop } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { Db } from '../db/open';
import { nowIso } from './clock';

export const DEFAULT_SHOP_NAME = '默认店铺';

const toShop = (r: { id: number; name: string; created_at: string }): Shop => ({ id: r.id, name: r.name, createdAt: r.created_at });

export function listShops(db: Db): Shop[] {
  ensureDefaultShop(db);
  return (db.prepare('SELECT id, name, created_at FROM shops ORDER BY id').all() as { id: number; name: string; created_at: string }[]).map(toShop);
}

/** Every data folder has at least one shop: the first run creates 默认店铺. */
export function ensureDefaultShop(db: Db): Shop {
  const first = db.prepare('SELECT id, name, created_at FROM shops ORDER BY id LIMIT 1').get() as { id: number; name: string; created_at: string } | undefined;
  if (first) return toShop(first);
  db.prepare('INSERT OR IGNORE INTO shops (name, created_at) VALUES (?, ?)').run(DEFAULT_SHOP_NAME, nowIso());
  return ensureDefaultShop(db);
}

export function createShop(db: Db, name: string): Shop {
  ensureDefaultShop(db);
  const clean = name.trim();
  if (db.prepare('SELECT 1 FROM shops WHERE name = ?').get(clean)) throw new AppError('SHOP_EXISTS', { detail: clean });
  const info = db.prepare('INSERT INTO shops (name, created_at) VALUES (?, ?)').run(clean, nowIso());
  return getShop(db, Number(info.lastInsertRowid));
}

export function getShop(db: Db, id: number): Shop {
  const r = db.prepare('SELECT id, name, created_at FROM shops WHERE id = ?').get(id) as { id: number; name: string; created_at: string } | undefined;
  if (!r) throw new AppError('SHOP_NOT_FOUND', { detail: String(id) });
  return toShop(r);
}
