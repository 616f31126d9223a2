/**
 * What the orders grid shows: the view (the count cards are the filter: 全部, 可发货, 不可发货,
 * 已超时, 即将超时), content filled or not, the reason, the rule findings (one rule, or any active
 * block), the ship state (发货进度 counts), one product (商品/商家编码), one export's orders, the
 * search (debounced) and the sort.
 */
import { useCallback, useMemo, useState } from 'react';
import type { LeftOutCode, OrderSortKey, OrdersSummary, ReasonCode, RuleId, ShipState } from '../../../../shared/domain';
import { useDebounced } from '../../lib/useDebounced';
import type { FilledFilter } from './OrdersToolbar';
import type { SummaryView } from './SummaryCards';
import type { OrdersQueryState } from './useOrderPages';

export interface SortState { key: OrderSortKey; desc: boolean }
const DEFAULT_SORT: SortState = { key: 'shipBy', desc: false };

// `summary` is kept in the signature for the callers; the cards carry their own counts.
export function useOrdersQuery(shopId: number, _summary?: OrdersSummary | null) {
  /** The lit count card: the one filter of the order state (no separate tabs to disagree with it). */
  const [view, setView] = useState<SummaryView>('total');
  const [filled, setFilled] = useState<FilledFilter>('any');
  const [reason, setReason] = useState<ReasonCode | undefined>();
  const [rule, setRule] = useState<RuleId | undefined>();
  /** Only orders with an active (not overridden) block. */
  const [blockedByRule, setBlockedByRule] = useState(false);
  const [shipState, setShipState] = useState<ShipState | undefined>();
  /** Only the orders of one product (商品/商家编码). */
  const [skuKey, setSkuKey] = useState<string | undefined>();
  /** Only the orders of one export (from 发货记录). */
  const [exportId, setExportId] = useState<number | undefined>();
  // A ship state picked is the view: no count card is lit with it.
  const card: SummaryView | null = shipState ? null : view;
  const filter = shipState ? 'all' : view === 'total' ? 'all' : view;
  const [searchInput, setSearchInput] = useState('');
  const search = useDebounced(searchInput.trim(), 250);
  const [sort, setSort] = useState<SortState>(DEFAULT_SORT);

  const query = useMemo<OrdersQueryState>(
    () => ({
      shopId, filter, reason, search: search || undefined, sort: sort.key, desc: sort.desc,
      filled: filled === 'any' ? undefined : filled === 'filled',
      rule, findings: blockedByRule ? 'block' : undefined, shipState, exportId, skuKey,
    }),
    [shopId, filter, reason, search, sort, filled, rule, blockedByRule, shipState, exportId, skuKey],
  );
  const queryKey = useMemo(() => JSON.stringify(query), [query]);

  /** Anything but the search narrows the grid (the 在「全部」中找到 hint looks past it). */
  const narrowed = view !== 'total' || shipState !== undefined || reason !== undefined || rule !== undefined
    || blockedByRule || filled !== 'any' || skuKey !== undefined || exportId !== undefined;

  /** A count card: its orders (the reason, ship state and export go; a product picked stays). */
  const pickCard = useCallback((v: SummaryView) => {
    setView(v);
    setReason(undefined);
    setShipState(undefined);
    setExportId(undefined);
  }, []);

  const onReason = useCallback((r: ReasonCode | undefined) => {
    setReason(r);
    if (r) {
      setView('blocked');
      setShipState(undefined);
    }
  }, []);

  /** Every filter but the search goes: 查看 on 在「全部」中找到 N 个. */
  const clearFilters = useCallback(() => {
    setView('total');
    setReason(undefined);
    setRule(undefined);
    setBlockedByRule(false);
    setShipState(undefined);
    setSkuKey(undefined);
    setExportId(undefined);
    setFilled('any');
  }, []);

  /** A rule picked elsewhere (the 规则检查 screen): its orders, whatever their state. */
  const showRule = useCallback((r: RuleId) => {
    setRule(r);
    setView('total');
    setReason(undefined);
  }, []);

  /**
   * A 发货进度 count: the shop's orders in that ship state, as many as the count says — the other
   * filters that would hide some of them are let go (a second click: all orders again).
   */
  const pickShipState = useCallback((s: ShipState) => {
    setShipState((cur) => (cur === s ? undefined : s));
    setExportId(undefined);
    setView('total');
    setReason(undefined);
    setFilled('any');
    setRule(undefined);
    setBlockedByRule(false);
    setSkuKey(undefined);
  }, []);

  /** One export's orders (from 发货记录): the other filters are cleared so all of them show. */
  const showExport = useCallback((id: number) => {
    clearFilters();
    setExportId(id);
    setSearchInput('');
  }, [clearFilters]);

  /**
   * One product's orders (the fill summary's 查看订单): with `unfilledOnly`, the shippable ones
   * still without content (what a fill would fill); else all of them. The other filters and the
   * search go, so the grid shows exactly those.
   */
  const showProductOrders = useCallback((key: string, unfilledOnly: boolean) => {
    clearFilters();
    setSearchInput('');
    setSkuKey(key);
    if (unfilledOnly) {
      setView('shippable');
      setFilled('unfilled');
    }
  }, [clearFilters]);

  /** 查看 on a reason the export dialog left orders out for: the waiting orders it concerns. */
  const showLeftOut = useCallback((code: LeftOutCode) => {
    clearFilters();
    setSearchInput('');
    setView('shippable');
    if (code === 'NOT_FILLED') setFilled('unfilled');
    else if (code === 'RULE_BLOCKED') setBlockedByRule(true);
    else if (code === 'MESSAGE_DIVERSION') setRule('NO_DIVERSION');
    else if (code === 'EXPORTED') setShipState('exported');
    else if (code === 'NOT_CHOSEN') setShipState('ready');
  }, [clearFilters]);

  const onSort = useCallback(
    (key: OrderSortKey) => setSort((s) => (s.key !== key ? { key, desc: false } : !s.desc ? { key, desc: true } : DEFAULT_SORT)),
    [],
  );

  return {
    query, queryKey, filter, filled, reason, rule, blockedByRule, card, searchInput, search, sort, shipState, exportId, skuKey, narrowed,
    pickCard, onReason, onSort, setFilled, setSearchInput, setRule, setBlockedByRule, setSkuKey, showRule, clearFilters,
    pickShipState, showExport, showLeftOut, showProductOrders, clearExport: () => setExportId(undefined),
  };
}
