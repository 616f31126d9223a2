/**
 * The shop's products (products.list): kinds, terms, waiting orders and stock levels. Reloaded
 * when the data changes (the shop's version) while `enabled`; kept otherwise.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Product } from '../../../../shared/domain';
import type { AppErrorData } from '../../../../shared/errors';
import { call, errorData } from '../../bridge';
import { useShop } from '../shops';

export interface ProductsState {
  /** null until the first list arrives. */
  products: Product[] | null;
  bySku: ReadonlyMap<string, Product>;
  error: AppErrorData | null;
  reload: () => void;
}

export function useProducts(enabled = true): ProductsState {
  const { shopId, version } = useShop();
  const [products, setProducts] = useState<Product[] | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [loadedAt, setLoadedAt] = useState<string | null>(null);
  const [again, setAgain] = useState(0);
  const wanted = `${shopId}#${version}#${again}`;

  useEffect(() => {
    if (!enabled || loadedAt === wanted) return;
    let live = true;
    call('products.list', { shopId })
      .then((list) => {
        if (!live) return;
        setProducts(list);
        setError(null);
        setLoadedAt(wanted);
      })
      .catch((e: unknown) => live && setError(errorData(e)));
    return () => {
      live = false;
    };
  }, [shopId, enabled, wanted, loadedAt]);

  const bySku = useMemo(() => new Map((products ?? []).map((p) => [p.skuKey, p])), [products]);
  const reload = useCallback(() => setAgain((n) => n + 1), []);
  return { products, bySku, error, reload };
}
