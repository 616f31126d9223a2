/** One row of the orders grid (memoized: rows re-render only when their order or marks change), and a loading row. */
import { memo } from 'react';
import type { Order } from '../../../../shared/domain';
import { COLUMNS, TEMPLATE, type RowContext } from './grid-columns';

function isOverdue(o: Order, now: number): boolean {
  return o.shippable && !!o.shipBy && new Date(o.shipBy).getTime() < now;
}

export const OrdersGridRow = memo(function OrdersGridRow({ order, index, now, selected, checked, start, onOpen, onCheck, onReveal }: {
  order: Order; index: number; now: number; selected: boolean; checked: boolean; start: number;
  onOpen: (orderNo: string) => void; onCheck: RowContext['onCheck']; onReveal: RowContext['onReveal'];
}) {
  const cls = ['grid-row', isOverdue(order, now) ? 'row-overdue' : '', checked ? 'row-checked' : '', selected ? 'row-selected' : ''].join(' ');
  const row: RowContext = { index, checked, onCheck, onReveal };
  return (
    <div
      role="row"
      className={cls}
      data-testid="order-row"
      data-order-no={order.orderNo}
      // Screenshots dropped on the row become this order's evidence (lib/useWindowFileDrop.ts).
      data-drop-order={order.orderNo}
      data-checked={checked || undefined}
      style={{ transform: `translateY(${start}px)`, gridTemplateColumns: TEMPLATE }}
      onMouseDown={(e) => {
        // Shift+click checks a range; keep the browser from selecting text across rows.
        if (e.shiftKey) e.preventDefault();
      }}
      onClick={(e) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey) {
          onCheck(index, order, e.shiftKey);
          return;
        }
        // Selecting text in the order number must not open the drawer.
        if (window.getSelection()?.toString()) return;
        if ((e.target as HTMLElement).closest('.selectable') && e.detail > 1) return;
        onOpen(order.orderNo);
      }}
    >
      {COLUMNS.map((c) => (
        <div
          role="cell"
          key={c.id}
          data-col={c.id}
          className={['grid-cell', c.className ?? '', c.align ? `align-${c.align}` : ''].join(' ')}
          title={c.tip?.(order) || undefined}
        >
          {c.cell(order, now, row)}
        </div>
      ))}
    </div>
  );
});

export function PlaceholderRow({ start }: { start: number }) {
  return (
    <div className="grid-row row-placeholder" data-testid="order-row-loading" style={{ transform: `translateY(${start}px)`, gridTemplateColumns: TEMPLATE }}>
      {COLUMNS.map((c) => (
        <div key={c.id} className={['grid-cell', c.className ?? ''].join(' ')}>
          <span className="skeleton-bar" style={{ width: Math.min(c.width - 24, 120) }} />
        </div>
      ))}
    </div>
  );
}
