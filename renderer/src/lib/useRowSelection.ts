/**
 * Checked rows of the orders grid, by order number, with the row index each was checked at (the
 * grid order) and what checking needs of the order as it was then (CheckedOrder: a light row, so
 * Ctrl+A can check every order of the filter, not only the loaded pages). Shift checks or unchecks the range from the last
 * clicked row, as the clicked row goes. Cleared whenever the query or the data changes.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CheckedOrder } from '../../../shared/contract';
import type { Order } from '../../../shared/domain';

export type { CheckedOrder };

export interface CheckedRow {
  index: number;
  order: CheckedOrder;
}

export interface RowSelection {
  checked: ReadonlyMap<string, CheckedRow>;
  toggle: (index: number, order: Order, range: boolean) => void;
  /** Check exactly these rows (every order of the filter, in grid order: index = place). */
  checkAll: (rows: readonly CheckedOrder[]) => void;
  clear: () => void;
}

/** What checking keeps of a loaded row. */
export function checkedOrder(o: Order): CheckedOrder {
  return {
    orderNo: o.orderNo, shipState: o.shipState, shippable: o.shippable, quantity: o.quantity, skuKey: o.skuKey,
    skuCode: o.skuCode, styleId: o.styleId, productId: o.productId, spec: o.spec, filled: o.items.length > 0,
  };
}

/** Rows by index, as the grid has them now (a range check reads the rows between). */
export interface RowSource {
  getRow(index: number): Order | undefined;
}

export function useRowSelection(pages: RowSource, resetKey: string): RowSelection {
  const [checked, setChecked] = useState<ReadonlyMap<string, CheckedRow>>(() => new Map());
  const anchor = useRef<number | null>(null);
  const pagesRef = useRef(pages);
  pagesRef.current = pages;

  useEffect(() => {
    setChecked(new Map());
    anchor.current = null;
  }, [resetKey]);

  const toggle = useCallback((index: number, order: Order, range: boolean) => {
    // Read the anchor now: the updater runs later, after it has moved.
    const last = range ? anchor.current : null;
    const from = last !== null ? Math.min(last, index) : index;
    const to = last !== null ? Math.max(last, index) : index;
    setChecked((prev) => {
      const next = new Map(prev);
      const on = !prev.has(order.orderNo);
      for (let i = from; i <= to; i++) {
        const row = i === index ? order : pagesRef.current.getRow(i);
        if (!row) continue;
        if (on) next.set(row.orderNo, { index: i, order: checkedOrder(row) });
        else next.delete(row.orderNo);
      }
      return next;
    });
    anchor.current = index;
  }, []);

  const clear = useCallback(() => {
    setChecked(new Map());
    anchor.current = null;
  }, []);

  const checkAll = useCallback((rows: readonly CheckedOrder[]) => {
    setChecked(new Map(rows.map((order, index) => [order.orderNo, { index, order }])));
    anchor.current = null;
  }, []);

  return { checked, toggle, checkAll, clear };
}
