/** One row of the orders grid (memoized: rows re-render only when their order or marks change), and a loading row. */
import { memo } from 'react';
import type { Order } from '../../../../shared/domain';
import { cellClass, type GridLayout, type RowContext } from './grid-columns';

function isOverdue(o: Order, now: number): boolean {
  return o.shippable && !!o.shipBy && new Date(o.shipBy).getTime() < now;
}

export const OrdersGridRow = memo(function OrdersGridRow({ order, index, now, selected, current, checked, start, layout, onOpen, onCheck, onReveal }: {
  order: Order; index: number; now: number; selected: boolean; checked: boolean; start: number;
  /** The keyboard's row (↑/↓). */
  current: boolean;
  layout: GridLayout;
  onOpen: (orderNo: string, index: number) => void; onCheck: RowContext['onCheck']; onReveal: RowContext['onReveal'];
}) {
  const cls = [
    'grid-row', isOverdue(order, now) ? 'row-overdue' : '', checked ? 'row-checked' : '', selected ? 'row-selected' : '', current ? 'row-current' : '',
  ].filter(Boolean).join(' ');
  const row: RowContext = { index, checked, onCheck, onReveal };
  return (
    <div
      role="row"
      className={cls}
      data-testid="order-row"
      data-order-no={order.orderNo}
      data-index={index}
      // Screenshots dropped on the row become this order's evidence (lib/useWindowFileDrop.ts).
      data-drop-order={order.orderNo}
      data-checked={checked || undefined}
      data-current={current || undefined}
      aria-selected={current || undefined}
      style={{ transform: `translateY(${start}px)`, gridTemplateColumns: layout.template }}
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
        onOpen(order.orderNo, index);
      }}
    >
      {layout.columns.map((c) => (
        <div
          role="cell"
          key={c.id}
          data-col={c.id}
          className={cellClass('grid-cell', c, layout)}
          style={layout.pinStyle.get(c.id)}
          title={c.tip?.(order) || undefined}
        >
          {c.cell(order, now, row)}
        </div>
      ))}
    </div>
  );
});

export const PlaceholderRow = memo(function PlaceholderRow({ start, layout }: { start: number; layout: GridLayout }) {
  return (
    <div className="grid-row row-placeholder" data-testid="order-row-loading" style={{ transform: `translateY(${start}px)`, gridTemplateColumns: layout.template }}>
      {layout.columns.map((c) => (
        <div key={c.id} className={cellClass('grid-cell', c, layout)} style={layout.pinStyle.get(c.id)}>
          <span className="skeleton-bar" style={{ width: Math.min(c.width - 24, 120) }} />
        </div>
      ))}
    </div>
  );
});
