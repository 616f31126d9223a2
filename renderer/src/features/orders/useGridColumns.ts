/**
 * Which columns of the orders grid the merchant hides (列设置), remembered in localStorage, and
 * the layout of the rest. 订单号 and the check box cannot be hidden.
 */
import { useCallback, useMemo, useState } from 'react';
import { COLUMNS, FIXED_COLUMNS, gridLayout, type GridLayout } from './grid-columns';

export const HIDDEN_COLUMNS_KEY = 'vship.orders.hiddenColumns';

function readHidden(): Set<string> {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(HIDDEN_COLUMNS_KEY) ?? '[]');
    const known = new Set(COLUMNS.map((c) => c.id));
    return new Set(Array.isArray(raw) ? raw.filter((id): id is string => typeof id === 'string' && known.has(id) && !FIXED_COLUMNS.has(id)) : []);
  } catch {
    return new Set();
  }
}

export interface GridColumns {
  layout: GridLayout;
  hidden: ReadonlySet<string>;
  setShown: (id: string, shown: boolean) => void;
  reset: () => void;
}

export function useGridColumns(): GridColumns {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(readHidden);
  const save = useCallback((next: ReadonlySet<string>) => {
    setHidden(next);
    try {
      if (next.size) localStorage.setItem(HIDDEN_COLUMNS_KEY, JSON.stringify([...next]));
      else localStorage.removeItem(HIDDEN_COLUMNS_KEY);
    } catch {
      // Storage full or off: the choice lasts this session.
    }
  }, []);
  const setShown = useCallback((id: string, shown: boolean) => {
    if (FIXED_COLUMNS.has(id)) return;
    const next = new Set(hidden);
    if (shown) next.delete(id);
    else next.add(id);
    save(next);
  }, [hidden, save]);
  const reset = useCallback(() => save(new Set()), [save]);
  const layout = useMemo(() => gridLayout(hidden), [hidden]);
  return { layout, hidden, setShown, reset };
}
