/**
 * The orders screen: counts, filters, the virtual grid and the drawer of one order, plus filling:
 * 自动填充 and its undo, pasting items copied from Excel over checked rows (Ctrl+V), and the
 * export of delivery messages.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { App as AntApp, type ButtonProps, type InputRef } from 'antd';
import type { FillResult, OrderFilter, OrderSortKey, OrdersSummary, Product, ReasonCode } from '../../../shared/domain';
import { call, errorData } from '../bridge';
import { t } from '../i18n';
import { parsePastedItems, planPaste, type PasteTarget } from '../clipboard/excel-paste';
import { saveBytes } from '../files/download';
import { useDebounced } from '../hooks/useDebounced';
import { useOrderPages, type OrdersQueryState } from '../hooks/useOrderPages';
import { useRowSelection } from '../hooks/useRowSelection';
import { isStocked, itemsPerUnit } from '../products/kinds';
import { orderSkuKey } from '../products/sku-key';
import { SummaryCards, type SummaryView } from '../components/SummaryCards';
import { OrdersToolbar, type FilledFilter } from '../components/OrdersToolbar';
import { OrdersActionBar, type OrdersAction } from '../components/OrdersActionBar';
import { OrdersGrid } from '../components/OrdersGrid';
import { OrderDrawer } from '../components/OrderDrawer';
import { OrderRevealModal } from '../components/OrderRevealModal';
import { FillSummaryModal } from '../components/FillSummaryModal';
import { PasteItemsModal } from '../components/PasteItemsModal';
import { EmptyDropZone } from '../components/EmptyDropZone';

interface SortState { key: OrderSortKey; desc: boolean }
const DEFAULT_SORT: SortState = { key: 'shipBy', desc: false };

/** A text field the merchant may be pasting into: there Ctrl+V is theirs, not the grid's. */
function isTextField(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el instanceof HTMLTextAreaElement) return true;
  return el instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(el.type);
}

export function OrdersScreen({ shopId, active, products, summary, refreshKey, onChanged, now, panels, onPickImport, onOpenProduct }: {
  shopId: number;
  /** Shown now (the screen stays mounted while hidden, keeping its filters and scroll). */
  active: boolean;
  /** The shop's products by SKU key (delivery kind, items per unit). */
  products: ReadonlyMap<string, Product>;
  summary: OrdersSummary | null;
  refreshKey: number;
  /** Something changed the data: counts, grid and products reload. */
  onChanged: () => void;
  now: number;
  /** Import progress, result or error, above the counts. */
  panels: ReactNode;
  onPickImport: () => void;
  onOpenProduct: (skuKey: string, edit: boolean) => void;
}) {
  const { message, modal } = AntApp.useApp();
  const [filter, setFilter] = useState<OrderFilter>('all');
  const [filled, setFilled] = useState<FilledFilter>('any');
  const [reason, setReason] = useState<ReasonCode | undefined>();
  const [card, setCard] = useState<SummaryView | null>('total');
  const [searchInput, setSearchInput] = useState('');
  const search = useDebounced(searchInput.trim(), 250);
  const [sort, setSort] = useState<SortState>(DEFAULT_SORT);
  const [openOrderNo, setOpenOrderNo] = useState<string | null>(null);
  const [revealOrderNo, setRevealOrderNo] = useState<string | null>(null);
  const [scrollRequest, setScrollRequest] = useState<{ index: number; seq: number } | null>(null);
  const [busy, setBusy] = useState<OrdersAction | null>(null);
  const [fillResult, setFillResult] = useState<FillResult | null>(null);
  const [pasteOpen, setPasteOpen] = useState(false);
  const searchRef = useRef<InputRef>(null);

  const query = useMemo<OrdersQueryState>(
    () => ({
      shopId, filter, reason, search: search || undefined, sort: sort.key, desc: sort.desc,
      filled: filled === 'any' ? undefined : filled === 'filled',
    }),
    [shopId, filter, reason, search, sort, filled],
  );
  const pages = useOrderPages(query, refreshKey);
  const queryKey = useMemo(() => JSON.stringify(query), [query]);
  const selection = useRowSelection(pages, `${queryKey}#${refreshKey}`);
  const { checked, clear: clearChecks } = selection;

  // Ctrl+F finds an order (Windows convention); only while this screen is shown.
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'f') return;
      e.preventDefault();
      searchRef.current?.focus({ cursor: 'all' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);

  const pickCard = (view: SummaryView) => {
    setCard(view);
    setReason(undefined);
    if (view === 'dueSoon') {
      // The shippable orders by deadline, scrolled past the overdue ones (they come first), so
      // the first rows are the ones due within 6 hours.
      setFilter('shippable');
      setSort(DEFAULT_SORT);
      setScrollRequest((r) => ({ index: summary?.overdue ?? 0, seq: (r?.seq ?? 0) + 1 }));
    } else {
      setFilter(view === 'total' ? 'all' : view);
    }
  };

  const onFilter = (f: OrderFilter) => {
    setFilter(f);
    setCard(f === 'all' ? 'total' : f);
    if (f !== 'blocked') setReason(undefined);
  };

  const onReason = (r: ReasonCode | undefined) => {
    setReason(r);
    if (r) {
      setFilter('blocked');
      setCard('blocked');
    }
  };

  const onSort = useCallback(
    (key: OrderSortKey) => setSort((s) => (s.key !== key ? { key, desc: false } : !s.desc ? { key, desc: true } : DEFAULT_SORT)),
    [],
  );

  // ---- Paste over checked rows -------------------------------------------------------------

  const paste = useMemo(() => {
    const targets: PasteTarget[] = [];
    let skipped = 0;
    let unready = 0;
    for (const { order: o } of [...checked.values()].sort((a, b) => a.index - b.index)) {
      // Only orders that can take content now; the others would fail the whole paste.
      if (!o.shippable || o.items.length > 0) {
        skipped++;
        continue;
      }
      const product = products.get(orderSkuKey(o));
      if (product && (!product.confirmed || !isStocked(product.kind))) {
        unready++;
        continue;
      }
      targets.push({ orderNo: o.orderNo, need: o.quantity * itemsPerUnit(product) });
    }
    return { targets, skipped, unready };
  }, [checked, products]);

  const applyPaste = useCallback((text: string) => {
    const items = parsePastedItems(text);
    if (items.length === 0) {
      message.warning(t('paste.emptyClipboard'));
      return;
    }
    if (paste.targets.length === 0) {
      message.warning(paste.unready > 0 ? t('paste.unready', { count: paste.unready }) : t('paste.noTargets'));
      return;
    }
    const plan = planPaste(paste.targets, items);
    if (plan.entries.length === 0) {
      message.warning(t('paste.notEnough', { need: paste.targets[0].need, given: items.length }));
      return;
    }
    const send = async () => {
      setBusy('paste');
      try {
        const r = await call('allocation.assignMany', { shopId, entries: plan.entries });
        message.success(t('paste.done', { orders: r.assigned, items: plan.entries.reduce((n, e) => n + e.items.length, 0) }));
        setPasteOpen(false);
        clearChecks();
        onChanged();
      } catch (e) {
        modal.error({ title: t('paste.failed'), content: <div className="confirm-body" data-testid="paste-error">{errorData(e).message}</div> });
      } finally {
        setBusy(null);
      }
    };
    const notes: string[] = [];
    if (paste.skipped > 0) notes.push(t('paste.skipped', { count: paste.skipped }));
    if (paste.unready > 0) notes.push(t('paste.unready', { count: paste.unready }));
    if (plan.given < plan.need) notes.push(t('paste.tooFew', { need: plan.need, given: plan.given, unfilled: plan.unfilled.length }));
    if (plan.given > plan.need) notes.push(t('paste.tooMany', { need: plan.need, given: plan.given, extra: plan.extra }));
    if (notes.length === 0) {
      void send();
      return;
    }
    modal.confirm({
      title: t('paste.mismatchTitle'),
      content: (
        <div className="confirm-body" data-testid="paste-mismatch">
          {notes.map((n) => <p key={n}>{n}</p>)}
          <p>{t('paste.willAssign', { orders: plan.entries.length })}</p>
        </div>
      ),
      okText: t('paste.continue'),
      cancelText: t('common.cancel'),
      onOk: send,
    });
  }, [paste, shopId, message, modal, clearChecks, onChanged]);

  // Ctrl+V over checked rows: the clipboard's text from the paste event (no clipboard permission needed).
  const pasteRef = useRef(applyPaste);
  pasteRef.current = applyPaste;
  const blockedRef = useRef(false);
  blockedRef.current = pasteOpen || openOrderNo !== null || busy !== null || checked.size === 0;
  useEffect(() => {
    if (!active) return;
    const onPaste = (e: ClipboardEvent) => {
      if (blockedRef.current || isTextField(e.target) || isTextField(document.activeElement)) return;
      e.preventDefault();
      pasteRef.current(e.clipboardData?.getData('text/plain') ?? '');
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [active]);

  // ---- Fill, undo, export --------------------------------------------------------------------

  const runAction = async (a: OrdersAction) => {
    if (a === 'paste') {
      setPasteOpen(true);
      return;
    }
    if (a === 'undo') {
      modal.confirm({
        title: t('fill.undoTitle'),
        content: <div className="confirm-body">{t('fill.undoBody')}</div>,
        okText: t('fill.undo'),
        okButtonProps: { danger: true, 'data-testid': 'fill-undo-ok' } as ButtonProps,
        cancelText: t('common.cancel'),
        onOk: async () => {
          setBusy('undo');
          try {
            const r = await call('allocation.undoFill', { shopId });
            if (r.fillId === null) message.info(t('fill.undoNone'));
            else message.success(t('fill.undone', { released: r.released }));
            onChanged();
          } catch (e) {
            modal.error({ title: t('fill.undoFailed'), content: errorData(e).message });
          } finally {
            setBusy(null);
          }
        },
      });
      return;
    }
    setBusy(a);
    try {
      if (a === 'fill') {
        const r = await call('allocation.fill', { shopId });
        setFillResult(r);
        onChanged();
      } else {
        const r = await call('messages.export', { shopId });
        if (r.count === 0) message.info(t('messages.none'));
        else {
          saveBytes(r.name, r.bytes);
          message.success(t('messages.exported', { count: r.count, name: r.name }));
        }
      }
    } catch (e) {
      message.error(errorData(e).message);
    } finally {
      setBusy(null);
    }
  };

  const showEmpty = summary !== null && summary.total === 0;

  return (
    <div className="screen" hidden={!active} data-testid="orders-screen">
      {panels}
      {showEmpty ? (
        <EmptyDropZone onPick={onPickImport} />
      ) : (
        <>
          <SummaryCards summary={summary} active={card} onPick={pickCard} />
          <OrdersActionBar busy={busy} checkedCount={checked.size} onAction={(a) => void runAction(a)} onClearChecks={clearChecks} />
          <OrdersToolbar
            filter={filter}
            onFilter={onFilter}
            filled={filled}
            onFilled={setFilled}
            reason={reason}
            onReason={onReason}
            search={searchInput}
            onSearch={setSearchInput}
            summary={summary}
            total={pages.total}
            searchRef={searchRef}
          />
          <OrdersGrid
            pages={pages}
            queryKey={queryKey}
            sort={sort.key}
            desc={sort.desc}
            onSort={onSort}
            now={now}
            selectedOrderNo={openOrderNo}
            onOpen={setOpenOrderNo}
            scrollRequest={scrollRequest}
            checked={checked}
            onCheck={selection.toggle}
            onClearChecks={clearChecks}
            onReveal={setRevealOrderNo}
          />
        </>
      )}
      <OrderDrawer
        shopId={shopId}
        orderNo={openOrderNo}
        now={now}
        onClose={() => setOpenOrderNo(null)}
        products={products}
        refreshKey={refreshKey}
        onChanged={onChanged}
        onOpenProduct={(skuKey, edit) => {
          setOpenOrderNo(null);
          onOpenProduct(skuKey, edit);
        }}
      />
      <OrderRevealModal shopId={shopId} orderNo={revealOrderNo} onClose={() => setRevealOrderNo(null)} />
      <FillSummaryModal result={fillResult} onClose={() => setFillResult(null)} />
      <PasteItemsModal
        open={pasteOpen}
        targets={paste.targets}
        skipped={[
          ...(paste.skipped ? [t('paste.skipped', { count: paste.skipped })] : []),
          ...(paste.unready ? [t('paste.unready', { count: paste.unready })] : []),
        ]}
        busy={busy === 'paste'}
        onCancel={() => setPasteOpen(false)}
        onSubmit={applyPaste}
      />
    </div>
  );
}
