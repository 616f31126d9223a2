/**
 * The window: pick a shop, switch between 订单, 商品与卡库, 规则检查, 发货记录 and 凭证, import the PDD
 * order export (button, Ctrl+O or drop anywhere on the orders, rules or 凭证 screen; a drop on a
 * product's stock goes into that stock, a drop on 发货记录 is the backend's upload result).
 * Screenshots and PDFs in a drop are evidence: onto the order whose row or drawer they were
 * dropped on, else each matched to an order by its file name (a folder is walked); the
 * spreadsheets of the same drop are still the order import.
 * Screens stay mounted once shown, so each keeps its filters and scroll.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Result, Spin } from 'antd';
import type { AppInfo, Product, RuleId } from '../../../shared/domain';
import { call } from '../bridge';
import { t } from '../i18n';
import { errorText } from '../lib/error-text';
import { useDropTargetOrder, useWindowFileDrop, type DropPlace } from '../lib/useWindowFileDrop';
import { DropOverlay } from '../ui/DropOverlay';
import { EvidenceImportDialog, EvidenceScreen, splitDroppedFiles, useEvidenceAdd, useEvidenceImport } from '../features/evidence';
import { ExportsScreen } from '../features/export';
import { ImportFileInput, ImportPanels, useImportPicker, useOrderImport } from '../features/import';
import { OrderDrawer, OrdersScreen, useOrdersSummary } from '../features/orders';
import { ProductsScreen, useProducts, type ProductRequest, type ProductsViewRequest } from '../features/products';
import { RulesScreen, useRulesSummary } from '../features/rules';
import { useShop, useShops } from '../features/shops';
import { TopBar, type AppView } from './TopBar';
import { StatusBar } from './StatusBar';
import './app.css';

type DropHandler = (files: File[]) => void;

/** The orders screen asked to show the orders one rule holds (from 规则检查); `seq` repeats a request. */
export interface RuleFilterRequest { rule: RuleId; seq: number }

/** The orders screen asked to show one export's orders (from 发货记录); `seq` repeats a request. */
export interface ExportFilterRequest { exportId: number; seq: number }

export function VShipApp() {
  const { boot, retry } = useShops();
  const [info, setInfo] = useState<AppInfo | null>(null);

  // Asked again with each (re)start of the shops.
  useEffect(() => {
    if (boot.state === 'loading') call('shops.appInfo', undefined).then(setInfo, () => undefined);
  }, [boot.state]);

  if (boot.state === 'loading') {
    return <div className="boot"><Spin size="large" description={t('app.loading')} /></div>;
  }
  if (boot.state === 'failed') {
    return (
      <div className="boot">
        <Result
          status="error"
          title={t('app.loadFailed', { message: errorText(boot.error) })}
          extra={<Button type="primary" onClick={retry}>{t('common.retry')}</Button>}
        />
      </div>
    );
  }
  return <AppWindow info={info} />;
}

/** The window once the current shop is known. */
function AppWindow({ info }: { info: AppInfo | null }) {
  const { message } = AntApp.useApp();
  const { shopId } = useShop();
  const summary = useOrdersSummary();
  const productsState = useProducts();
  const [view, setView] = useState<AppView>('orders');
  const [stockVisited, setStockVisited] = useState(false);
  const [rulesVisited, setRulesVisited] = useState(false);
  const [exportsVisited, setExportsVisited] = useState(false);
  const [evidenceVisited, setEvidenceVisited] = useState(false);
  /** The order opened from the 凭证 screen (its own drawer). */
  const [evidenceOrderNo, setEvidenceOrderNo] = useState<string | null>(null);
  const rules = useRulesSummary();
  const [ruleFilterRequest, setRuleFilterRequest] = useState<RuleFilterRequest | null>(null);
  const [exportFilterRequest, setExportFilterRequest] = useState<ExportFilterRequest | null>(null);
  const [productRequest, setProductRequest] = useState<ProductRequest | null>(null);
  /** 商品与卡库 opened on a view: the unconfirmed products, from the fill summary's 去确认. */
  const [productsView, setProductsView] = useState<ProductsViewRequest | null>(null);
  const openUnconfirmed = () => {
    setProductsView((r) => ({ view: 'unconfirmed', seq: (r?.seq ?? 0) + 1 }));
    setView('stock');
    setStockVisited(true);
  };
  const [openStock, setOpenStock] = useState<Product | null>(null);
  const stockDrop = useRef<DropHandler | null>(null);
  const resultDrop = useRef<DropHandler | null>(null);
  const orderImport = useOrderImport({ onStart: () => setView('orders') });
  const importing = orderImport.importing !== null;
  const { inputRef, openPicker } = useImportPicker(importing);

  // Another shop: a product asked for from the old shop's drawer is not opened in the new one.
  const [forShop, setForShop] = useState(shopId);
  if (forShop !== shopId) {
    setForShop(shopId);
    setProductRequest(null);
    setProductsView(null);
    setRuleFilterRequest(null);
    setExportFilterRequest(null);
    setEvidenceOrderNo(null);
  }

  // A drop is stock on an open product's stock, the upload result on 发货记录; anywhere else its
  // screenshots are evidence (onto the order it was dropped on, or matched by name) and the rest an order export.
  const runImport = orderImport.run;
  const addEvidence = useEvidenceAdd();
  const evidenceImport = useEvidenceImport();
  const startEvidenceImport = evidenceImport.start;
  const onDrop = useCallback((files: File[], place: DropPlace) => {
    if (view === 'exports') resultDrop.current?.(files);
    else if (view === 'stock') {
      if (stockDrop.current) stockDrop.current(files);
      else message.info(t('stock.dropNeedsProduct'));
    } else {
      const { sheets, evidence, other } = splitDroppedFiles(files);
      // Inside a folder, what is neither a sheet nor evidence (Thumbs.db, notes) is left alone; dropped by itself, the import explains it.
      const orders = place.folder ? sheets : [...sheets, ...other];
      if (place.folder && other.length) message.info(t('evidence.drop.skipped', { count: other.length }));
      if (evidence.length && orders.length) message.info(t('evidence.drop.mixed', { sheets: orders.length, evidence: evidence.length }));
      if (evidence.length) {
        if (place.orderNo) void addEvidence(place.orderNo, evidence, 'drop');
        else void startEvidenceImport(evidence);
      }
      if (orders.length) void runImport(orders);
    }
  }, [view, runImport, message, addEvidence, startEvidenceImport]);
  const dragging = useWindowFileDrop(onDrop);
  const dropOrder = useDropTargetOrder();
  const registerStockDrop = useCallback((handler: DropHandler | null) => {
    stockDrop.current = handler;
  }, []);
  const registerResultDrop = useCallback((handler: DropHandler | null) => {
    resultDrop.current = handler;
  }, []);

  const showView = (v: AppView) => {
    setView(v);
    if (v === 'stock') setStockVisited(true);
    if (v === 'rules') setRulesVisited(true);
    if (v === 'exports') setExportsVisited(true);
    if (v === 'evidence') setEvidenceVisited(true);
  };

  const showRuleOrders = useCallback(({ rule }: { rule: RuleId }) => {
    setRuleFilterRequest((r) => ({ rule, seq: (r?.seq ?? 0) + 1 }));
    setView('orders');
  }, []);
  const showExportOrders = useCallback((exportId: number) => {
    setExportFilterRequest((r) => ({ exportId, seq: (r?.seq ?? 0) + 1 }));
    setView('orders');
  }, []);
  const showProducts = useCallback(() => {
    setView('stock');
    setStockVisited(true);
  }, []);

  const openProduct = useCallback((skuKey: string, edit: boolean) => {
    setProductRequest((r) => ({ skuKey, edit, seq: (r?.seq ?? 0) + 1 }));
    setView('stock');
    setStockVisited(true);
  }, []);

  // Confirmed products only: an unconfirmed one is not filled anyway, and is flagged in its list.
  const shortCount = (productsState.products ?? []).filter((p) => p.confirmed && p.shortage > 0).length;
  const overlay = dropOrder && view !== 'exports' && view !== 'stock'
    ? { title: t('evidence.drop.overlayOrder', { orderNo: dropOrder }), hint: t('evidence.drop.overlayOrderHint'), refuse: false, compact: true }
    : view === 'evidence'
      ? { title: t('evidence.drop.overlay'), hint: t('evidence.drop.overlayHint'), refuse: false }
      : view === 'exports'
    ? { title: t('export.result.dropOverlay'), hint: t('export.result.dropOverlayHint'), refuse: false }
    : view !== 'stock' && importing
      ? { title: t('import.busy'), hint: t('import.busyHint'), refuse: true }
    : view !== 'stock'
      ? { title: t('import.dropOverlay'), hint: t('import.dropOverlayHint'), refuse: false }
      : openStock
        ? { title: t('stock.dropOverlay', { title: `${openStock.title} ${openStock.spec}` }), hint: t('stock.dropOverlayHint'), refuse: false }
        : { title: t('stock.dropNeedsProduct'), hint: t('stock.dropNeedsProductHint'), refuse: true };

  return (
    <div className="app">
      <TopBar view={view} onView={showView} attention={shortCount} blocked={rules.summary?.blockedOrders ?? 0} shipAttention={(summary?.byShipState?.attention ?? 0) + (summary?.byShipState?.uploadFailed ?? 0)} onImport={openPicker} importing={importing} />
      {info?.readOnly && (
        <Alert
          banner
          type="warning"
          className="read-only-banner"
          data-testid="read-only-banner"
          message={<><strong>{t('app.readOnly')}</strong><span className="read-only-hint">{t('app.readOnlyHint')}</span></>}
        />
      )}
      <main className="content">
        <OrdersScreen
          key={`orders-${shopId}`}
          active={view === 'orders'}
          products={productsState.bySku}
          summary={summary}
          panels={<ImportPanels state={orderImport} />}
          onPickImport={openPicker}
          importing={importing}
          onOpenProduct={openProduct}
          onOpenProducts={openUnconfirmed}
          ruleFilterRequest={ruleFilterRequest}
          exportFilterRequest={exportFilterRequest}
        />
        {(stockVisited || view === 'stock') && (
          <ProductsScreen
            key={`products-${shopId}`}
            active={view === 'stock'}
            productsState={productsState}
            request={productRequest}
            viewRequest={productsView}
            registerDrop={registerStockDrop}
            onStockOpen={setOpenStock}
            onImportOrders={(files) => void runImport(files)}
          />
        )}
        {(rulesVisited || view === 'rules') && (
          <RulesScreen
            key={`rules-${shopId}`}
            active={view === 'rules'}
            summary={rules.summary}
            ordersTotal={summary?.total ?? null}
            onPickImport={openPicker}
            importing={importing}
            onSummary={rules.set}
            onShowOrders={showRuleOrders}
            onShowProducts={showProducts}
          />
        )}
        {(exportsVisited || view === 'exports') && (
          <ExportsScreen
            key={`exports-${shopId}`}
            active={view === 'exports'}
            onShowOrders={showExportOrders}
            registerDrop={registerResultDrop}
          />
        )}
        {(evidenceVisited || view === 'evidence') && (
          <EvidenceScreen key={`evidence-${shopId}`} active={view === 'evidence'} onOpenOrder={setEvidenceOrderNo} />
        )}
      </main>
      <OrderDrawer
        orderNo={evidenceOrderNo}
        onClose={() => setEvidenceOrderNo(null)}
        products={productsState.bySku}
        onOpenProduct={(skuKey, edit) => {
          setEvidenceOrderNo(null);
          openProduct(skuKey, edit);
        }}
      />
      <EvidenceImportDialog
        state={evidenceImport}
        addEvidence={addEvidence}
        onOpenOrder={(orderNo) => {
          setEvidenceOrderNo(orderNo);
        }}
      />
      <StatusBar summary={summary} info={info} onShowImport={orderImport.result ? orderImport.openDetails : undefined} />
      <DropOverlay visible={dragging} title={overlay.title} hint={overlay.hint} refuse={overlay.refuse} compact={'compact' in overlay && overlay.compact} />
      <ImportFileInput inputRef={inputRef} onFiles={(files) => void runImport(files)} />
    </div>
  );
}
