/**
 * 商品与卡库: the shop's products (found from the imported orders), their delivery kind and terms,
 * and each product's stock. A file dropped on the window while a product's stock is open goes
 * into that stock.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Input, Segmented, Spin } from 'antd';
import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import type { Product } from '../../../../shared/domain';
import { call, errorData } from '../../bridge';
import { kindShort, t } from '../../i18n';
import { errorText } from '../../lib/error-text';
import { useShop } from '../shops';
import { isStocked, StockView } from '../stock';
import type { ProductsState } from './useProducts';
import { attentionRank, sortByAttention } from './kinds';
import { KindCell, ProductsTable } from './ProductsTable';
import { ProductEditor } from './ProductEditor';
import '../../ui/frame.css';
import './products.css';

type ProductFilter = 'all' | 'attention' | 'stocked';

/** Open a product from elsewhere (the order drawer): its stock, or its editor. */
export interface ProductRequest {
  skuKey: string;
  edit: boolean;
  seq: number;
}

export function ProductsScreen({ active, productsState, request, registerDrop, onStockOpen, onImportOrders }: {
  active: boolean;
  productsState: ProductsState;
  request: ProductRequest | null;
  registerDrop: (handler: ((files: File[]) => void) | null) => void;
  /** Tells the window which product's stock is open (for the drop overlay). */
  onStockOpen: (p: Product | null) => void;
  /** Imports files as orders: an order export dropped on a stock page, at the merchant's word. */
  onImportOrders: (files: File[]) => void;
}) {
  const { message } = App.useApp();
  const { shopId, changed: onChanged } = useShop();
  const { products, bySku, error, reload } = productsState;
  const [filter, setFilter] = useState<ProductFilter>('all');
  const [search, setSearch] = useState('');
  const [openSku, setOpenSku] = useState<string | null>(null);
  const [editSku, setEditSku] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  useEffect(() => {
    if (!request) return;
    if (request.edit) setEditSku(request.skuKey);
    else setOpenSku(request.skuKey);
  }, [request]);

  const open = openSku ? bySku.get(openSku) ?? null : null;
  useEffect(() => {
    onStockOpen(active ? open : null);
  }, [active, open, onStockOpen]);

  const sorted = useMemo(() => sortByAttention(products ?? []), [products]);
  const counts = useMemo(() => ({
    all: sorted.length,
    attention: sorted.filter((p) => attentionRank(p) < 3).length,
    stocked: sorted.filter((p) => isStocked(p.kind)).length,
  }), [sorted]);
  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return sorted.filter((p) => {
      if (filter === 'attention' && attentionRank(p) >= 3) return false;
      if (filter === 'stocked' && !isStocked(p.kind)) return false;
      return !q || p.title.toLowerCase().includes(q) || p.spec.toLowerCase().includes(q) || p.skuKey.toLowerCase().includes(q);
    });
  }, [sorted, filter, search]);

  const confirm = async (p: Product) => {
    setConfirming(p.skuKey);
    try {
      const saved = await call('products.set', { shopId, skuKey: p.skuKey, acceptSuggestion: true });
      message.success(t('products.confirmed', { title: saved.title, kind: saved.kind ? kindShort(saved.kind) : '' }));
      onChanged();
    } catch (e) {
      message.error(errorText(errorData(e)));
    } finally {
      setConfirming(null);
    }
  };

  const editing = editSku ? bySku.get(editSku) ?? null : null;

  return (
    <div className="screen" hidden={!active} data-testid="products-screen">
      {open ? (
        <StockView
          key={open.skuKey}
          product={open}
          products={sorted}
          onBack={() => setOpenSku(null)}
          onEdit={() => setEditSku(open.skuKey)}
          confirmAction={
            <KindCell product={open} confirming={confirming === open.skuKey} onConfirm={() => void confirm(open)} onEdit={() => setEditSku(open.skuKey)} />
          }
          registerDrop={registerDrop}
          onImportOrders={onImportOrders}
        />
      ) : (
        <>
          <div className="products-toolbar">
            <Segmented<ProductFilter>
              value={filter}
              onChange={setFilter}
              options={[
                { value: 'all', label: t('products.filter.all', { count: counts.all }) },
                { value: 'attention', label: t('products.filter.attention', { count: counts.attention }) },
                { value: 'stocked', label: t('products.filter.stocked', { count: counts.stocked }) },
              ]}
              data-testid="products-filter"
            />
            <Input
              allowClear
              prefix={<SearchOutlined className="muted" />}
              placeholder={t('products.search')}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              style={{ width: 300 }}
              data-testid="products-search"
            />
            <span className="toolbar-spacer" />
            <span className="muted">{t('products.hint')}</span>
            <Button icon={<ReloadOutlined />} onClick={reload}>{t('products.reload')}</Button>
          </div>
          {error && <Alert type="error" showIcon title={errorText(error)} action={<Button size="small" onClick={reload}>{t('common.retry')}</Button>} />}
          {products === null && !error ? (
            <div className="list-frame products-loading"><Spin /></div>
          ) : (
            <ProductsTable
              products={shown}
              confirming={confirming}
              onOpenStock={(p) => setOpenSku(p.skuKey)}
              onEdit={(p) => setEditSku(p.skuKey)}
              onConfirm={(p) => void confirm(p)}
            />
          )}
        </>
      )}
      <ProductEditor
        product={editing}
        onClose={() => setEditSku(null)}
        onSaved={() => {
          setEditSku(null);
          onChanged();
        }}
      />
    </div>
  );
}
