/**
 * The products of the shop, those needing attention first (short of stock, unconfirmed, low):
 * how each is delivered (or VShip's suggestion, to confirm), its terms and their rule findings,
 * waiting orders and stock.
 */
import { useRef, type HTMLAttributes } from 'react';
import { Button, Empty, Table, Tag, Tooltip } from 'antd';
import { CheckOutlined, DatabaseOutlined, EditOutlined, WarningFilled } from '@ant-design/icons';
import type { Product, StockLevels } from '../../../../shared/domain';
import { kindLabel, kindShort, suggestWhyText, t, type MessageKey } from '../../i18n';
import { useElementHeight } from '../../lib/useElementHeight';
import { FindingsBadge, findingsTip } from '../findings';
import { isLowStock, isStocked } from '../stock';
import { termsSummary } from './terms-summary';
import '../../ui/product-name.css';
import '../../ui/frame.css';
import './products.css';

const LEVELS: (keyof StockLevels)[] = ['available', 'reserved', 'delivered', 'expired', 'voided'];
const TABLE_HEADER = 40;

export function KindCell({ product: p, confirming, onConfirm, onEdit }: {
  product: Product;
  confirming: boolean;
  onConfirm: () => void;
  onEdit: () => void;
}) {
  if (p.confirmed && p.kind) {
    return <Tooltip title={kindLabel(p.kind)}><span className={`kind-tag kind-${p.kind}`} data-testid="product-kind">{kindShort(p.kind)}</span></Tooltip>;
  }
  const s = p.suggestion;
  return (
    <span className="kind-suggest">
      {s.kind ? (
        <Tooltip
          title={
            <div>
              <div>{t('products.suggestWhy')}</div>
              <ul className="why-list">{s.why.map((w) => <li key={w.code}>{suggestWhyText(w)}</li>)}</ul>
            </div>
          }
        >
          <Tag color="gold" className="suggest-tag" data-testid="product-suggestion">{t('products.suggested', { kind: kindShort(s.kind) })}</Tag>
        </Tooltip>
      ) : (
        <Tag className="suggest-tag">{t('products.kindUnset')}</Tag>
      )}
      {s.kind ? (
        <Button
          size="small"
          type="primary"
          ghost
          loading={confirming}
          onClick={(e) => {
            e.stopPropagation();
            onConfirm();
          }}
          data-testid="product-confirm"
        >
          {t('products.confirm')}
        </Button>
      ) : (
        <Button
          size="small"
          onClick={(e) => {
            e.stopPropagation();
            onEdit();
          }}
        >
          {t('products.setKind')}
        </Button>
      )}
    </span>
  );
}

/** 「缺 12 张」 in red; 「够用」 when the waiting orders are covered; nothing for products without stock. */
export function ShortageCell({ product: p }: { product: Product }) {
  if (!isStocked(p.kind)) return <span className="muted">{t('common.none')}</span>;
  if (p.shortage > 0) {
    const text = t(p.kind === 'account' ? 'products.shortageAccounts' : 'products.shortage', { n: p.shortage });
    // Unconfirmed: reckoned on the suggested kind, and filling does not use the product yet.
    return p.confirmed
      ? <span className="shortage" data-testid="product-shortage"><WarningFilled /> {text}</span>
      : <Tooltip title={t('products.shortageTentative')}><span className="shortage tentative" data-testid="product-shortage">{text}</span></Tooltip>;
  }
  if (p.waiting > 0) return <span className="enough"><CheckOutlined /> {t('products.enough')}</span>;
  return <span className="muted">{t('common.none')}</span>;
}

export function ProductsTable({ products, confirming, onOpenStock, onEdit, onConfirm }: {
  products: Product[];
  /** SKU key being confirmed now. */
  confirming: string | null;
  onOpenStock: (p: Product) => void;
  onEdit: (p: Product) => void;
  onConfirm: (p: Product) => void;
}) {
  const frame = useRef<HTMLDivElement>(null);
  const height = useElementHeight(frame);
  const levelColumn = (k: keyof StockLevels) => ({
    key: k,
    title: t(`levelShort.${k}` as MessageKey),
    width: 56,
    align: 'right' as const,
    render: (_: unknown, p: Product) => {
      if (!isStocked(p.kind)) return <span className="muted">{t('common.none')}</span>;
      const low = k === 'available' && ((p.confirmed && p.shortage > 0) || isLowStock(p));
      return <span className={`num ${low ? 'level-low' : ''} ${p.levels[k] === 0 ? 'muted' : ''}`} data-testid={`product-level-${k}`}>{p.levels[k]}</span>;
    },
  });
  return (
    <div className="list-frame products-frame" ref={frame}>
      <Table<Product>
        size="small"
        rowKey="skuKey"
        pagination={false}
        dataSource={products}
        scroll={{ x: 1264, y: Math.max(120, height - TABLE_HEADER) }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('products.empty')} /> }}
        onRow={(p) => ({
          'data-testid': 'product-row',
          'data-sku-key': p.skuKey,
          className: !p.confirmed ? 'product-row row-unconfirmed' : p.shortage > 0 ? 'product-row row-short' : 'product-row',
          onClick: () => (isStocked(p.kind) ? onOpenStock(p) : onEdit(p)),
        }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'product', title: t('products.col.product'), width: 204, fixed: 'left',
            render: (_: unknown, p: Product) => (
              <div className="product-cell">
                <div className="product-title" title={p.title}>{p.title}</div>
                <div className="product-spec" title={p.spec}>{p.spec || t('common.none')}</div>
              </div>
            ),
          },
          {
            key: 'skuKey', title: t('products.col.skuKey'), width: 120, ellipsis: true,
            render: (_: unknown, p: Product) => <span className="mono selectable" title={p.skuKey}>{p.skuKey}</span>,
          },
          {
            key: 'kind', title: t('products.col.kind'), width: 166,
            render: (_: unknown, p: Product) => (
              <KindCell product={p} confirming={confirming === p.skuKey} onConfirm={() => onConfirm(p)} onEdit={() => onEdit(p)} />
            ),
          },
          {
            key: 'terms', title: t('products.col.terms'), width: 130, ellipsis: { showTitle: false },
            render: (_: unknown, p: Product) => {
              const parts = termsSummary(p.terms);
              const text = parts.join(t('terms.sep'));
              return text ? <Tooltip title={text} placement="topLeft"><span className="terms-text">{text}</span></Tooltip> : <span className="muted">{t('common.none')}</span>;
            },
          },
          {
            key: 'rules', title: t('products.col.rules'), width: 76,
            render: (_: unknown, p: Product) => (
              <span title={findingsTip(p.findings) || undefined} data-testid="product-findings"><FindingsBadge findings={p.findings} /></span>
            ),
          },
          {
            key: 'waiting', title: t('products.col.waiting'), width: 72, align: 'right',
            render: (_: unknown, p: Product) => (
              <span className={`num ${p.waiting ? '' : 'muted'}`} title={t('products.waitingUnits', { units: p.waitingUnits })} data-testid="product-waiting">{p.waiting}</span>
            ),
          },
          { key: 'shortage', title: t('products.col.shortage'), width: 92, render: (_: unknown, p: Product) => <ShortageCell product={p} /> },
          ...LEVELS.map(levelColumn),
          {
            key: 'actions', title: t('products.col.actions'), width: 124, fixed: 'right',
            render: (_: unknown, p: Product) => (
              <span className="row-actions">
                <Button
                  type="link"
                  size="small"
                  icon={<DatabaseOutlined />}
                  disabled={!isStocked(p.kind)}
                  onClick={(e) => {
                    e.stopPropagation();
                    onOpenStock(p);
                  }}
                  data-testid="product-open-stock"
                >
                  {t('products.stock')}
                </Button>
                <Button
                  type="link"
                  size="small"
                  icon={<EditOutlined />}
                  onClick={(e) => {
                    e.stopPropagation();
                    onEdit(p);
                  }}
                  data-testid="product-edit"
                >
                  {t('products.edit')}
                </Button>
              </span>
            ),
          },
        ]}
      />
    </div>
  );
}
