/**
 * The orders grid: a div table virtualized with @tanstack/react-virtual, so 100,000 orders
 * scroll smoothly. Only the visible rows (plus overscan) exist in the DOM; their data is fetched
 * page by page (useOrderPages). The header is sticky; the check box and order-number columns
 * stick to the left. Rows are checked with the box (Shift for a range) or Ctrl/Shift+click.
 */
import { useEffect, useRef, type CSSProperties } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Alert, Button, Empty, Spin } from 'antd';
import type { OrderSortKey } from '../../../../shared/domain';
import { t } from '../../i18n';
import { errorText } from '../../lib/error-text';
import { useShop } from '../shops';
import type { OrderPages } from './useOrderPages';
import { HEADER_HEIGHT, ROW_HEIGHT, TOTAL_WIDTH, type RowContext } from './grid-columns';
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
  onReveal: RowContext['onReveal'];
}

export function OrdersGrid({
  pages, queryKey, sort, desc, onSort, selectedOrderNo, onOpen, scrollRequest, checked, onCheck, onClearChecks, onReveal,
}: OrdersGridProps) {
  const { now } = useShop();
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

  const bodyStyle: CSSProperties = { height: Math.max(virtualizer.getTotalSize(), HEADER_HEIGHT), minWidth: TOTAL_WIDTH };

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
      <div className="grid-scroll" ref={scrollRef} role="table" data-testid="orders-grid" data-total={pages.total ?? ''}>
        <div className="grid-body" style={bodyStyle}>
          <OrdersGridHeader sort={sort} desc={desc} onSort={onSort} anyChecked={checked.size > 0} onClearChecks={onClearChecks} />
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
