/**
 * 商品与卡库: the shop's products (found from the imported orders), their delivery kind and terms,
 * and each product's stock. A file dropped on the window while a product's stock is open goes
 * into that stock.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Input, Segmented, Spin, Tooltip } from 'antd';
import { CheckSquareOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import type { Product } from '../../../../shared/domain';
import type { ConfirmManyResult } from '../../../../shared/contract/products';
import { call, errorData } from '../../bridge';
import { kindShort, t } from '../../i18n';
import { errorText } from '../../lib/error-text';
import { useShop } from '../shops';
import { isStocked, StockView } from '../stock';
import type { ProductsState } from './useProducts';
import { attentionRank, sortByAttention } from './kinds';
import { skuKeyLabel } from './sku-key';
import { KindCell, ProductsTable } from './ProductsTable';
import { ProductEditor } from './ProductEditor';
import '../../ui/frame.css';
import './products.css';

type ProductFilter = 'all' | 'attention' | 'unconfirmed' | 'stocked';

/**
 * Open the list on a view from elsewhere (the fill summary's 去确认): `unconfirmed` shows the
 * products whose delivery kind is not confirmed yet. A new `seq` asks again.
 */
export interface ProductsViewRequest {
  view: 'unconfirmed';
  seq: number;
}

/**
 * The list's order and each row's standing when it was last sorted. Confirming a product does
 * not move its row (nor drop it from 需处理/未确认): the rows stay where the merchant's cursor is
 * until 刷新, another filter, or leaving the screen sorts them again.
 */
interface Sorted {
  order: Map<string, number>;
  attention: Set<string>;
  unconfirmed: Set<string>;
  stocked: Set<string>;
}

function sortNow(products: Product[]): Sorted {
  const list = sortByAttention(products);
  return {
    order: new Map(list.map((p, i) => [p.skuKey, i])),
    attention: new Set(list.filter((p) => attentionRank(p) < 3).map((p) => p.skuKey)),
    unconfirmed: new Set(list.filter((p) => !p.confirmed).map((p) => p.skuKey)),
    stocked: new Set(list.filter((p) => isStocked(p.kind)).map((p) => p.skuKey)),
  };
}

/** In the list's kept order; products new since it was sorted (another import) come last, by attention. */
function keepOrder(products: Product[], sorted: Sorted): Product[] {
  const known: Product[] = [];
  const fresh: Product[] = [];
  for (const p of products) (sorted.order.has(p.skuKey) ? known : fresh).push(p);
  known.sort((a, b) => sorted.order.get(a.skuKey)! - sorted.order.get(b.skuKey)!);
  return [...known, ...sortByAttention(fresh)];
}

function inFilter(p: Product, filter: ProductFilter, sorted: Sorted): boolean {
  const known = sorted.order.has(p.skuKey);
  if (filter === 'attention') return known ? sorted.attention.has(p.skuKey) : attentionRank(p) < 3;
  if (filter === 'unconfirmed') return known ? sorted.unconfirmed.has(p.skuKey) : !p.confirmed;
  if (filter === 'stocked') return known ? sorted.stocked.has(p.skuKey) : isStocked(p.kind);
  return true;
}

/** Open a product from elsewhere (the order drawer): its stock, or its editor. */
export interface ProductRequest {
  skuKey: string;
  edit: boolean;
  seq: number;
}

export function ProductsScreen({ active, productsState, request, viewRequest = null, registerDrop, onStockOpen, onImportOrders }: {
  active: boolean;
  productsState: ProductsState;
  request: ProductRequest | null;
  /** Opens the list on a view (the unconfirmed products); see ProductsViewRequest. */
  viewRequest?: ProductsViewRequest | null;
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
  const [batchBusy, setBatchBusy] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  /** Confirmed or edited since the list was sorted: tinted and tagged 已确认 until it is sorted again. */
  const [changed, setChanged] = useState<ReadonlySet<string>>(() => new Set());
  const [sorted, setSorted] = useState<Sorted | null>(null);
  /** What the last 确认 or 批量确认建议 did, kept in the toolbar after its toast is gone. */
  const [status, setStatus] = useState<string | null>(null);
  /** 刷新 sorts again once the list it asked for arrives. */
  const [sortOnArrival, setSortOnArrival] = useState(false);
  const [arrived, setArrived] = useState(products);

  // Sorted when first shown, and again on the list 刷新 asked for.
  if (arrived !== products) {
    setArrived(products);
    if (sortOnArrival && products) {
      setSortOnArrival(false);
      setSorted(sortNow(products));
    }
  }
  if (sorted === null && products) setSorted(sortNow(products));

  const resort = () => {
    setSorted(products ? sortNow(products) : null);
    setChanged(new Set());
    setStatus(null);
  };

  // Leaving the screen: it is sorted afresh when the merchant comes back (on what is true then).
  const [wasActive, setWasActive] = useState(active);
  if (wasActive !== active) {
    setWasActive(active);
    setSorted(products ? sortNow(products) : null);
    if (!active) {
      setChanged(new Set());
      setSelected([]);
      setStatus(null);
    }
  }

  useEffect(() => {
    if (!request) return;
    if (request.edit) setEditSku(request.skuKey);
    else setOpenSku(request.skuKey);
  }, [request]);

  // Asked to show the unconfirmed products (the fill summary's 去确认): that view, the list, sorted afresh.
  const [seenView, setSeenView] = useState<number | null>(null);
  if (viewRequest && viewRequest.seq !== seenView) {
    setSeenView(viewRequest.seq);
    setFilter(viewRequest.view);
    setSearch('');
    setOpenSku(null);
    setSorted(products ? sortNow(products) : null);
  }

  const open = openSku ? bySku.get(openSku) ?? null : null;
  useEffect(() => {
    onStockOpen(active ? open : null);
  }, [active, open, onStockOpen]);

  const ordered = useMemo(() => (sorted ? keepOrder(products ?? [], sorted) : sortByAttention(products ?? [])), [products, sorted]);
  // The counts are live: what still needs the merchant, while the rows stay where they were.
  const counts = useMemo(() => ({
    all: ordered.length,
    attention: ordered.filter((p) => attentionRank(p) < 3).length,
    unconfirmed: ordered.filter((p) => !p.confirmed).length,
    stocked: ordered.filter((p) => isStocked(p.kind)).length,
  }), [ordered]);
  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return ordered.filter((p) => {
      if (sorted && !inFilter(p, filter, sorted)) return false;
      return !q || p.title.toLowerCase().includes(q) || p.spec.toLowerCase().includes(q) || skuKeyLabel(p.skuKey).toLowerCase().includes(q);
    });
  }, [ordered, sorted, filter, search]);
  const checked = useMemo(() => {
    const here = new Set(shown.map((p) => p.skuKey));
    return selected.filter((k) => here.has(k) && !bySku.get(k)?.confirmed);
  }, [selected, shown, bySku]);

  const markChanged = (keys: string[]) => setChanged((c) => new Set([...c, ...keys]));

  // One toast at a time (the same key): a run of 确认 never stacks them over the list.
  const notice = (type: 'success' | 'warning' | 'error', content: string, duration = 3) => message.open({ type, content, key: 'products-confirm', duration });

  const confirm = async (p: Product) => {
    setConfirming(p.skuKey);
    try {
      const saved = await call('products.set', { shopId, skuKey: p.skuKey, acceptSuggestion: true });
      markChanged([saved.skuKey]);
      setSelected((s) => s.filter((k) => k !== saved.skuKey));
      const said = t('products.confirmed', { title: saved.title, kind: saved.kind ? kindShort(saved.kind) : '' });
      setStatus(said);
      notice('success', said);
      onChanged();
    } catch (e) {
      notice('error', errorText(errorData(e)));
    } finally {
      setConfirming(null);
    }
  };

  const confirmChecked = async () => {
    if (!checked.length) return;
    setBatchBusy(true);
    try {
      const r = await call('products.confirmMany', { shopId, skuKeys: checked });
      markChanged(r.confirmed.map((p) => p.skuKey));
      setSelected([]);
      const said = batchSummary(r);
      setStatus(said);
      notice(r.confirmed.length && !r.noSuggestion.length && !r.alreadyConfirmed.length ? 'success' : 'warning', said, 5);
      if (r.confirmed.length) onChanged();
    } catch (e) {
      notice('error', errorText(errorData(e)));
    } finally {
      setBatchBusy(false);
    }
  };

  const editing = editSku ? bySku.get(editSku) ?? null : null;

  return (
    <div className="screen" hidden={!active} data-testid="products-screen">
      {open ? (
        <StockView
          key={open.skuKey}
          product={open}
          products={ordered}
          onBack={() => setOpenSku(null)}
          onEdit={() => setEditSku(open.skuKey)}
          confirmAction={
            <KindCell product={open} confirming={confirming === open.skuKey} changed={changed.has(open.skuKey)} onConfirm={() => void confirm(open)} onEdit={() => setEditSku(open.skuKey)} />
          }
          registerDrop={registerDrop}
          onImportOrders={onImportOrders}
        />
      ) : (
        <>
          <div className="products-toolbar">
            <Segmented<ProductFilter>
              value={filter}
              onChange={(f) => {
                setFilter(f);
                // Another view is a new list: sorted afresh.
                setSorted(products ? sortNow(products) : null);
              }}
              options={[
                { value: 'all', label: t('products.filter.all', { count: counts.all }) },
                { value: 'attention', label: t('products.filter.attention', { count: counts.attention }) },
                { value: 'unconfirmed', label: t('products.filter.unconfirmed', { count: counts.unconfirmed }) },
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
              style={{ width: 260 }}
              data-testid="products-search"
            />
            <Tooltip title={checked.length ? undefined : t('products.batchConfirmTip')}>
              <Button
                icon={<CheckSquareOutlined />}
                disabled={!checked.length}
                loading={batchBusy}
                onClick={() => void confirmChecked()}
                data-testid="products-batch-confirm"
              >
                {checked.length ? t('products.batchConfirmCount', { count: checked.length }) : t('products.batchConfirm')}
              </Button>
            </Tooltip>
            <span className="toolbar-spacer" />
            {status && <span className="products-status" title={status} data-testid="products-status">{status}</span>}
            <span className="muted products-hint" data-testid="products-hint">
              {status ? t('products.resortHint') : changed.size ? t('products.changedHint', { count: changed.size }) : t('products.hint')}
            </span>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                setSortOnArrival(true);
                resort();
                reload();
              }}
              data-testid="products-reload"
            >
              {t('products.reload')}
            </Button>
          </div>
          {error && <Alert type="error" showIcon title={errorText(error)} action={<Button size="small" onClick={reload}>{t('common.retry')}</Button>} />}
          {products === null && !error ? (
            <div className="list-frame products-loading"><Spin /></div>
          ) : (
            <ProductsTable
              products={shown}
              confirming={confirming}
              changed={changed}
              selected={checked}
              onSelect={(keys) => setSelected((s) => [...s.filter((k) => !shown.some((p) => p.skuKey === k)), ...keys])}
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
          if (editSku) markChanged([editSku]);
          setEditSku(null);
          onChanged();
        }}
      />
    </div>
  );
}

/** 「已确认 12 个商品，2 个无建议未确认」: what one 批量确认建议 did, in one sentence. */
export function batchSummary(r: ConfirmManyResult): string {
  const parts = [t('products.batchDone', { count: r.confirmed.length })];
  if (r.noSuggestion.length) parts.push(t('products.batchNoSuggestion', { count: r.noSuggestion.length }));
  if (r.alreadyConfirmed.length) parts.push(t('products.batchAlreadyConfirmed', { count: r.alreadyConfirmed.length }));
  return parts.join(t('products.batchSep'));
}
