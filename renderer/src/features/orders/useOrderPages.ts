/**
 * Rows for the virtual grid, fetched in pages of PAGE_SIZE as the visible range moves: first the
 * pages on screen, then whole pages ahead in the scroll direction (and one behind), a few requests
 * at a time, so a fling rarely reaches rows that are not there yet. Pages are cached (a bounded
 * number; far-away ones are dropped). A new query starts an empty cache; a
 * refresh of the same query (after an import) keeps showing the old rows until the new ones
 * arrive, so the grid does not flash.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CheckedOrder, OrdersQuery } from '../../../../shared/contract';
import type { Order, OrderQueryFilter } from '../../../../shared/domain';
import type { AppErrorData } from '../../../../shared/errors';
import { call, errorData } from '../../bridge';

export const PAGE_SIZE = 200;
const MAX_CACHED_PAGES = 80;
const MAX_PARALLEL = 4;
/** Whole pages fetched ahead in the scroll direction once the visible ones are there. */
const READ_AHEAD_PAGES = 3;
/** And behind it (a fling that turns back). */
const READ_BEHIND_PAGES = 1;

/**
 * What the grid asks orders.list for, paging aside (offset, limit): OrdersQuery with a sort always
 * set, and one of the grid's filters (the 即将超时 card is the shippable filter by deadline).
 */
export type OrdersQueryState = Pick<OrdersQuery, 'shopId' | 'reason' | 'search' | 'skuKey' | 'filled' | 'rule' | 'findings' | 'shipState' | 'exportId'>
  & Required<Pick<OrdersQuery, 'sort' | 'desc'>>
  & { filter: OrderQueryFilter };

interface Cache {
  queryKey: string;
  pages: Map<number, Order[]>;
  inflight: Set<number>;
  total: number | null;
  /** The previous cache of the same query, shown until this one has the page. */
  stale: Cache | null;
}

export interface OrderPages {
  /** null until the first page of this query arrives. */
  total: number | null;
  getRow(index: number): Order | undefined;
  /** Ask for the rows [start, end] (inclusive); fetches the missing pages. */
  ensureRange(start: number, end: number): void;
  error: AppErrorData | null;
  retry(): void;
  /** Every order of the current query, light, in grid order (Ctrl+A checks them all). */
  fetchAllChecks(): Promise<CheckedOrder[]>;
}

function queryParams(q: OrdersQueryState): Omit<OrdersQuery, 'offset' | 'limit'> {
  return {
    shopId: q.shopId,
    filter: q.filter,
    reason: q.reason,
    search: q.search || undefined,
    skuKey: q.skuKey,
    filled: q.filled,
    rule: q.rule,
    findings: q.findings,
    shipState: q.shipState,
    exportId: q.exportId,
    sort: q.sort,
    desc: q.desc,
  };
}

function emptyCache(queryKey: string, stale: Cache | null): Cache {
  return { queryKey, pages: new Map(), inflight: new Set(), total: stale?.total ?? null, stale };
}

/** `version`: the shop's data version (useShop); a new one refetches the same query. */
export function useOrderPages(query: OrdersQueryState | null, version: number): OrderPages {
  const queryKey = useMemo(() => (query ? JSON.stringify(query) : ''), [query]);
  const cacheRef = useRef<Cache>(emptyCache('', null));
  const lastRange = useRef<[number, number]>([0, 60]);
  /** +1 scrolling down, -1 up (from the last two ranges). */
  const direction = useRef(1);
  const [, setRenders] = useState(0);
  const [error, setError] = useState<AppErrorData | null>(null);
  const bump = useCallback(() => setRenders((n) => n + 1), []);

  // A new cache per query or refresh, created during render so getRow never mixes queries.
  const cacheId = `${queryKey}#${version}`;
  const idRef = useRef('');
  if (idRef.current !== cacheId) {
    const prev = cacheRef.current;
    const sameQuery = prev.queryKey === queryKey && idRef.current !== '';
    cacheRef.current = emptyCache(queryKey, sameQuery ? { ...prev, stale: null } : null);
    if (!sameQuery) lastRange.current = [0, 60];
    idRef.current = cacheId;
  }

  const queryRef = useRef(query);
  queryRef.current = query;

  // Stable functions over refs: the virtualizer calls ensureRange on every scroll frame.
  const loader = useMemo(() => {
    const fetchPage = (cache: Cache, page: number) => {
      const q = queryRef.current;
      if (!q || cache.inflight.has(page) || cache.pages.has(page)) return;
      cache.inflight.add(page);
      call('orders.list', { ...queryParams(q), offset: page * PAGE_SIZE, limit: PAGE_SIZE })
        .then((res) => {
          cache.inflight.delete(page);
          if (cacheRef.current !== cache) return;
          cache.pages.set(page, res.rows);
          cache.total = res.total;
          if (cache.pages.size === 1) cache.stale = null;
          evict(cache, lastRange.current);
          setError(null);
          bump();
          pump(cache);
        })
        .catch((e: unknown) => {
          cache.inflight.delete(page);
          if (cacheRef.current !== cache) return;
          setError(errorData(e));
        });
    };
    /**
     * Fetch the missing pages of the last asked range, a few at a time: first the pages the
     * visible rows are on, then READ_AHEAD_PAGES whole pages in the scroll direction and
     * READ_BEHIND_PAGES behind. Only the last range counts: a scrollbar dragged across 100,000
     * rows leaves at most MAX_PARALLEL requests behind it.
     */
    const pump = (cache: Cache) => {
      if (!queryRef.current || cacheRef.current !== cache) return;
      const [start, end] = lastRange.current;
      const lastPage = cache.total === null ? Infinity : Math.max(0, Math.ceil(cache.total / PAGE_SIZE) - 1);
      const first = Math.min(Math.floor(start / PAGE_SIZE), lastPage);
      const upto = Math.min(Math.floor(end / PAGE_SIZE), lastPage);
      const wanted: number[] = [];
      for (let p = first; p <= upto; p++) wanted.push(p);
      const down = direction.current >= 0;
      for (let i = 1; i <= READ_AHEAD_PAGES; i++) {
        const p = down ? upto + i : first - i;
        if (p >= 0 && p <= lastPage) wanted.push(p);
      }
      for (let i = 1; i <= READ_BEHIND_PAGES; i++) {
        const p = down ? first - i : upto + i;
        if (p >= 0 && p <= lastPage) wanted.push(p);
      }
      for (const p of wanted) {
        if (cache.inflight.size >= MAX_PARALLEL) break;
        if (!cache.pages.has(p)) fetchPage(cache, p);
      }
    };
    return { pump };
  }, [bump]);
  const { pump } = loader;

  useEffect(() => {
    if (!query) return;
    setError(null);
    pump(cacheRef.current);
  }, [cacheId, query, pump]);

  const ensureRange = useCallback(
    (start: number, end: number) => {
      const [prevStart] = lastRange.current;
      if (start !== prevStart) direction.current = start > prevStart ? 1 : -1;
      lastRange.current = [start, end];
      pump(cacheRef.current);
    },
    [pump],
  );

  const getRow = useCallback((index: number): Order | undefined => {
    const cache = cacheRef.current;
    const page = Math.floor(index / PAGE_SIZE);
    const rows = cache.pages.get(page) ?? cache.stale?.pages.get(page);
    return rows?.[index % PAGE_SIZE];
  }, []);

  const retry = useCallback(() => {
    setError(null);
    pump(cacheRef.current);
  }, [pump]);

  const fetchAllChecks = useCallback(async (): Promise<CheckedOrder[]> => {
    const q = queryRef.current;
    if (!q) return [];
    return (await call('orders.checkAll', queryParams(q))).rows;
  }, []);

  const cache = cacheRef.current;
  return { total: cache.total, getRow, ensureRange, error, retry, fetchAllChecks };
}

/** Drop the cached pages farthest from the visible range once the cache is full. */
function evict(cache: Cache, [start, end]: [number, number]): void {
  if (cache.pages.size <= MAX_CACHED_PAGES) return;
  const mid = (start + end) / 2 / PAGE_SIZE;
  const byDistance = [...cache.pages.keys()].sort((a, b) => Math.abs(b - mid) - Math.abs(a - mid));
  for (const p of byDistance.slice(0, cache.pages.size - MAX_CACHED_PAGES)) cache.pages.delete(p);
}
