/**
 * A product's stock batches (one per import): source, time, what was added and refused as
 * duplicate, expiry, and the levels of each; with 作废未使用, 恢复 and 移到其他商品, each confirmed.
 */
import { useState, type HTMLAttributes } from 'react';
import { App, Button, Modal, Select, Table } from 'antd';
import type { Product, StockBatch, StockLevels } from '../../../../shared/domain';
import { BATCH_SOURCES } from '../../../../shared/domain';
import { call, errorData } from '../../bridge';
import { kindShort, t, unitLabel, type MessageKey } from '../../i18n';
import { formatCount } from '../../lib/format/count';
import { errorText } from '../../lib/error-text';
import { formatDateTime } from '../../lib/format/time';
import { useShop } from '../shops';
import { skuKeyLabel } from '../products';
import { stockShape } from './stocked';
import '../../ui/product-name.css';
import './stock.css';

/** A batch's source: its file name, or 粘贴 / 手工录入 said in the UI's language. */
function batchSource(source: string): string {
  if (source === BATCH_SOURCES.pasted) return t('batch.source.pasted');
  if (source === BATCH_SOURCES.manual) return t('batch.source.manual');
  return source;
}

const LEVELS: (keyof StockLevels)[] = ['available', 'reserved', 'delivered', 'expired', 'voided'];

export function StockBatchesTable({ product, products, batches, loading }: {
  product: Product;
  products: Product[];
  batches: StockBatch[];
  loading: boolean;
}) {
  const { message, modal } = App.useApp();
  const { shopId, changed: onChanged } = useShop();
  const [moving, setMoving] = useState<StockBatch | null>(null);
  const [target, setTarget] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const shape = stockShape(product.kind);
  const unit = unitLabel(product.kind);
  const targets = products.filter((p) => p.skuKey !== product.skuKey && shape !== null && stockShape(p.kind) === shape);

  const confirmVoid = (b: StockBatch) => modal.confirm({
    title: t('batch.voidTitle', { id: b.id, count: b.levels.available, unit }),
    content: <div className="confirm-body">{t('batch.voidBody')}</div>,
    okText: t('batch.void'),
    okButtonProps: { danger: true },
    cancelText: t('common.cancel'),
    onOk: async () => {
      try {
        const r = await call('stock.void', { shopId, batchId: b.id });
        message.success(t('batch.voided', { count: r.voided, unit }));
        onChanged();
      } catch (e) {
        message.error(errorText(errorData(e)));
      }
    },
  });

  const confirmRestore = (b: StockBatch) => modal.confirm({
    title: t('batch.restoreTitle', { id: b.id, count: b.levels.voided, unit }),
    content: <div className="confirm-body">{t('batch.restoreBody')}</div>,
    okText: t('batch.restore'),
    cancelText: t('common.cancel'),
    onOk: async () => {
      try {
        const r = await call('stock.restore', { shopId, batchId: b.id });
        message.success(t('batch.restored', { count: r.restored, unit }));
        onChanged();
      } catch (e) {
        message.error(errorText(errorData(e)));
      }
    },
  });

  const move = async () => {
    if (!moving || !target) return;
    setBusy(true);
    try {
      const r = await call('stock.move', { shopId, batchId: moving.id, toSkuKey: target });
      message.success(t('batch.moved', { count: r.moved, unit }));
      setMoving(null);
      onChanged();
    } catch (e) {
      message.error(errorText(errorData(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Table<StockBatch>
        size="small"
        rowKey="id"
        loading={loading}
        pagination={batches.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        dataSource={batches}
        scroll={{ x: 1100 }}
        onRow={(b) => ({ 'data-testid': 'batch-row', 'data-batch-id': b.id }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: t('batch.empty') }}
        columns={[
          { key: 'id', dataIndex: 'id', title: t('batch.col.id'), width: 64, render: (v: number) => <span className="mono muted">#{v}</span> },
          { key: 'source', dataIndex: 'source', title: t('batch.col.source'), ellipsis: true, render: (v: string) => <span title={v}>{batchSource(v)}</span> },
          { key: 'createdAt', dataIndex: 'createdAt', title: t('batch.col.createdAt'), width: 140, render: (v: string) => <span className="num">{formatDateTime(v)}</span> },
          { key: 'added', dataIndex: 'added', title: t('batch.col.added'), width: 72, align: 'right', render: (v: number) => <span className="num">{formatCount(v)}</span> },
          {
            key: 'duplicates', dataIndex: 'duplicates', title: t('batch.col.duplicates'), width: 64, align: 'right',
            render: (v: number) => <span className={v ? 'text-warning' : 'muted'}>{formatCount(v)}</span>,
          },
          {
            key: 'expiresAt', dataIndex: 'expiresAt', title: t('batch.col.expiresAt'), width: 110,
            render: (v: string | null) => (v ? <span className="num">{v.slice(0, 10)}</span> : <span className="muted">{t('batch.noExpiry')}</span>),
          },
          ...LEVELS.map((k) => ({
            key: k, title: t(`levelShort.${k}` as MessageKey), width: 58, align: 'right' as const,
            render: (_: unknown, b: StockBatch) => <span className={`num ${b.levels[k] ? '' : 'muted'}`} data-testid={`batch-${k}`}>{formatCount(b.levels[k])}</span>,
          })),
          {
            key: 'actions', title: t('batch.col.actions'), width: 230, fixed: 'right',
            render: (_: unknown, b: StockBatch) => (
              <span className="row-actions">
                <Button type="link" size="small" danger disabled={b.levels.available === 0} onClick={() => confirmVoid(b)} data-testid="batch-void">
                  {t('batch.void')}
                </Button>
                <Button type="link" size="small" disabled={b.levels.voided === 0} onClick={() => confirmRestore(b)} data-testid="batch-restore">
                  {t('batch.restore')}
                </Button>
                <Button
                  type="link"
                  size="small"
                  disabled={b.levels.available === 0}
                  onClick={() => {
                    setTarget(undefined);
                    setMoving(b);
                  }}
                  data-testid="batch-move"
                >
                  {t('batch.move')}
                </Button>
              </span>
            ),
          },
        ]}
      />
      <Modal
        open={moving !== null}
        title={t('batch.moveTitle', { id: moving?.id ?? '', count: moving?.levels.available ?? 0, unit })}
        onCancel={() => setMoving(null)}
        onOk={move}
        okText={t('batch.moveOk')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !target, loading: busy }}
        destroyOnHidden
      >
        <div className="confirm-body">
          <p>{t('batch.moveBody')}</p>
          <Select<string>
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: '100%' }}
            placeholder={t('batch.movePlaceholder')}
            value={target}
            onChange={setTarget}
            notFoundContent={t('batch.moveNone')}
            options={targets.map((p) => ({
              value: p.skuKey,
              label: `${p.title} ${p.spec}`,
              title: skuKeyLabel(p.skuKey),
            }))}
            optionRender={(o) => {
              const p = targets.find((x) => x.skuKey === o.value);
              return p ? (
                <div className="move-option">
                  <div className="product-title">{p.title}</div>
                  <div className="product-spec">{p.spec} · <span className="mono">{skuKeyLabel(p.skuKey)}</span>{p.kind ? ` · ${kindShort(p.kind)}` : ''}</div>
                </div>
              ) : o.label;
            }}
            data-testid="batch-move-target"
          />
        </div>
      </Modal>
    </>
  );
}
