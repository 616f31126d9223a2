/**
 * The orders screen: counts (they are the filter), filters, the virtual grid and the drawer of one order, plus the
 * commands over them: 自动填充 and its undo, pasting items copied from Excel over checked rows
 * (Ctrl+V), the export of delivery messages, and 生成发货文件 (the shipment file, of all ready
 * orders or the checked ones). Each row carries its rule findings and its ship state (tag, filter).
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { call } from '../../bridge';
import type { InputRef } from 'antd';
import type { OrdersSummary, Product, RuleId } from '../../../../shared/domain';
import { useRowSelection } from '../../lib/useRowSelection';
import { FillSummaryModal, OrderRevealModal, PasteItemsModal, useFill, usePasteItems, useRecharge } from '../allocation';
import { ExportDialog } from '../export';
import { EmptyDropZone } from '../import';
import { useExportMessages } from '../messages';
import { useShop } from '../shops';
import { SummaryCards } from './SummaryCards';
import { OrdersToolbar } from './OrdersToolbar';
import { OrdersActionBar, type OrdersAction } from './OrdersActionBar';
import { OrdersGrid } from './OrdersGrid';
import { OrderDrawer } from './OrderDrawer';
import { useOrderPages } from './useOrderPages';
import { useOrdersQuery } from './useOrdersQuery';

/**
 * How many orders the search matches under 全部 (orders.list with the search alone), while other
 * filters narrow the grid; null without a search or a filter.
 */
function useSearchEverywhere(shopId: number, search: string, narrowed: boolean, version: number): number | null {
  const [found, setFound] = useState<{ key: string; total: number } | null>(null);
  const key = search && narrowed ? `${shopId}|${search}|${version}` : '';
  useEffect(() => {
    if (!key) return;
    let live = true;
    call('orders.list', { shopId, search, limit: 1 }).then(
      (page) => live && setFound({ key, total: page.total }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [key, shopId, search]);
  return key && found?.key === key ? found.total : null;
}

/** Ctrl+F finds an order (Windows convention); only while the screen is shown. */
function useFindShortcut(active: boolean, searchRef: React.RefObject<InputRef | null>): void {
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'f') return;
      e.preventDefault();
      searchRef.current?.focus({ cursor: 'all' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, searchRef]);
}

export function OrdersScreen({ active, products, summary, panels, onPickImport, importing = false, onOpenProduct, onOpenProducts, ruleFilterRequest, exportFilterRequest }: {
  /** Shown now (the screen stays mounted while hidden, keeping its filters and scroll). */
  active: boolean;
  /** The shop's products by SKU key (delivery kind, items per unit). */
  products: ReadonlyMap<string, Product>;
  summary: OrdersSummary | null;
  /** Import progress, result or error, above the counts. */
  panels: ReactNode;
  onPickImport: () => void;
  /** An import runs: the empty state's button waits for it. */
  importing?: boolean;
  onOpenProduct: (skuKey: string, edit: boolean) => void;
  /** The products list (the fill summary's 去确认). */
  onOpenProducts?: () => void;
  /** A rule picked on the 规则检查 screen: the grid shows its orders (a new `seq` asks again). */
  ruleFilterRequest?: { rule: RuleId; seq: number } | null;
  /** An export picked on the 发货记录 screen: the grid shows its orders (a new `seq` asks again). */
  exportFilterRequest?: { exportId: number; seq: number } | null;
}) {
  const { shopId, version } = useShop();
  const q = useOrdersQuery(shopId, summary);
  const { showRule, showExport } = q;
  useEffect(() => {
    if (ruleFilterRequest) showRule(ruleFilterRequest.rule);
  }, [ruleFilterRequest, showRule]);
  useEffect(() => {
    if (exportFilterRequest) showExport(exportFilterRequest.exportId);
  }, [exportFilterRequest, showExport]);
  /** The export dialog: of every ready order, or narrowed to the checked ones at first. */
  const [shipFile, setShipFile] = useState<'all' | 'checked' | null>(null);
  const [openOrderNo, setOpenOrderNo] = useState<string | null>(null);
  const [revealOrderNo, setRevealOrderNo] = useState<string | null>(null);
  const searchRef = useRef<InputRef>(null);
  useFindShortcut(active, searchRef);

  const pages = useOrderPages(q.query, version);
  const everywhere = useSearchEverywhere(shopId, q.search, q.narrowed, version);
  // Only when the filters hide some of what the search finds.
  const elsewhere = everywhere !== null && pages.total !== null && everywhere > pages.total ? everywhere : null;
  const productList = useMemo(
    () => [...products.values()].sort((a, b) => a.title.localeCompare(b.title, 'zh-CN') || a.spec.localeCompare(b.spec, 'zh-CN')),
    [products],
  );
  const selection = useRowSelection(pages, `${q.queryKey}#${version}`);
  const { checked, clear: clearChecks } = selection;

  const fill = useFill();
  const exporting = useExportMessages();
  const recharge = useRecharge({ checked, products, clearChecks });
  const paste = usePasteItems({
    active, checked, clearChecks, products,
    blocked: openOrderNo !== null || fill.busy !== null || exporting.busy || shipFile !== null,
  });
  // In grid order, as checked.
  const checkedOrders = useMemo(
    () => [...checked.values()].sort((a, b) => a.index - b.index).map(({ order }) => ({ orderNo: order.orderNo, shipState: order.shipState })),
    [checked],
  );
  const busy: OrdersAction | null = fill.busy ?? (paste.busy ? 'paste' : exporting.busy ? 'export' : null);

  const runAction = (a: OrdersAction) => {
    if (a === 'paste') paste.openDialog();
    else if (a === 'undo') fill.undo();
    else if (a === 'fill') void fill.fill();
    else if (a === 'shipFile') setShipFile('all');
    else if (a === 'shipFileChecked') setShipFile('checked');
    else if (a === 'recharged') recharge.openBatch();
    else if (a === 'supplierFile') recharge.openFile();
    else void exporting.run();
  };

  const showEmpty = summary !== null && summary.total === 0;

  return (
    <div className="screen orders-screen" hidden={!active} data-testid="orders-screen" data-search={q.query.search ?? ''}>
      {panels}
      {showEmpty ? (
        <EmptyDropZone onPick={onPickImport} importing={importing} />
      ) : (
        <>
          <SummaryCards summary={summary} active={q.card} onPick={q.pickCard} shipState={q.shipState} onShipState={q.pickShipState} />
          <OrdersActionBar busy={busy} checkedCount={checked.size} checkedRecharge={recharge.checkedRecharge} ready={summary?.byShipState?.ready ?? null} exportId={q.exportId} onClearExport={q.clearExport} onAction={runAction} onClearChecks={clearChecks} />
          <OrdersToolbar
            filled={q.filled}
            onFilled={q.setFilled}
            reason={q.reason}
            onReason={q.onReason}
            rule={q.rule}
            onRule={q.setRule}
            blockedByRule={q.blockedByRule}
            onBlockedByRule={q.setBlockedByRule}
            products={productList}
            skuKey={q.skuKey}
            onSkuKey={q.setSkuKey}
            search={q.searchInput}
            onSearch={q.setSearchInput}
            elsewhere={elsewhere}
            onShowElsewhere={q.clearFilters}
            summary={summary}
            total={pages.total}
            searchRef={searchRef}
          />
          <OrdersGrid
            pages={pages}
            queryKey={q.queryKey}
            sort={q.sort.key}
            desc={q.sort.desc}
            onSort={q.onSort}
            selectedOrderNo={openOrderNo}
            onOpen={setOpenOrderNo}
            checked={checked}
            onCheck={selection.toggle}
            onClearChecks={clearChecks}
            onCheckAll={selection.checkAll}
            onReveal={setRevealOrderNo}
          />
        </>
      )}
      <OrderDrawer
        orderNo={openOrderNo}
        onClose={() => setOpenOrderNo(null)}
        products={products}
        onOpenProduct={(skuKey, edit) => {
          setOpenOrderNo(null);
          onOpenProduct(skuKey, edit);
        }}
      />
      <ExportDialog
        open={shipFile !== null}
        checked={checkedOrders}
        onlyChecked={shipFile === 'checked'}
        onClose={() => setShipFile(null)}
        onShowLeftOut={q.showLeftOut}
      />
      <OrderRevealModal orderNo={revealOrderNo} onClose={() => setRevealOrderNo(null)} />
      <FillSummaryModal
        result={fill.result}
        onClose={fill.closeResult}
        onShowOrders={(k) => q.showProductOrders(k, true)}
        onRestock={(k) => onOpenProduct(k, false)}
        onConfirmProducts={onOpenProducts}
      />
      {recharge.dialogs}
      <PasteItemsModal
        open={paste.open}
        targets={paste.targets}
        skipped={paste.skippedNotes}
        busy={paste.busy}
        onCancel={paste.closeDialog}
        onSubmit={paste.apply}
      />
    </div>
  );
}
