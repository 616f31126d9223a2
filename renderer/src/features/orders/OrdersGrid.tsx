/**
 * The orders grid: a div table virtualized with @tanstack/react-virtual, so 100,000 orders
 * scroll smoothly. Only the visible rows (plus overscan) exist in the DOM; their data is fetched
 * page by page (useOrderPages). The header is sticky; the check box and order-number columns
 * stick to the left, the deadline, time left and state to the right; 列设置 hides columns. Rows are
 * checked with the box (Shift for a range) or Ctrl/Shift+click; the keyboard moves a current row
 * (↑/↓), opens it (Enter), checks it (Space) and checks the whole filter (Ctrl+A).
 */
import { useCallback, useEffect, useRef, useState, type CSSProperties } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Alert, Button, Empty, Spin } from 'antd';
import type { OrderSortKey } from '../../../../shared/domain';
import { t } from '../../i18n';
import { errorText } from '../../lib/error-text';
import { useShop } from '../shops';
import type { OrderPages } from './useOrderPages';
import type { CheckedOrder } from '../../../../shared/contract';
import { HEADER_HEIGHT, ROW_HEIGHT, type RowContext } from './grid-columns';
import { useGridColumns } from './useGridColumns';
import { useGridKeyboard } from './useGridKeyboard';
import { OrdersGridHeader } from './OrdersGridHeader';
import { OrdersGridRow, PlaceholderRow } from './OrdersGridRow';
import '../../ui/frame.css';
import '../../ui/tags.css';
import './grid.css';

export interface OrdersGridProps {
  pages: OrderPages;
  /** Changes whenever the query changes: the grid scrolls back to the top. */
  queryKey: string;
  sort: OrderSortKey;
  desc: boolean;
  onSort: (sort: OrderSortKey) => void;
  selectedOrderNo: string | null;
  onOpen: (orderNo: string) => void;
  /** Scroll so this row is at the top once the rows of the current query are known. */
  scrollRequest?: { index: number; seq: number } | null;
  /** Checked rows by order number. */
  checked: ReadonlyMap<string, unknown>;
  onCheck: RowContext['onCheck'];
  onClearChecks: () => void;
  /** Ctrl+A: every order of the query, checked. */
  onCheckAll: (rows: CheckedOrder[]) => void;
  onReveal: RowContext['onReveal'];
}

/** How long the visible range must rest before its pages are asked for (a scrollbar drag passes many). */
const SETTLE_MS = 24;

export function OrdersGrid({
  pages, queryKey, sort, desc, onSort, selectedOrderNo, onOpen, scrollRequest, checked, onCheck, onClearChecks, onCheckAll, onReveal,
}: OrdersGridProps) {
  const { now } = useShop();
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = pages.total ?? 0;
  const columns = useGridColumns();
  const { layout } = columns;
  /** The keyboard's row, by index in the query (null until ↑/↓ or a click). */
  const [current, setCurrent] = useState<number | null>(null);

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
    setCurrent(null);
  }, [queryKey]);

  const open = useCallback((orderNo: string, index: number) => {
    setCurrent(index);
    onOpen(orderNo);
  }, [onOpen]);

  // Ctrl+A answers only for the query it was asked in.
  const checkAllSeq = useRef(0);
  const queryKeyRef = useRef(queryKey);
  queryKeyRef.current = queryKey;
  useGridKeyboard({
    enabled: count > 0,
    grid: scrollRef,
    move: (delta) => {
      const visible = virtualizer.getVirtualItems();
      const firstShown = visible.find((it) => it.start >= (scrollRef.current?.scrollTop ?? 0))?.index ?? 0;
      const next = current === null ? firstShown : Math.max(0, Math.min(count - 1, current + delta));
      setCurrent(next);
      virtualizer.scrollToIndex(next, { align: 'auto' });
    },
    open: () => {
      const order = current === null ? undefined : pages.getRow(current);
      if (order && current !== null) open(order.orderNo, current);
    },
    check: (range) => {
      const order = current === null ? undefined : pages.getRow(current);
      if (order && current !== null) onCheck(current, order, range);
    },
    checkAll: () => {
      const seq = ++checkAllSeq.current;
      const asked = queryKey;
      void pages.fetchAllChecks().then((rows) => {
        if (seq === checkAllSeq.current && queryKeyRef.current === asked) onCheckAll(rows);
      }, () => undefined);
    },
  });

  const appliedScroll = useRef(0);
  useEffect(() => {
    if (!scrollRequest || appliedScroll.current === scrollRequest.seq || pages.total === null) return;
    appliedScroll.current = scrollRequest.seq;
    if (scrollRequest.index > 0 && scrollRequest.index < pages.total) virtualizer.scrollToIndex(scrollRequest.index, { align: 'start' });
  }, [scrollRequest, pages.total, virtualizer]);

  // Ask for the visible rows once the range has settled: dragging the scrollbar across 100,000
  // rows must not queue a request for every page it passes.
  useEffect(() => {
    const timer = setTimeout(() => pages.ensureRange(first, last), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [first, last, pages, queryKey]);

  const bodyStyle: CSSProperties = { height: Math.max(virtualizer.getTotalSize(), HEADER_HEIGHT), minWidth: layout.totalWidth };

  return (
    <div className="list-frame">
      {pages.error && (
        <Alert
          type="error"
          showIcon
          title={t('grid.loadFailed', { message: errorText(pages.error) })}
          action={<Button size="small" onClick={pages.retry}>{t('common.retry')}</Button>}
          className="grid-error"
        />
      )}
      <div
        className="grid-scroll"
        ref={scrollRef}
        role="table"
        tabIndex={0}
        aria-label={t('grid.keysHint')}
        data-testid="orders-grid"
        data-total={pages.total ?? ''}
        data-current={current ?? ''}
      >
        <div className="grid-body" style={bodyStyle}>
          <OrdersGridHeader sort={sort} desc={desc} onSort={onSort} anyChecked={checked.size > 0} onClearChecks={onClearChecks} columns={columns} />
          {items.map((item) => {
            const order = pages.getRow(item.index);
            const start = item.start;
            return order ? (
              <OrdersGridRow
                key={item.key}
                order={order}
                index={item.index}
                now={now}
                start={start}
                selected={order.orderNo === selectedOrderNo}
                current={item.index === current}
                checked={checked.has(order.orderNo)}
                layout={layout}
                onOpen={open}
                onCheck={onCheck}
                onReveal={onReveal}
              />
            ) : (
              <PlaceholderRow key={item.key} start={start} layout={layout} />
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
