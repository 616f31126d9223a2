/**
 * The columns of the orders grid and their cells. Cells are plain spans, not antd components:
 * thousands of rows pass through here while scrolling.
 */
import type { CSSProperties, ReactNode } from 'react';
import { EyeOutlined } from '@ant-design/icons';
import type { Order, OrderSortKey } from '../../../../shared/domain';
import { reasonLabel, t, type MessageKey } from '../../i18n';
import { itemLabel } from '../allocation';
import { ShipStateTag, shipStateTip } from '../export';
import { FindingsBadge, findingsTip } from '../findings';
import { formatCount } from '../../lib/format/count';
import { formatYuan } from '../../lib/format/money';
import { formatDateTime, timeLeft } from '../../lib/format/time';
import { isNoAfterSale } from './after-sale';

export const ROW_HEIGHT = 36;
export const HEADER_HEIGHT = 38;

export interface Column {
  id: string;
  title: MessageKey;
  /** Minimum width; a column with `flex` also takes that share (fr) of a wide window's spare width. */
  width: number;
  flex?: number;
  /** Sticks to this edge while the grid scrolls sideways (fixed width: the offsets add up). */
  pin?: 'left' | 'right';
  sort?: OrderSortKey;
  align?: 'right' | 'center';
  className?: string;
  cell: (o: Order, now: number, row: RowContext) => ReactNode;
  /** Native tooltip for cells that may be cut off. */
  tip?: (o: Order) => string;
}

/** What a cell may need of its row beyond the order: its place, its check box, the reveal action. */
export interface RowContext {
  index: number;
  checked: boolean;
  onCheck: (index: number, order: Order, range: boolean) => void;
  onReveal: (orderNo: string) => void;
}

/**
 * A plain span styled like antd's Tag: where the order stands on the way out once VShip knows
 * (可导出, 已导出, 上传失败, 已发货, 需处理), else whether it may ship or why not.
 */
function ShippableTag({ order }: { order: Order }) {
  if (order.shipState) return <ShipStateTag state={order.shipState} />;
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
      // Clicking the box keeps the focus on the grid: Space there is the grid's key, not the box's.
      tabIndex={-1}
      onMouseDown={(e) => e.preventDefault()}
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
          {itemLabel(it)}
        </span>
      ))}
    </span>
  );
}

/**
 * Left to right. The check box and the order number stick to the left edge, the deadline, the time
 * left and the state to the right edge (`pin`), so at 1366×768 what matters is seen without scrolling
 * sideways; 商品 takes most of the spare width.
 */
export const COLUMNS: Column[] = [
  { id: 'check', title: 'col.check', width: 34, pin: 'left', className: 'cell-check', cell: (o, _now, row) => <CheckCell order={o} row={row} /> },
  {
    id: 'orderNo', title: 'col.orderNo', width: 196, pin: 'left', sort: 'orderNo', className: 'cell-order-no',
    cell: (o) => <span className="mono selectable">{o.orderNo}</span>,
  },
  { id: 'productName', title: 'col.productName', width: 220, flex: 1.4, sort: 'productName', cell: (o) => o.productName, tip: (o) => o.productName },
  { id: 'spec', title: 'col.spec', width: 96, flex: 0.4, cell: (o) => o.spec, tip: (o) => o.spec },
  { id: 'skuCode', title: 'col.skuCode', width: 100, flex: 0.2, cell: (o) => <span className="mono">{o.skuCode}</span>, tip: (o) => o.skuCode },
  { id: 'quantity', title: 'col.quantity', width: 62, sort: 'quantity', align: 'right', cell: (o) => formatCount(o.quantity) },
  {
    // Narrow until filled: an empty 内容 must not take 商品's room.
    id: 'content', title: 'col.content', width: 96, flex: 0.5, cell: (o, _now, row) => <ContentCell order={o} row={row} />,
    tip: (o) => o.items.map(itemLabel).join('\n'),
  },
  { id: 'paid', title: 'col.paid', width: 84, sort: 'paidCents', align: 'right', cell: (o) => <span className="num">{formatYuan(o.paidCents)}</span> },
  { id: 'status', title: 'col.status', width: 108, sort: 'status', cell: (o) => o.status, tip: (o) => o.status },
  {
    id: 'afterSale', title: 'col.afterSale', width: 112,
    cell: (o) => <span className={isNoAfterSale(o.afterSale) ? 'after-sale-none' : 'after-sale-open'}>{o.afterSale}</span>,
    tip: (o) => o.afterSale,
  },
  { id: 'rules', title: 'col.rules', width: 76, cell: (o) => <FindingsBadge findings={o.findings} />, tip: (o) => findingsTip(o.findings) },
  { id: 'rechargeNo', title: 'col.rechargeNo', width: 120, cell: (o) => <span className="mono selectable">{o.rechargeNo}</span> },
  { id: 'province', title: 'col.province', width: 68, cell: (o) => o.province },
  {
    id: 'shipBy', title: 'col.shipBy', width: 146, pin: 'right', sort: 'shipBy',
    cell: (o) => <span className={o.shipByFromExport ? 'num' : 'num estimated'}>{formatDateTime(o.shipBy)}</span>,
    tip: (o) => (o.shipBy && !o.shipByFromExport ? t('grid.estimatedShipBy') : ''),
  },
  { id: 'timeLeft', title: 'col.timeLeft', width: 158, pin: 'right', sort: 'shipBy', cell: (o, now) => <TimeLeftCell order={o} now={now} /> },
  {
    id: 'shippable', title: 'col.shippable', width: 118, pin: 'right', cell: (o) => <ShippableTag order={o} />,
    tip: (o) => (o.shipState ? shipStateTip(o) : o.shippable || !o.reason ? '' : reasonLabel(o.reason)),
  },
];

/** Columns the merchant cannot hide (列设置). */
export const FIXED_COLUMNS: ReadonlySet<string> = new Set(['check', 'orderNo']);

/** The visible columns laid out: the grid template, the full width and each pinned cell's offset. */
export interface GridLayout {
  columns: Column[];
  template: string;
  totalWidth: number;
  /** Inline style of each pinned column's cells (sticky at its offset from its edge). */
  pinStyle: ReadonlyMap<string, CSSProperties>;
  /** The first right-pinned column (it draws the edge between the scrolling and the pinned ones). */
  rightEdge: string | null;
}

export function gridLayout(hidden: ReadonlySet<string>): GridLayout {
  const columns = COLUMNS.filter((c) => FIXED_COLUMNS.has(c.id) || !hidden.has(c.id));
  const template = columns.map((c) => (c.flex ? `minmax(${c.width}px, ${c.flex}fr)` : `${c.width}px`)).join(' ');
  const totalWidth = columns.reduce((s, c) => s + c.width, 0);
  const pinStyle = new Map<string, CSSProperties>();
  let left = 0;
  for (const c of columns) {
    if (c.pin !== 'left') continue;
    pinStyle.set(c.id, { left });
    left += c.width;
  }
  let right = 0;
  let rightEdge: string | null = null;
  for (const c of [...columns].reverse()) {
    if (c.pin !== 'right') continue;
    pinStyle.set(c.id, { right });
    right += c.width;
    rightEdge = c.id;
  }
  return { columns, template, totalWidth, pinStyle, rightEdge };
}

/** The class names of a cell (or header cell) of column `c` in `layout`. */
export function cellClass(base: string, c: Column, layout: GridLayout): string {
  return [
    base, c.className ?? '', c.align ? `align-${c.align}` : '',
    c.pin ? `cell-pin cell-pin-${c.pin}` : '', layout.rightEdge === c.id ? 'cell-pin-edge' : '',
  ].filter(Boolean).join(' ');
}
