/**
 * One order in full: what the platform-rule checks found (with 放行), what it is filled with (and
 * the actions on that), its evidence (凭证: screenshots, PDFs, the delivery record and the pack),
 * every field, its lines with the raw cells as read, and its change history. Files dropped
 * anywhere on the drawer become the order's evidence; so does an image pasted with Ctrl+V.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Descriptions, Drawer, Empty, Spin, Table, Tabs, Tag, Typography } from 'antd';
import type { OrderChange, OrderDetail, OrderLine, Product, ShipState } from '../../../../shared/domain';
import type { AppErrorData } from '../../../../shared/errors';
import { call, errorData } from '../../bridge';
import { fieldLabel, reasonLabel, t } from '../../i18n';
import { errorText } from '../../lib/error-text';
import { formatCount } from '../../lib/format/count';
import { formatYuan } from '../../lib/format/money';
import { formatDateTime, timeLeft } from '../../lib/format/time';
import { OrderContentSection } from '../allocation';
import { EvidenceSection } from '../evidence';
import { ShipStateTag, shipNoteText, shipStateHint, shipStateLabel } from '../export';
import { FindingsList } from '../findings';
import { orderSkuKey } from '../products';
import { useShop } from '../shops';
import './drawer.css';

type Loaded = { orderNo: string; detail: OrderDetail | null } | { orderNo: string; error: AppErrorData };

/** What may lie over the drawer and closes on its own Esc first (a tooltip is not one of them). */
const OVER_DRAWER = [
  '.ant-modal-wrap', '.ant-image-preview', '.ant-select-dropdown:not(.ant-select-dropdown-hidden)',
  '.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)', '.ant-dropdown:not(.ant-dropdown-hidden)',
  '.ant-popover:not(.ant-popover-hidden)',
].join(', ');

export function OrderDrawer({ orderNo, onClose, products, onOpenProduct }: {
  orderNo: string | null;
  onClose: () => void;
  /** The shop's products by SKU key, to know how the order is delivered. */
  products: ReadonlyMap<string, Product>;
  onOpenProduct: (skuKey: string, edit: boolean) => void;
}) {
  // The order reloads when the data changes elsewhere (version).
  const { shopId, now, version } = useShop();
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    if (!orderNo) return;
    let live = true;
    call('orders.get', { shopId, orderNo })
      .then((detail) => live && setLoaded({ orderNo, detail }))
      .catch((e: unknown) => live && setLoaded({ orderNo, error: errorData(e) }));
    return () => {
      live = false;
    };
  }, [shopId, orderNo, version]);

  const current = loaded && loaded.orderNo === orderNo ? loaded : null;

  // Esc closes the drawer once, whatever inside has the focus: caught before a copy tooltip or the
  // Drawer's own handler can take it (the tooltip used to swallow the first Esc). A dialog, a
  // full-size image or an open dropdown over the drawer keeps its Esc: it closes first.
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  const isOpen = orderNo !== null;
  useEffect(() => {
    if (!isOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.isComposing) return;
      const overDrawer = [...document.querySelectorAll<HTMLElement>(OVER_DRAWER)]
        .some((el) => el.getClientRects().length > 0 && getComputedStyle(el).display !== 'none');
      if (overDrawer) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      closeRef.current();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [isOpen]);

  return (
    <Drawer
      open={orderNo !== null}
      onClose={onClose}
      keyboard={false}
      size={780}
      title={
        <span className="drawer-title">
          {t('drawer.title')}
          {orderNo && (
            <Typography.Text copyable={{ tooltips: [t('drawer.copy'), t('drawer.copied')] }} className="mono drawer-order-no" data-testid="drawer-order-no">
              {orderNo}
            </Typography.Text>
          )}
        </span>
      }
      destroyOnHidden
      data-testid="order-drawer"
    >
      {!current && <div className="drawer-loading"><Spin description={t('drawer.loading')} /></div>}
      {current && 'error' in current && <Alert type="error" showIcon title={errorText(current.error)} />}
      {current && 'detail' in current && !current.detail && <Empty description={t('drawer.notFound')} />}
      {current && 'detail' in current && current.detail && (
        // The whole drawer is a drop target for the order's evidence.
        <div className="drawer-drop" data-drop-order={current.detail.orderNo}>
          {current.detail.findings.length > 0 && <FindingsList findings={current.detail.findings} subject={{ orderNo: current.detail.orderNo }} />}
          <OrderContentSection
            key={current.detail.orderNo}
            order={current.detail}
            product={products.get(orderSkuKey(current.detail))}
            onOpenProduct={onOpenProduct}
          />
          <EvidenceSection key={`evidence-${current.detail.orderNo}`} orderNo={current.detail.orderNo} delivered={current.detail.exportId !== null} />
          <DetailTabs detail={current.detail} now={now} />
        </div>
      )}
    </Drawer>
  );
}

function DetailTabs({ detail, now }: { detail: OrderDetail; now: number }) {
  return (
    <Tabs
      items={[
        { key: 'basic', label: t('drawer.tab.basic'), children: <Basic detail={detail} now={now} /> },
        { key: 'lines', label: t('drawer.tab.lines', { count: detail.lines.length }), children: <Lines lines={detail.lines} /> },
        { key: 'changes', label: t('drawer.tab.changes', { count: detail.changes.length }), children: <Changes changes={detail.changes} /> },
      ]}
    />
  );
}

function Basic({ detail: o, now }: { detail: OrderDetail; now: number }) {
  const left = o.shippable ? timeLeft(o.shipBy, now) : null;
  const item = (key: keyof OrderDetail, children: React.ReactNode, span = 1) => ({ key, label: fieldLabel(key), children, span });
  const text = (v: string) => (v ? <span className="selectable">{v}</span> : <span className="muted">{t('common.none')}</span>);
  return (
    <Descriptions
      bordered
      size="small"
      column={2}
      styles={{ label: { width: 150 } }}
      items={[
        item('orderNo', <span className="mono selectable">{o.orderNo}</span>, 2),
        item('shippable', o.shippable
          ? <Tag color="success">{t('grid.shippable')}</Tag>
          : <Tag color="error">{o.reason ? reasonLabel(o.reason) : t('common.none')}</Tag>, 2),
        item('shipState', <ShipStateCell detail={o} />, 2),
        item('status', text(o.status)),
        item('afterSale', text(o.afterSale)),
        item('productName', text(o.productName), 2),
        item('productId', <span className="mono selectable">{o.productId}</span>),
        item('spec', text(o.spec)),
        item('styleId', <span className="mono selectable">{o.styleId}</span>),
        item('skuCode', <span className="mono selectable">{o.skuCode}</span>),
        item('goodsCode', <span className="mono selectable">{o.goodsCode}</span>),
        item('quantity', formatCount(o.quantity)),
        item('totalCents', formatYuan(o.totalCents)),
        item('paidCents', formatYuan(o.paidCents)),
        item('dealAt', formatDateTime(o.dealAt, true)),
        item('paidAt', formatDateTime(o.paidAt, true)),
        item('shipBy', (
          <span>
            {formatDateTime(o.shipBy, true)}
            {left && <span className={left.overdue ? 'time-overdue drawer-left' : 'drawer-left'}>{left.text}</span>}
          </span>
        )),
        item('shipByFromExport', o.shipBy ? t(o.shipByFromExport ? 'shipBySource.export' : 'shipBySource.computed') : t('common.none')),
        item('rechargeNo', <span className="mono selectable">{o.rechargeNo}</span>),
        item('province', [o.province, o.city, o.district].filter(Boolean).join(' ') || t('common.none')),
        item('buyerMemo', text(o.buyerMemo), 2),
        item('merchantMemo', text(o.merchantMemo), 2),
        item('lineCount', formatCount(o.lineCount)),
        item('damaged', o.damaged ? t('common.yes') : t('common.no')),
        item('firstSeenAt', formatDateTime(o.firstSeenAt, true)),
        item('lastSeenAt', formatDateTime(o.lastSeenAt, true)),
        item('lastChangedAt', formatDateTime(o.lastChangedAt, true), 2),
      ]}
    />
  );
}

/** 已导出 · 导出 #3 · 2026-12-01 10:00, the backend's reason for 上传失败 or why it needs a look. */
function ShipStateCell({ detail: o }: { detail: OrderDetail }) {
  if (!o.shipState) return <span className="muted">{t('drawer.shipState.none')}</span>;
  return (
    <span className="drawer-ship-state" data-testid="drawer-ship-state" data-state={o.shipState}>
      <ShipStateTag state={o.shipState} />
      {o.exportId !== null && <span className="muted">{t('drawer.shipState.export', { id: o.exportId, at: formatDateTime(o.exportedAt) })}</span>}
      <span className={o.shipState === 'uploadFailed' ? 'text-danger selectable' : o.shipState === 'attention' ? 'text-warning selectable' : 'muted'} data-testid="drawer-ship-note">
        {shipNoteText(o) || shipStateHint(o.shipState)}
      </span>
    </span>
  );
}

function Lines({ lines }: { lines: OrderLine[] }) {
  return (
    <div className="drawer-lines">
      {lines.map((line) => (
        <section key={line.lineNo} className="drawer-line">
          <div className="drawer-line-head">
            <span className="strong">{t('drawer.lineTitle', { n: line.lineNo })}</span>
            <span className="muted">{t('drawer.source', { file: line.sourceFile, row: line.sourceRow })}</span>
          </div>
          <Table
            size="small"
            pagination={false}
            rowKey="header"
            columns={[
              { key: 'header', dataIndex: 'header', title: t('drawer.rawHeader'), width: 200 },
              {
                key: 'value', dataIndex: 'value', title: t('drawer.rawValue'),
                // Show the cell exactly as read, trailing tabs and spaces included.
                render: (v: string) => <RawCell value={v} />,
              },
            ]}
            dataSource={Object.entries(line.raw).map(([header, value]) => ({ header, value }))}
          />
        </section>
      ))}
    </div>
  );
}

/** A cell exactly as read: tabs shown as a faint \t so trailing ones are visible. */
function RawCell({ value }: { value: string }) {
  const parts = value.split('\t');
  return (
    <span className="raw-cell selectable">
      {parts.map((p, i) => (
        <span key={i}>
          {i > 0 && <span className="raw-tab">\t</span>}
          {p}
        </span>
      ))}
    </span>
  );
}

/** The ship state as stored (exported, upload_failed, …) in the merchant's words; other fields as recorded. */
const STORED_SHIP_STATE: Record<string, ShipState> = { exported: 'exported', upload_failed: 'uploadFailed', shipped: 'shipped', attention: 'attention' };
function changeValue(field: string, v: string | null): string {
  if (field !== 'shipState') return v ?? '';
  const state = v ? STORED_SHIP_STATE[v] : undefined;
  return state ? shipStateLabel(state) : v || t('common.none');
}

function Changes({ changes }: { changes: OrderChange[] }) {
  if (!changes.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('drawer.noChanges')} />;
  return (
    <Table<OrderChange>
      size="small"
      pagination={false}
      rowKey={(c, i) => `${c.importId}-${c.field}-${i}`}
      columns={[
        { key: 'seenAt', dataIndex: 'seenAt', title: t('change.seenAt'), width: 160, render: (v: string) => formatDateTime(v, true) },
        { key: 'field', dataIndex: 'field', title: t('change.field'), width: 140, render: (v: string) => fieldLabel(v) },
        { key: 'before', dataIndex: 'before', title: t('change.before'), render: (v: string, c: OrderChange) => changeValue(c.field, v) },
        { key: 'after', dataIndex: 'after', title: t('change.after'), render: (v: string, c: OrderChange) => changeValue(c.field, v) },
        { key: 'importId', dataIndex: 'importId', title: t('change.importId'), width: 80, align: 'right' },
      ]}
      dataSource={changes}
    />
  );
}
