/**
 * The orders grid: a div table virtualized with @tanstack/react-virtual, so 100,000 orders
 * scroll smoothly. Only the visible rows (plus overscan) exist in the DOM; their data is fetched
 * page by page (useOrderPages). The header is sticky; the check box and order-number columns
 * stick to the left. Rows are checked with the box (Shift for a range) or Ctrl/Shift+click.
 */
import { memo, useEffect, useMemo, useRef, type CSSProperties, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Alert, Button, Empty, Spin } from 'antd';
import { CaretDownOutlined, CaretUpOutlined, EyeOutlined } from '@ant-design/icons';
import type { Order, OrderSortKey } from '../../../shared/domain';
import { reasonLabel, t, type MessageKey } from '../i18n';
import { formatYuan } from '../format/money';
import { formatDateTime, timeLeft } from '../format/time';
import { isNormalAfterSale } from '../format/after-sale';
import type { OrderPages } from '../hooks/useOrderPages';

const ROW_HEIGHT = 36;
const HEADER_HEIGHT = 38;

interface Column {
  id: string;
  title: MessageKey;
  /** Minimum width; a column with `flex` also takes that share (fr) of a wide window's spare width. */
  width: number;
  flex?: number;
  sort?: OrderSortKey;
  align?: 'right' | 'center';
  className?: string;
  cell: (o: Order, now: number, row: RowContext) => ReactNode;
  /** Native tooltip for cells that may be cut off. */
  tip?: (o: Order) => string;
}

/** What a cell may need of its row beyond the order: its place, its check box, the reveal action. */
interface RowContext {
  index: number;
  checked: boolean;
  onCheck: (index: number, order: Order, range: boolean) => void;
  onReveal: (orderNo: string) => void;
}

/** A plain span styled like antd's Tag: thousands of rows pass through here while scrolling. */
function ShippableTag({ order }: { order: Order }) {
  if (order.shippable) return <span className="cell-tag tag-ok">{t('grid.shippable')}</span>;
  return <span className="cell-tag tag-blocked">{order.reason ? reasonLabel(order.reason) : ''}</span>;
}

function TimeLeftCell({ order, now }: { order: Order; now: number }) {
  // A deadline only matters for orders still waiting to ship.
  if (!order.shippable) return <span className="muted">{t('common.none')}</span>;
  const left = timeLeft(order.shipBy, now);
  if (!left) return <span className="muted">{t('common.none')}</span>;
  const cls = left.overdue ? 'time-overdue' : left.soon ? 'time-soon' : 'time-ok';
  return <span className={cls}>{left.text}</span>;
}

function CheckCell({ order, row }: { order: Order; row: RowContext }) {
  return (
    <input
      type="checkbox"
      className="row-check"
      checked={row.checked}
      onChange={() => undefined}
      onClick={(e) => {
        e.stopPropagation();
        row.onCheck(row.index, order, e.shiftKey);
      }}
      aria-label={t('grid.check')}
      data-testid="row-check"
    />
  );
}

/** The order's items, masked, one tag each; the eye shows them in full. Nothing when not filled. */
function ContentCell({ order, row }: { order: Order; row: RowContext }) {
  if (!order.items.length) return null;
  const revealable = order.items.some((it) => it.itemId !== null || it.kind === 'recharge');
  return (
    <span className="cell-content">
      {revealable && (
        <button
          type="button"
          className="cell-icon-btn"
          title={t('content.reveal')}
          data-testid="reveal-order"
          onClick={(e) => {
            e.stopPropagation();
            row.onReveal(order.orderNo);
          }}
        >
          <EyeOutlined />
        </button>
      )}
      {order.items.length > 1 && <span className="cell-count">{t('content.count', { count: order.items.length })}</span>}
      {order.items.map((it) => (
        <span key={it.allocationId} className={`cell-tag ${it.kind === 'recharge' ? 'tag-recharge' : 'tag-item'}`} data-testid="order-item">
          {it.masked}
        </span>
      ))}
    </span>
  );
}

const COLUMNS: Column[] = [
  { id: 'check', title: 'col.check', width: 34, className: 'cell-check', cell: (o, _now, row) => <CheckCell order={o} row={row} /> },
  {
    id: 'orderNo', title: 'col.orderNo', width: 196, sort: 'orderNo', className: 'cell-order-no',
    cell: (o) => <span className="mono selectable">{o.orderNo}</span>,
  },
  { id: 'productName', title: 'col.productName', width: 146, flex: 1, sort: 'productName', cell: (o) => o.productName, tip: (o) => o.productName },
  { id: 'spec', title: 'col.spec', width: 96, flex: 0.4, cell: (o) => o.spec, tip: (o) => o.spec },
  { id: 'skuCode', title: 'col.skuCode', width: 100, flex: 0.2, cell: (o) => <span className="mono">{o.skuCode}</span>, tip: (o) => o.skuCode },
  { id: 'quantity', title: 'col.quantity', width: 52, sort: 'quantity', align: 'right', cell: (o) => o.quantity },
  {
    id: 'content', title: 'col.content', width: 210, flex: 0.5, cell: (o, _now, row) => <ContentCell order={o} row={row} />,
    tip: (o) => o.items.map((it) => it.masked).join('\n'),
  },
  { id: 'paid', title: 'col.paid', width: 84, sort: 'paidCents', align: 'right', cell: (o) => <span className="num">{formatYuan(o.paidCents)}</span> },
  { id: 'status', title: 'col.status', width: 108, sort: 'status', cell: (o) => o.status, tip: (o) => o.status },
  {
    id: 'afterSale', title: 'col.afterSale', width: 112,
    cell: (o) => <span className={isNormalAfterSale(o.afterSale) ? 'after-sale-none' : 'after-sale-open'}>{o.afterSale}</span>,
    tip: (o) => o.afterSale,
  },
  {
    id: 'shippable', title: 'col.shippable', width: 156, flex: 0.3, cell: (o) => <ShippableTag order={o} />,
    tip: (o) => (o.shippable || !o.reason ? '' : reasonLabel(o.reason)),
  },
  {
    id: 'shipBy', title: 'col.shipBy', width: 128, sort: 'shipBy',
    cell: (o) => <span className={o.shipByFromExport ? 'num' : 'num estimated'}>{formatDateTime(o.shipBy)}</span>,
    tip: (o) => (o.shipBy && !o.shipByFromExport ? t('grid.estimatedShipBy') : ''),
  },
  { id: 'timeLeft', title: 'col.timeLeft', width: 136, sort: 'shipBy', cell: (o, now) => <TimeLeftCell order={o} now={now} /> },
  { id: 'rechargeNo', title: 'col.rechargeNo', width: 120, cell: (o) => <span className="mono selectable">{o.rechargeNo}</span> },
  { id: 'province', title: 'col.province', width: 68, cell: (o) => o.province },
];

const TEMPLATE = COLUMNS.map((c) => (c.flex ? `minmax(${c.width}px, ${c.flex}fr)` : `${c.width}px`)).join(' ');
const TOTAL_WIDTH = COLUMNS.reduce((s, c) => s + c.width, 0);

function isOverdue(o: Order, now: number): boolean {
  return o.shippable && !!o.shipBy && new Date(o.shipBy).getTime() < now;
}

const Row = memo(function Row({ order, index, now, selected, checked, start, onOpen, onCheck, onReveal }: {
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

function PlaceholderRow({ start }: { start: number }) {
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

export interface OrdersGridProps {
  pages: OrderPages;
  /** Changes whenever the query changes: the grid scrolls back to the top. */
  queryKey: string;
  sort: OrderSortKey;
  desc: boolean;
  onSort: (sort: OrderSortKey) => void;
  now: number;
  selectedOrderNo: string | null;
  onOpen: (orderNo: string) => void;
  /** Scroll so this row is at the top once the rows of the current query are known. */
  scrollRequest?: { index: number; seq: number } | null;
  /** Checked rows by order number. */
  checked: ReadonlyMap<string, unknown>;
  onCheck: RowContext['onCheck'];
  onClearChecks: () => void;
  onReveal: RowContext['onReveal'];
}

export function OrdersGrid({
  pages, queryKey, sort, desc, onSort, now, selectedOrderNo, onOpen, scrollRequest, checked, onCheck, onClearChecks, onReveal,
}: OrdersGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = pages.total ?? 0;

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    // Let React batch scroll updates instead of rendering synchronously inside each scroll event.
    useFlushSync: false,
  });

  const items = virtualizer.getVirtualItems();
  const first = items.length ? items[0].index : 0;
  const last = items.length ? items[items.length - 1].index : 0;

  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [queryKey]);

  const appliedScroll = useRef(0);
  useEffect(() => {
    if (!scrollRequest || appliedScroll.current === scrollRequest.seq || pages.total === null) return;
    appliedScroll.current = scrollRequest.seq;
    if (scrollRequest.index > 0 && scrollRequest.index < pages.total) virtualizer.scrollToIndex(scrollRequest.index, { align: 'start' });
  }, [scrollRequest, pages.total, virtualizer]);

  // Ask for the visible rows once the range has settled: dragging the scrollbar across 100,000
  // rows must not queue a request for every page it passes.
  useEffect(() => {
    const timer = setTimeout(() => pages.ensureRange(first, last), 90);
    return () => clearTimeout(timer);
  }, [first, last, pages, queryKey]);

  const anyChecked = checked.size > 0;
  const header = useMemo(() => (
    <div className="grid-header" role="row" style={{ gridTemplateColumns: TEMPLATE, height: HEADER_HEIGHT }}>
      {COLUMNS.map((c) => {
        if (c.id === 'check') {
          // Unchecks everything; there is no "check all" over 100,000 orders.
          return (
            <div key={c.id} role="columnheader" className={['grid-hcell', c.className ?? ''].join(' ')} title={anyChecked ? t('grid.clearChecks') : undefined}>
              {anyChecked && (
                <input type="checkbox" className="row-check" checked onChange={onClearChecks} aria-label={t('grid.clearChecks')} data-testid="clear-checks" />
              )}
            </div>
          );
        }
        const active = c.sort !== undefined && c.sort === sort && (c.id !== 'timeLeft');
        return (
          <div
            key={c.id}
            role="columnheader"
            className={['grid-hcell', c.className ?? '', c.sort ? 'sortable' : '', active ? 'sorted' : '', c.align ? `align-${c.align}` : ''].join(' ')}
            data-testid={`col-${c.id}`}
            aria-sort={active ? (desc ? 'descending' : 'ascending') : undefined}
            title={c.sort ? t('col.sortTip') : undefined}
            onClick={c.sort ? () => onSort(c.sort!) : undefined}
          >
            <span>{t(c.title)}</span>
            {c.sort && (
              <span className="sort-icons">
                <CaretUpOutlined className={active && !desc ? 'on' : ''} />
                <CaretDownOutlined className={active && desc ? 'on' : ''} />
              </span>
            )}
          </div>
        );
      })}
    </div>
  ), [sort, desc, onSort, anyChecked, onClearChecks]);

  const bodyStyle: CSSProperties = { height: Math.max(virtualizer.getTotalSize(), HEADER_HEIGHT), minWidth: TOTAL_WIDTH };

  return (
    <div className="grid-frame">
      {pages.error && (
        <Alert
          type="error"
          showIcon
          title={t('grid.loadFailed', { message: pages.error.message })}
          action={<Button size="small" onClick={pages.retry}>{t('common.retry')}</Button>}
          className="grid-error"
        />
      )}
      <div className="grid-scroll" ref={scrollRef} role="table" data-testid="orders-grid" data-total={pages.total ?? ''}>
        <div className="grid-body" style={bodyStyle}>
          {header}
          {items.map((item) => {
            const order = pages.getRow(item.index);
            const start = item.start;
            return order ? (
              <Row
                key={item.key}
                order={order}
                index={item.index}
                now={now}
                start={start}
                selected={order.orderNo === selectedOrderNo}
                checked={checked.has(order.orderNo)}
                onOpen={onOpen}
                onCheck={onCheck}
                onReveal={onReveal}
              />
            ) : (
              <PlaceholderRow key={item.key} start={start} />
            );
          })}
        </div>
        {pages.total === null && !pages.error && (
          <div className="grid-loading"><Spin /></div>
        )}
        {pages.total === 0 && (
          <div className="grid-empty"><Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('grid.noMatch')} /></div>
        )}
      </div>
    </div>
  );
}
