/**
 * The columns of the orders grid and their cells. Cells are plain spans, not antd components:
 * thousands of rows pass through here while scrolling.
 */
import type { ReactNode } from 'react';
import { EyeOutlined } from '@ant-design/icons';
import type { Order, OrderSortKey } from '../../../../shared/domain';
import { reasonLabel, t, type MessageKey } from '../../i18n';
import { itemLabel } from '../allocation';
import { ShipStateTag, shipStateTip } from '../export';
import { FindingsBadge, findingsTip } from '../findings';
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

export const COLUMNS: Column[] = [
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
    id: 'content', title: 'col.content', width: 180, flex: 0.5, cell: (o, _now, row) => <ContentCell order={o} row={row} />,
    tip: (o) => o.items.map(itemLabel).join('\n'),
  },
  { id: 'paid', title: 'col.paid', width: 84, sort: 'paidCents', align: 'right', cell: (o) => <span className="num">{formatYuan(o.paidCents)}</span> },
  { id: 'status', title: 'col.status', width: 108, sort: 'status', cell: (o) => o.status, tip: (o) => o.status },
  {
    id: 'afterSale', title: 'col.afterSale', width: 112,
    cell: (o) => <span className={isNoAfterSale(o.afterSale) ? 'after-sale-none' : 'after-sale-open'}>{o.afterSale}</span>,
    tip: (o) => o.afterSale,
  },
  {
    id: 'shippable', title: 'col.shippable', width: 140, flex: 0.3, cell: (o) => <ShippableTag order={o} />,
    tip: (o) => (o.shipState ? shipStateTip(o) : o.shippable || !o.reason ? '' : reasonLabel(o.reason)),
  },
  { id: 'rules', title: 'col.rules', width: 76, cell: (o) => <FindingsBadge findings={o.findings} />, tip: (o) => findingsTip(o.findings) },
  {
    id: 'shipBy', title: 'col.shipBy', width: 128, sort: 'shipBy',
    cell: (o) => <span className={o.shipByFromExport ? 'num' : 'num estimated'}>{formatDateTime(o.shipBy)}</span>,
    tip: (o) => (o.shipBy && !o.shipByFromExport ? t('grid.estimatedShipBy') : ''),
  },
  { id: 'timeLeft', title: 'col.timeLeft', width: 136, sort: 'shipBy', cell: (o, now) => <TimeLeftCell order={o} now={now} /> },
  { id: 'rechargeNo', title: 'col.rechargeNo', width: 120, cell: (o) => <span className="mono selectable">{o.rechargeNo}</span> },
  { id: 'province', title: 'col.province', width: 68, cell: (o) => o.province },
];

export const TEMPLATE = COLUMNS.map((c) => (c.flex ? `minmax(${c.width}px, ${c.flex}fr)` : `${c.width}px`)).join(' ');
export const TOTAL_WIDTH = COLUMNS.reduce((s, c) => s + c.width, 0);
