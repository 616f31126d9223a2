/**
 * The products of the shop, those needing attention first (short of stock, unconfirmed, low):
 * how each is delivered (or VShip's suggestion, to confirm), its terms and their rule findings,
 * waiting orders and stock.
 */
import { useRef, type HTMLAttributes, type ReactNode } from 'react';
import { Button, Empty, Table, Tag, Tooltip } from 'antd';
import { CheckOutlined, DatabaseOutlined, EditOutlined, WarningFilled } from '@ant-design/icons';
import type { Product, StockLevels } from '../../../../shared/domain';
import { kindLabel, kindShort, suggestWhyText, t, unitLabel, type MessageKey } from '../../i18n';
import { formatCount } from '../../lib/format/count';
import { useElementHeight } from '../../lib/useElementHeight';
import { FindingsBadge, findingsTip } from '../findings';
import { isLowStock, isStocked } from '../stock';
import { termsSummary } from './terms-summary';
import { skuKeyFallbackId, skuKeyParts } from './sku-key';
import '../../ui/product-name.css';
import '../../ui/frame.css';
import './products.css';

const LEVELS: (keyof StockLevels)[] = ['available', 'reserved', 'delivered', 'expired', 'voided'];
const TABLE_HEADER = 40;

export function KindCell({ product: p, confirming, changed = false, onConfirm, onEdit }: {
  product: Product;
  confirming: boolean;
  /** Confirmed or edited since the list was last sorted: tagged 已确认. */
  changed?: boolean;
  onConfirm: () => void;
  onEdit: () => void;
}) {
  if (p.confirmed && p.kind) {
    return (
      <span className="kind-confirmed">
        <Tooltip title={kindLabel(p.kind)}><span className={`kind-tag kind-${p.kind}`} data-testid="product-kind">{kindShort(p.kind)}</span></Tooltip>
        {changed && <Tag color="success" className="changed-tag" data-testid="product-changed">{t('products.changedTag')}</Tag>}
      </span>
    );
  }
  const s = p.suggestion;
  const why = s.why.map(suggestWhyText);
  return (
    <div className="kind-suggest-cell">
      <span className="kind-suggest">
        {s.kind ? (
          <Tooltip
            title={
              <div>
                <div>{t('products.suggestWhy')}</div>
                <ul className="why-list">{s.why.map((w, i) => <li key={`${w.code}-${i}`}>{why[i]}</li>)}</ul>
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
      {/* Why, beside the suggestion: the merchant judges it before clicking 确认. */}
      <div className="suggest-why" title={why.join(t('products.whySep'))} data-testid="product-suggestion-why">
        {why.length ? why.join(t('products.whySep')) : t('products.noSuggestionWhy')}
      </div>
    </div>
  );
}

/** The 商家编码 as written, or 「无商家编码」 with what VShip tells the product apart by. */
export function SkuCodeCell({ skuKey }: { skuKey: string }) {
  const parts = skuKeyParts(skuKey);
  if (parts.by === 'code') return <span className="mono selectable" title={parts.code} data-testid="product-sku-code">{parts.code}</span>;
  return (
    <div className="sku-fallback" title={skuKeyFallbackId(skuKey) ?? undefined} data-testid="product-sku-code">
      <div className="muted">{t('products.noSkuCode')}</div>
      <div className="sku-fallback-by">{t(parts.by === 'style' ? 'products.keyByStyle' : 'products.keyByProduct')}</div>
    </div>
  );
}

/** 「缺 12 张」 in red; 「够用」 when the waiting orders are covered; nothing for products without stock. */
export function ShortageCell({ product: p }: { product: Product }) {
  if (!isStocked(p.kind)) return <span className="muted">{t('common.none')}</span>;
  if (p.shortage > 0) {
    const text = t('products.shortage', { n: p.shortage, unit: unitLabel(p.kind) });
    // Unconfirmed: reckoned on the suggested kind, and filling does not use the product yet.
    return p.confirmed
      ? <span className="shortage" data-testid="product-shortage"><WarningFilled /> {text}</span>
      : <Tooltip title={t('products.shortageTentative')}><span className="shortage tentative" data-testid="product-shortage">{text}</span></Tooltip>;
  }
  if (p.waiting > 0) return <span className="enough"><CheckOutlined /> {t('products.enough')}</span>;
  return <span className="muted">{t('common.none')}</span>;
}

export function ProductsTable({ products, confirming, changed, selected, onSelect, onOpenStock, onEdit, onConfirm }: {
  products: Product[];
  /** SKU key being confirmed now. */
  confirming: string | null;
  /** Products confirmed or edited since the list was sorted: tinted and tagged 已确认. */
  changed: ReadonlySet<string>;
  /** Checked products (SKU keys), for 批量确认建议. */
  selected: readonly string[];
  onSelect: (skuKeys: string[]) => void;
  onOpenStock: (p: Product) => void;
  onEdit: (p: Product) => void;
  onConfirm: (p: Product) => void;
}) {
  const frame = useRef<HTMLDivElement>(null);
  const height = useElementHeight(frame);
  const levelColumn = (k: keyof StockLevels) => ({
    key: k,
    title: t(`levelShort.${k}` as MessageKey),
    width: 54,
    align: 'right' as const,
    render: (_: unknown, p: Product) => {
      if (!isStocked(p.kind)) return <span className="muted">{t('common.none')}</span>;
      const low = k === 'available' && ((p.confirmed && p.shortage > 0) || isLowStock(p));
      return <span className={`num ${low ? 'level-low' : ''} ${p.levels[k] === 0 ? 'muted' : ''}`} data-testid={`product-level-${k}`}>{formatCount(p.levels[k])}</span>;
    },
  });
  return (
    <div className="list-frame products-frame" ref={frame}>
      <Table<Product>
        size="small"
        rowKey="skuKey"
        pagination={false}
        dataSource={products}
        scroll={{ x: 1324, y: Math.max(120, height - TABLE_HEADER) }}
        rowSelection={{
          selectedRowKeys: selected as string[],
          onChange: (keys) => onSelect(keys as string[]),
          // A confirmed product has nothing to confirm: 全选 checks the others.
          getCheckboxProps: (p: Product) => ({ disabled: p.confirmed, 'data-testid': 'product-check' }) as never,
          columnWidth: 36,
          fixed: 'left',
          // A click on the box checks the row; it does not open the product.
          renderCell: (_checked: boolean, _p: Product, _i: number, node: ReactNode) => <span onClick={(e) => e.stopPropagation()}>{node}</span>,
        }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('products.empty')} /> }}
        onRow={(p) => ({
          'data-testid': 'product-row',
          'data-sku-key': p.skuKey,
          'data-changed': changed.has(p.skuKey) ? 'true' : undefined,
          className: `product-row ${!p.confirmed ? 'row-unconfirmed' : p.shortage > 0 ? 'row-short' : ''} ${changed.has(p.skuKey) ? 'row-changed' : ''}`,
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
            key: 'skuKey', title: t('products.col.skuKey'), width: 124, ellipsis: true,
            render: (_: unknown, p: Product) => <SkuCodeCell skuKey={p.skuKey} />,
          },
          {
            key: 'kind', title: t('products.col.kind'), width: 196,
            render: (_: unknown, p: Product) => (
              <KindCell product={p} confirming={confirming === p.skuKey} changed={changed.has(p.skuKey)} onConfirm={() => onConfirm(p)} onEdit={() => onEdit(p)} />
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
              <span className={`num ${p.waiting ? '' : 'muted'}`} title={t('products.waitingUnits', { units: p.waitingUnits, unit: unitLabel(p.kind) })} data-testid="product-waiting">{formatCount(p.waiting)}</span>
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
