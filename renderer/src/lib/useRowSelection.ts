/**
 * Checked rows of the orders grid, by order number, with the row index each was checked at (the
 * grid order) and the order as it was then. Shift checks or unchecks the range from the last
 * clicked row, as the clicked row goes. Cleared whenever the query or the data changes.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Order } from '../../../shared/domain';

export interface CheckedRow {
  index: number;
  order: Order;
}

export interface RowSelection {
  checked: ReadonlyMap<string, CheckedRow>;
  toggle: (index: number, order: Order, range: boolean) => void;
  clear: () => void;
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
        if (on) next.set(row.orderNo, { index: i, order: row });
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

  return { checked, toggle, clear };
}
