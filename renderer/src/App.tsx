/**
 * The orders screen: pick a shop, import the PDD order export (button, Ctrl+O or drop anywhere),
 * see the counts and every order in a virtual grid, open one for its detail.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { App as AntApp, Button, Result, Spin, type InputRef } from 'antd';
import type { AppInfo, ImportProgress, ImportSummary, OrderFilter, OrderSortKey, OrdersSummary, ReasonCode, Shop } from '../../shared/domain';
import type { AppErrorData } from '../../shared/errors';
import { call, errorData, getBridge } from './bridge';
import { t } from './i18n';
import { formatDateTime } from './format/time';
import { IMPORT_ACCEPT, MAX_FILES_PER_IMPORT, toFilePayloads } from './files/payload';
import { useDebounced } from './hooks/useDebounced';
import { useNow } from './hooks/useNow';
import { useOrderPages, type OrdersQueryState } from './hooks/useOrderPages';
import { useWindowFileDrop } from './hooks/useWindowFileDrop';
import { TopBar } from './components/TopBar';
import { SummaryCards, type SummaryView } from './components/SummaryCards';
import { OrdersToolbar } from './components/OrdersToolbar';
import { OrdersGrid } from './components/OrdersGrid';
import { OrderDrawer } from './components/OrderDrawer';
import { EmptyDropZone } from './components/EmptyDropZone';
import { DropOverlay } from './components/DropOverlay';
import { ImportProgressPanel } from './components/ImportProgressPanel';
import { ImportResultPanel } from './components/ImportResultPanel';
import { ImportErrorPanel } from './components/ImportErrorPanel';

type Boot = { state: 'loading' } | { state: 'failed'; error: AppErrorData } | { state: 'ready' };
interface SortState { key: OrderSortKey; desc: boolean }
const DEFAULT_SORT: SortState = { key: 'shipBy', desc: false };

/** Shops and the current one; a fresh data folder gets one default shop so import works at once. */
async function loadShops(): Promise<{ shops: Shop[]; currentShopId: number }> {
  const [shops, settings] = await Promise.all([call('shops.list', undefined), call('settings.get', undefined)]);
  if (shops.length === 0) shops.push(await call('shops.create', { name: t('shop.defaultName') }));
  const known = shops.some((s) => s.id === settings.currentShopId);
  const currentShopId = known ? settings.currentShopId : shops[0].id;
  if (!known) await call('settings.set', { currentShopId });
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

  const [filter, setFilter] = useState<OrderFilter>('all');
  const [reason, setReason] = useState<ReasonCode | undefined>();
  const [card, setCard] = useState<SummaryView | null>('total');
  const [searchInput, setSearchInput] = useState('');
  const search = useDebounced(searchInput.trim(), 250);
  const [sort, setSort] = useState<SortState>(DEFAULT_SORT);
  const [openOrderNo, setOpenOrderNo] = useState<string | null>(null);
  const [scrollRequest, setScrollRequest] = useState<{ index: number; seq: number } | null>(null);

  const [importing, setImporting] = useState<{ fileCount: number } | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [importResult, setImportResult] = useState<ImportSummary | null>(null);
  const [importError, setImportError] = useState<AppErrorData | null>(null);
  const importingRef = useRef(false);
  const waitingFiles = useRef<File[]>([]);

  const inputRef = useRef<HTMLInputElement>(null);
  const searchRef = useRef<InputRef>(null);

  const start = useCallback(() => {
    setBoot({ state: 'loading' });
    loadShops()
      .then(({ shops: list, currentShopId }) => {
        setShops(list);
        setShopId(currentShopId);
        setBoot({ state: 'ready' });
      })
      .catch((e: unknown) => setBoot({ state: 'failed', error: errorData(e) }));
    call('app.info', undefined).then(setInfo, () => undefined);
  }, []);
  useEffect(start, [start]);

  // Counts: after each import, on shop switch, and each minute (overdue/due-soon move with time).
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
    let pending: ImportProgress | null = null;
    let frame = 0;
    const off = getBridge().on('import.progress', (p) => {
      if (!importingRef.current) return;
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

  const query = useMemo<OrdersQueryState | null>(
    () => (shopId === null ? null : { shopId, filter, reason, search: search || undefined, sort: sort.key, desc: sort.desc }),
    [shopId, filter, reason, search, sort],
  );
  const pages = useOrderPages(query, refreshKey);
  const queryKey = useMemo(() => JSON.stringify(query), [query]);

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
      setImporting({ fileCount: files.length });
      setProgress(null);
      setImportResult(null);
      setImportError(null);
      try {
        const result = await call('orders.import', { shopId, files: await toFilePayloads(files) });
        setImportResult(result);
        setRefreshKey((k) => k + 1);
      } catch (e) {
        setImportError(errorData(e));
      } finally {
        importingRef.current = false;
        setImporting(null);
        setProgress(null);
      }
    },
    [shopId, message],
  );

  useEffect(() => {
    if (shopId === null || !waitingFiles.current.length) return;
    void runImport(waitingFiles.current.splice(0));
  }, [shopId, runImport]);

  const dragging = useWindowFileDrop(runImport);
  const openPicker = useCallback(() => inputRef.current?.click(), []);

  // Windows conventions: Ctrl+O opens files, Ctrl+F finds an order. Esc closes the drawer (antd).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      const key = e.key.toLowerCase();
      if (key === 'o') {
        e.preventDefault();
        openPicker();
      } else if (key === 'f') {
        e.preventDefault();
        searchRef.current?.focus({ cursor: 'all' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openPicker]);

  const resetView = () => {
    setFilter('all');
    setReason(undefined);
    setCard('total');
    setSearchInput('');
    setSort(DEFAULT_SORT);
    setOpenOrderNo(null);
  };

  const switchShop = (id: number) => {
    if (id === shopId) return;
    resetView();
    setSummary(null);
    setImportResult(null);
    setImportError(null);
    setShopId(id);
    call('settings.set', { currentShopId: id }).catch((e: unknown) => message.error(errorData(e).message));
  };

  const onShopCreated = (shop: Shop) => {
    setShops((list) => [...list.filter((s) => s.id !== shop.id), shop]);
    switchShop(shop.id);
  };

  const pickCard = (view: SummaryView) => {
    setCard(view);
    setReason(undefined);
    if (view === 'dueSoon') {
      // No due-soon filter in the contract yet: the shippable orders by deadline, scrolled past
      // the overdue ones (they come first), so the first rows are the ones due within 6 hours.
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

  const onSort = (key: OrderSortKey) =>
    setSort((s) => (s.key !== key ? { key, desc: false } : !s.desc ? { key, desc: true } : DEFAULT_SORT));

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

  const showEmpty = summary !== null && summary.total === 0;

  return (
    <div className="app">
      <TopBar
        shops={shops}
        currentShopId={shopId}
        onSwitchShop={switchShop}
        onShopCreated={onShopCreated}
        onImport={openPicker}
        importing={importing !== null}
      />
      <main className="content">
        {importing && <ImportProgressPanel progress={progress} fileCount={importing.fileCount} />}
        {importError && <ImportErrorPanel error={importError} onClose={() => setImportError(null)} />}
        {importResult && <ImportResultPanel summary={importResult} onClose={() => setImportResult(null)} />}
        {showEmpty ? (
          <EmptyDropZone onPick={openPicker} />
        ) : (
          <>
            <SummaryCards summary={summary} active={card} onPick={pickCard} />
            <OrdersToolbar
              filter={filter}
              onFilter={onFilter}
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
            />
          </>
        )}
      </main>
      <footer className="status-bar">
        <span>{summary?.lastImportAt ? t('status.lastImport', { time: formatDateTime(summary.lastImportAt) }) : t('status.neverImported')}</span>
        <span className="toolbar-spacer" />
        {info && <span className="status-dir" title={info.dataDir}>{t('status.dataDir', { dir: info.dataDir })}</span>}
        {info && <span>{t(info.host === 'electron' ? 'status.host.electron' : 'status.host.web')}</span>}
        {info && <span>{t('status.version', { version: info.version })}</span>}
      </footer>
      {shopId !== null && <OrderDrawer shopId={shopId} orderNo={openOrderNo} now={now} onClose={() => setOpenOrderNo(null)} />}
      <DropOverlay visible={dragging} />
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
