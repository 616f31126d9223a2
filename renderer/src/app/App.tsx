/**
 * The window: pick a shop, switch between 订单 and 商品与卡库, import the PDD order export (button,
 * Ctrl+O or drop anywhere on the orders screen; a drop on a product's stock goes into that stock).
 * Both screens stay mounted, so each keeps its filters and scroll while the other is shown.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { App as AntApp, Button, Result, Spin } from 'antd';
import type { AppInfo, JobProgress, ImportSummary, OrdersSummary, Product, Shop } from '../../shared/domain';
import type { AppErrorData } from '../../shared/errors';
import { call, errorData, getBridge } from './bridge';
import { t } from './i18n';
import { formatDateTime } from './format/time';
import { IMPORT_ACCEPT, MAX_FILES_PER_IMPORT, toFilePayloads } from './files/payload';
import { useNow } from './hooks/useNow';
import { useProducts } from './hooks/useProducts';
import { useWindowFileDrop } from './hooks/useWindowFileDrop';
import { TopBar, type AppView } from './components/TopBar';
import { DropOverlay } from './components/DropOverlay';
import { ImportProgressPanel } from './components/ImportProgressPanel';
import { ImportResultPanel } from './components/ImportResultPanel';
import { ImportErrorPanel } from './components/ImportErrorPanel';
import { OrdersScreen } from './screens/OrdersScreen';
import { ProductsScreen, type ProductRequest } from './screens/ProductsScreen';

type Boot = { state: 'loading' } | { state: 'failed'; error: AppErrorData } | { state: 'ready' };
type DropHandler = (files: File[]) => void;

/** Shops and the current one; a fresh data folder gets one default shop so import works at once. */
async function loadShops(): Promise<{ shops: Shop[]; currentShopId: number }> {
  const [shops, settings] = await Promise.all([call('shops.list', undefined), call('shops.getSettings', undefined)]);
  if (shops.length === 0) shops.push(await call('shops.create', { name: t('shop.defaultName') }));
  const known = shops.some((s) => s.id === settings.currentShopId);
  const currentShopId = known ? settings.currentShopId : shops[0].id;
  if (!known) await call('shops.setSettings', { currentShopId });
  return { shops, currentShopId };
}

export function VShipApp() {
  const { message } = AntApp.useApp();
  const now = useNow();
  const [boot, setBoot] = useState<Boot>({ state: 'loading' });
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [shops, setShops] = useState<Shop[]>([]);
  const [shopId, setShopId] = useState<number | null>(null);
  const [summary, setSummary] = useState<OrdersSummary | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const [view, setView] = useState<AppView>('orders');
  const [stockVisited, setStockVisited] = useState(false);
  const [productRequest, setProductRequest] = useState<ProductRequest | null>(null);
  const [openStock, setOpenStock] = useState<Product | null>(null);

  const [importing, setImporting] = useState<{ fileCount: number } | null>(null);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [importResult, setImportResult] = useState<ImportSummary | null>(null);
  const [importError, setImportError] = useState<AppErrorData | null>(null);
  const importingRef = useRef(false);
  const waitingFiles = useRef<File[]>([]);
  const stockDrop = useRef<DropHandler | null>(null);

  const inputRef = useRef<HTMLInputElement>(null);
  const productsState = useProducts(shopId ?? 0, refreshKey, shopId !== null);
  const refresh = useCallback(() => setRefreshKey((k) => k + 1), []);

  const start = useCallback(() => {
    setBoot({ state: 'loading' });
    loadShops()
      .then(({ shops: list, currentShopId }) => {
        setShops(list);
        setShopId(currentShopId);
        setBoot({ state: 'ready' });
      })
      .catch((e: unknown) => setBoot({ state: 'failed', error: errorData(e) }));
    call('shops.appInfo', undefined).then(setInfo, () => undefined);
  }, []);
  useEffect(start, [start]);

  // Counts: after each change, on shop switch, and each minute (overdue/due-soon move with time).
  useEffect(() => {
    if (shopId === null) return;
    let live = true;
    call('orders.summary', { shopId }).then(
      (s) => live && setSummary(s),
      (e: unknown) => live && message.error(errorData(e).message),
    );
    return () => {
      live = false;
    };
  }, [shopId, refreshKey, now, message]);

  // Progress events can come fast; show at most one per frame.
  useEffect(() => {
    let pending: JobProgress | null = null;
    let frame = 0;
    const off = getBridge().on('job.progress', (p) => {
      if (p.kind !== 'import' || !importingRef.current) return;
      pending = p;
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        if (pending && importingRef.current) setProgress(pending);
      });
    });
    return () => {
      off();
      cancelAnimationFrame(frame);
    };
  }, []);

  const runImport = useCallback(
    async (picked: File[]) => {
      if (!picked.length) return;
      if (importingRef.current) {
        message.warning(t('import.busy'));
        return;
      }
      if (shopId === null) {
        // Still opening: import as soon as the current shop is known.
        waitingFiles.current.push(...picked);
        return;
      }
      let files = picked;
      if (files.length > MAX_FILES_PER_IMPORT) {
        message.warning(t('import.tooMany', { max: MAX_FILES_PER_IMPORT }));
        files = files.slice(0, MAX_FILES_PER_IMPORT);
      }
      importingRef.current = true;
      setView('orders');
      setImporting({ fileCount: files.length });
      setProgress(null);
      setImportResult(null);
      setImportError(null);
      try {
        const result = await call('import.orders', { shopId, files: await toFilePayloads(files) });
        setImportResult(result);
        refresh();
      } catch (e) {
        setImportError(errorData(e));
      } finally {
        importingRef.current = false;
        setImporting(null);
        setProgress(null);
      }
    },
    [shopId, message, refresh],
  );

  useEffect(() => {
    if (shopId === null || !waitingFiles.current.length) return;
    void runImport(waitingFiles.current.splice(0));
  }, [shopId, runImport]);

  // A drop is an order export on the orders screen, stock on an open product's stock.
  const onDrop = useCallback((files: File[]) => {
    if (view === 'orders') void runImport(files);
    else if (stockDrop.current) stockDrop.current(files);
    else message.info(t('stock.dropNeedsProduct'));
  }, [view, runImport, message]);
  const dragging = useWindowFileDrop(onDrop);
  const registerStockDrop = useCallback((handler: DropHandler | null) => {
    stockDrop.current = handler;
  }, []);

  const openPicker = useCallback(() => inputRef.current?.click(), []);

  // Windows convention: Ctrl+O opens order files (Ctrl+F belongs to the orders screen). In the
  // desktop app the menu's accelerator takes the key and sends 'menu.import' instead.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'o') return;
      e.preventDefault();
      openPicker();
    };
    window.addEventListener('keydown', onKey);
    const off = getBridge().on('menu.import', openPicker);
    return () => {
      window.removeEventListener('keydown', onKey);
      off();
    };
  }, [openPicker]);

  const showView = (v: AppView) => {
    setView(v);
    if (v === 'stock') setStockVisited(true);
  };

  const switchShop = (id: number) => {
    if (id === shopId) return;
    setSummary(null);
    setImportResult(null);
    setImportError(null);
    setProductRequest(null);
    setShopId(id);
    call('shops.setSettings', { currentShopId: id }).catch((e: unknown) => message.error(errorData(e).message));
  };

  const onShopCreated = (shop: Shop) => {
    setShops((list) => [...list.filter((s) => s.id !== shop.id), shop]);
    switchShop(shop.id);
  };

  const openProduct = useCallback((skuKey: string, edit: boolean) => {
    setProductRequest((r) => ({ skuKey, edit, seq: (r?.seq ?? 0) + 1 }));
    setView('stock');
    setStockVisited(true);
  }, []);

  if (boot.state === 'loading') {
    return <div className="boot"><Spin size="large" description={t('app.loading')} /></div>;
  }
  if (boot.state === 'failed') {
    return (
      <div className="boot">
        <Result
          status="error"
          title={t('app.loadFailed', { message: boot.error.message })}
          extra={<Button type="primary" onClick={start}>{t('common.retry')}</Button>}
        />
      </div>
    );
  }

  // Confirmed products only: an unconfirmed one is not filled anyway, and is flagged in its list.
  const shortCount = (productsState.products ?? []).filter((p) => p.confirmed && p.shortage > 0).length;
  const panels = (
    <>
      {importing && <ImportProgressPanel progress={progress} fileCount={importing.fileCount} />}
      {importError && <ImportErrorPanel error={importError} onClose={() => setImportError(null)} />}
      {importResult && <ImportResultPanel summary={importResult} onClose={() => setImportResult(null)} />}
    </>
  );
  const overlay = view === 'orders'
    ? { title: t('import.dropOverlay'), hint: t('import.dropOverlayHint'), refuse: false }
    : openStock
      ? { title: t('stock.dropOverlay', { title: `${openStock.title} ${openStock.spec}` }), hint: t('stock.dropOverlayHint'), refuse: false }
      : { title: t('stock.dropNeedsProduct'), hint: t('stock.dropNeedsProductHint'), refuse: true };

  return (
    <div className="app">
      <TopBar
        view={view}
        onView={showView}
        attention={shortCount}
        shops={shops}
        currentShopId={shopId}
        onSwitchShop={switchShop}
        onShopCreated={onShopCreated}
        onImport={openPicker}
        importing={importing !== null}
      />
      <main className="content">
        {shopId !== null && (
          <OrdersScreen
            key={`orders-${shopId}`}
            shopId={shopId}
            active={view === 'orders'}
            products={productsState.bySku}
            summary={summary}
            refreshKey={refreshKey}
            onChanged={refresh}
            now={now}
            panels={panels}
            onPickImport={openPicker}
            onOpenProduct={openProduct}
          />
        )}
        {shopId !== null && (stockVisited || view === 'stock') && (
          <ProductsScreen
            key={`products-${shopId}`}
            shopId={shopId}
            active={view === 'stock'}
            productsState={productsState}
            refreshKey={refreshKey}
            onChanged={refresh}
            now={now}
            request={productRequest}
            registerDrop={registerStockDrop}
            onStockOpen={setOpenStock}
          />
        )}
      </main>
      <footer className="status-bar">
        <span>{summary?.lastImportAt ? t('status.lastImport', { time: formatDateTime(summary.lastImportAt) }) : t('status.neverImported')}</span>
        <span className="toolbar-spacer" />
        {info && <span className="status-dir" title={info.dataDir}>{t('status.dataDir', { dir: info.dataDir })}</span>}
        {info && <span>{t(info.host === 'electron' ? 'status.host.electron' : 'status.host.web')}</span>}
        {info && <span>{t('status.version', { version: info.version })}</span>}
      </footer>
      <DropOverlay visible={dragging} title={overlay.title} hint={overlay.hint} refuse={overlay.refuse} />
      <input
        ref={inputRef}
        type="file"
        multiple
        accept={IMPORT_ACCEPT}
        hidden
        data-testid="import-input"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          void runImport(files);
        }}
      />
    </div>
  );
}
