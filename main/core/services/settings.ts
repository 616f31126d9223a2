import type { Settings } from '../../../shared/domain';
import type { Db } from '../db/open';
import { ensureDefaultShop, getShop } from './shops';

export const DEFAULT_SHIP_PROMISE_HOURS = 48;
export const DEFAULT_ACCOUNT_COOLDOWN_HOURS = 2;
export const DEFAULT_EXPORT_MAX_ROWS = 1000;
export const DEFAULT_ATTENTION_HOURS = 2;

export function getSettings(db: Db): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const map = new Map(rows.map((r) => [r.key, r.value]));
  let currentShopId = Number(map.get('currentShopId') ?? 0);
  if (!currentShopId || !db.prepare('SELECT 1 FROM shops WHERE id = ?').get(currentShopId)) currentShopId = ensureDefaultShop(db).id;
  return {
    shipPromiseHours: Number(map.get('shipPromiseHours') ?? DEFAULT_SHIP_PROMISE_HOURS),
    currentShopId,
    accountCooldownHours: Number(map.get('accountCooldownHours') ?? DEFAULT_ACCOUNT_COOLDOWN_HOURS),
    exportMaxRows: Number(map.get('exportMaxRows') ?? DEFAULT_EXPORT_MAX_ROWS),
    attentionHours: Number(map.get('attentionHours') ?? DEFAULT_ATTENTION_HOURS),
  };
}

export function setSettings(db: Db, patch: Partial<Settings>): Settings {
  if (patch.currentShopId !== undefined) getShop(db, patch.currentShopId);
  const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) put.run(k, String(v));
  })();
  return getSettings(db);
}
