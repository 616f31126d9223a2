/**
 * The items of one product's stock, a page at a time, filtered by state or batch. Only the masked
 * form is listed; 查看 shows one item in full (recorded). Unused items can be voided, voided ones
 * restored.
 */
import { useEffect, useState, type HTMLAttributes } from 'react';
import { Alert, App, Button, Popconfirm, Segmented, Select, Table } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import type { ItemState, StockBatch, StockItem } from '../../../../shared/domain';
import type { AppErrorData } from '../../../../shared/errors';
import { call, errorData } from '../../bridge';
import { t, type MessageKey } from '../../i18n';
import { errorText } from '../../lib/error-text';
import { formatDateTime } from '../../lib/format/time';
import { useShop } from '../shops';
import { StockItemRevealModal } from './StockItemRevealModal';
import '../../ui/tags.css';
import './stock.css';

const PAGE = 50;
type StateFilter = 'all' | ItemState;
const STATES: StateFilter[] = ['all', 'available', 'reserved', 'delivered', 'expired', 'voided'];

export function StateTag({ state }: { state: ItemState }) {
  return <span className={`cell-tag state-${state}`} data-testid="item-state">{t(`level.${state}` as MessageKey)}</span>;
}

export function StockItemsTable({ skuKey, batches }: { skuKey: string; batches: StockBatch[] }) {
  const { message } = App.useApp();
  const { shopId, version, changed: onChanged } = useShop();
  const [state, setState] = useState<StateFilter>('all');
  const [batchId, setBatchId] = useState<number | undefined>();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ total: number; rows: StockItem[] } | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [reveal, setReveal] = useState<StockItem | null>(null);

  useEffect(() => {
    let live = true;
    setLoading(true);
    call('stock.items', { shopId, skuKey, state: state === 'all' ? undefined : state, batchId, offset: (page - 1) * PAGE, limit: PAGE })
      .then((r) => {
        if (!live) return;
        setData(r);
        setError(null);
      })
      .catch((e: unknown) => live && setError(errorData(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [shopId, skuKey, state, batchId, page, version]);

  const act = async (kind: 'void' | 'restore', item: StockItem) => {
    try {
      if (kind === 'void') {
        const r = await call('stock.void', { shopId, itemIds: [item.id] });
        message.success(t('item.voided', { count: r.voided }));
      } else {
        const r = await call('stock.restore', { shopId, itemIds: [item.id] });
        message.success(t('item.restored', { count: r.restored }));
      }
      onChanged();
    } catch (e) {
      message.error(errorText(errorData(e)));
    }
  };

  return (
    <div className="stock-items">
      <div className="stock-items-filters">
        <Segmented<StateFilter>
          value={state}
          onChange={(v) => {
            setState(v);
            setPage(1);
          }}
          options={STATES.map((s) => ({ value: s, label: s === 'all' ? t('item.all') : t(`level.${s}` as MessageKey) }))}
          data-testid="item-state-filter"
        />
        <Select<number>
          allowClear
          placeholder={t('item.allBatches')}
          value={batchId}
          onChange={(v) => {
            setBatchId(v ?? undefined);
            setPage(1);
          }}
          options={batches.map((b) => ({ value: b.id, label: t('item.batchOption', { id: b.id, source: b.source }) }))}
          style={{ width: 260 }}
          popupMatchSelectWidth={false}
          data-testid="item-batch-filter"
        />
        <span className="toolbar-spacer" />
        <span className="muted">{data ? t('item.total', { total: data.total }) : ''}</span>
      </div>
      {error && <Alert type="error" showIcon title={errorText(error)} />}
      <Table<StockItem>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.rows ?? []}
        onRow={(it) => ({ 'data-testid': 'stock-item-row', 'data-item-id': it.id, 'data-state': it.state }) as HTMLAttributes<HTMLElement>}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
          hideOnSinglePage: true,
        }}
        locale={{ emptyText: t('item.empty') }}
        columns={[
          { key: 'id', dataIndex: 'id', title: t('item.col.id'), width: 80, render: (v: number) => <span className="mono muted">{v}</span> },
          {
            key: 'masked', dataIndex: 'masked', title: t('item.col.masked'),
            render: (v: string) => <span className="mono" data-testid="stock-item-masked">{v}</span>,
          },
          { key: 'state', dataIndex: 'state', title: t('item.col.state'), width: 90, render: (v: ItemState) => <StateTag state={v} /> },
          {
            key: 'expiresAt', dataIndex: 'expiresAt', title: t('item.col.expiresAt'), width: 130,
            render: (v: string | null) => (v ? <span className="num">{formatDateTime(v)}</span> : <span className="muted">{t('batch.noExpiry')}</span>),
          },
          { key: 'batchId', dataIndex: 'batchId', title: t('item.col.batch'), width: 70, render: (v: number) => <span className="mono muted">#{v}</span> },
          { key: 'lineNo', dataIndex: 'lineNo', title: t('item.col.line'), width: 64, align: 'right' },
          { key: 'createdAt', dataIndex: 'createdAt', title: t('item.col.createdAt'), width: 140, render: (v: string) => <span className="num">{formatDateTime(v)}</span> },
          {
            key: 'actions', title: t('item.col.actions'), width: 150,
            render: (_: unknown, it: StockItem) => (
              <span className="row-actions">
                <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => setReveal(it)} data-testid="item-reveal">{t('item.reveal')}</Button>
                {it.state === 'available' && (
                  <Popconfirm title={t('item.voidConfirm')} okText={t('item.void')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => act('void', it)}>
                    <Button type="link" size="small" danger data-testid="item-void">{t('item.void')}</Button>
                  </Popconfirm>
                )}
                {it.state === 'voided' && (
                  <Popconfirm title={t('item.restoreConfirm')} okText={t('item.restore')} cancelText={t('common.cancel')} onConfirm={() => act('restore', it)}>
                    <Button type="link" size="small" data-testid="item-restore">{t('item.restore')}</Button>
                  </Popconfirm>
                )}
              </span>
            ),
          },
        ]}
      />
      <StockItemRevealModal item={reveal} onClose={() => setReveal(null)} />
    </div>
  );
}
