/**
 * The current shop, for every screen below the window: which shop, the time (each minute, for
 * deadlines), and a data version that `changed()` moves on after anything changes the data, so
 * counts, grid, products and stock reload. Also the shop list for the switcher and the boot state:
 * a fresh data folder gets one default shop, so import works at once.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { App as AntApp } from 'antd';
import type { Shop } from '../../../../shared/domain';
import type { AppErrorData } from '../../../../shared/errors';
import { call, errorData } from '../../bridge';
import { t } from '../../i18n';
import { errorText } from '../../lib/error-text';
import { useNow } from '../../lib/useNow';

export type ShopsBoot = { state: 'loading' } | { state: 'failed'; error: AppErrorData } | { state: 'ready' };

export interface ShopsState {
  boot: ShopsBoot;
  /** Loads the shops again after a failed start. */
  retry: () => void;
  shops: Shop[];
  /** null until the shops are loaded. */
  shopId: number | null;
  switchShop: (id: number) => void;
  /** A shop just created: listed and made current. */
  addShop: (shop: Shop) => void;
  /** A shop changed (its type): replaced in the list; its findings moved, so the data reloads. */
  updateShop: (shop: Shop) => void;
}

export interface ShopScope {
  shopId: number;
  /** Now, refreshed at each minute boundary. */
  now: number;
  /** Moves on with each `changed()`: what depends on the data reloads when it does. */
  version: number;
  changed: () => void;
}

const ShopsContext = createContext<ShopsState | null>(null);
const ScopeContext = createContext<Omit<ShopScope, 'shopId'> | null>(null);

async function loadShops(): Promise<{ shops: Shop[]; currentShopId: number }> {
  const [shops, settings] = await Promise.all([call('shops.list', undefined), call('shops.getSettings', undefined)]);
  if (shops.length === 0) shops.push(await call('shops.create', { name: t('shop.defaultName') }));
  const known = shops.some((s) => s.id === settings.currentShopId);
  const currentShopId = known ? settings.currentShopId : shops[0].id;
  if (!known) await call('shops.setSettings', { currentShopId });
  return { shops, currentShopId };
}

export function ShopProvider({ children }: { children: ReactNode }) {
  const { message } = AntApp.useApp();
  const now = useNow();
  const [boot, setBoot] = useState<ShopsBoot>({ state: 'loading' });
  const [shops, setShops] = useState<Shop[]>([]);
  const [shopId, setShopId] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => setVersion((v) => v + 1), []);

  const start = useCallback(() => {
    setBoot({ state: 'loading' });
    loadShops()
      .then(({ shops: list, currentShopId }) => {
        setShops(list);
        setShopId(currentShopId);
        setBoot({ state: 'ready' });
      })
      .catch((e: unknown) => setBoot({ state: 'failed', error: errorData(e) }));
  }, []);
  useEffect(start, [start]);

  const switchShop = useCallback((id: number) => {
    if (id === shopId) return;
    setShopId(id);
    call('shops.setSettings', { currentShopId: id }).catch((e: unknown) => message.error(errorText(errorData(e))));
  }, [shopId, message]);

  const addShop = useCallback((shop: Shop) => {
    setShops((list) => [...list.filter((s) => s.id !== shop.id), shop]);
    switchShop(shop.id);
  }, [switchShop]);

  const updateShop = useCallback((shop: Shop) => {
    setShops((list) => list.map((s) => (s.id === shop.id ? shop : s)));
    changed();
  }, [changed]);

  const shopsState = useMemo<ShopsState>(
    () => ({ boot, retry: start, shops, shopId, switchShop, addShop, updateShop }),
    [boot, start, shops, shopId, switchShop, addShop, updateShop],
  );
  const scope = useMemo(() => ({ now, version, changed }), [now, version, changed]);
  return (
    <ShopsContext.Provider value={shopsState}>
      <ScopeContext.Provider value={scope}>{children}</ScopeContext.Provider>
    </ShopsContext.Provider>
  );
}

/** The shop list, the current shop (null while loading) and the boot state: for the window and the switcher. */
export function useShops(): ShopsState {
  const value = useContext(ShopsContext);
  if (!value) throw new Error('useShops() outside <ShopProvider>');
  return value;
}

/** The current shop, its clock and data version: for anything shown once the shop is known. */
export function useShop(): ShopScope {
  const shops = useContext(ShopsContext);
  const scope = useContext(ScopeContext);
  if (!shops || !scope) throw new Error('useShop() outside <ShopProvider>');
  if (shops.shopId === null) throw new Error('useShop() before the shops are loaded');
  return { shopId: shops.shopId, ...scope };
}
