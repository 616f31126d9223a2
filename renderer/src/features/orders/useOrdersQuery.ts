/**
 * What the orders grid shows: the filter (tabs and count cards), content filled or not, the
 * reason, the rule findings (one rule, or any active block), the ship state (发货进度 counts), one
 * export's orders, the search (debounced) and the sort; the count cards and the tabs stay in step.
 */
import { useCallback, useMemo, useState } from 'react';
import type { LeftOutCode, OrderFilter, OrderSortKey, OrdersSummary, ReasonCode, RuleId, ShipState } from '../../../../shared/domain';
import { useDebounced } from '../../lib/useDebounced';
import type { FilledFilter } from './OrdersToolbar';
import type { SummaryView } from './SummaryCards';
import type { OrdersQueryState } from './useOrderPages';

export interface SortState { key: OrderSortKey; desc: boolean }
const DEFAULT_SORT: SortState = { key: 'shipBy', desc: false };

export function useOrdersQuery(shopId: number, summary: OrdersSummary | null) {
  const [filter, setFilter] = useState<OrderFilter>('all');
  const [filled, setFilled] = useState<FilledFilter>('any');
  const [reason, setReason] = useState<ReasonCode | undefined>();
  const [rule, setRule] = useState<RuleId | undefined>();
  /** Only orders with an active (not overridden) block. */
  const [blockedByRule, setBlockedByRule] = useState(false);
  const [shipState, setShipState] = useState<ShipState | undefined>();
  /** Only the orders of one export (from 发货记录). */
  const [exportId, setExportId] = useState<number | undefined>();
  const [cardState, setCard] = useState<SummaryView | null>('total');
  // A ship state picked is the view: no count card is lit with it.
  const card = shipState ? null : cardState;
  const [searchInput, setSearchInput] = useState('');
  const search = useDebounced(searchInput.trim(), 250);
  const [sort, setSort] = useState<SortState>(DEFAULT_SORT);
  const [scrollRequest, setScrollRequest] = useState<{ index: number; seq: number } | null>(null);

  const query = useMemo<OrdersQueryState>(
    () => ({
      shopId, filter, reason, search: search || undefined, sort: sort.key, desc: sort.desc,
      filled: filled === 'any' ? undefined : filled === 'filled',
      rule, findings: blockedByRule ? 'block' : undefined, shipState, exportId,
    }),
    [shopId, filter, reason, search, sort, filled, rule, blockedByRule, shipState, exportId],
  );
  const queryKey = useMemo(() => JSON.stringify(query), [query]);

  const pickCard = (view: SummaryView) => {
    setCard(view);
    setReason(undefined);
    setShipState(undefined);
    setExportId(undefined);
    if (view === 'dueSoon') {
      // The shippable orders by deadline, scrolled past the overdue ones (they come first), so
      // the first rows are the ones due within DUE_SOON_HOURS.
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

  /** A rule picked elsewhere (the 规则检查 screen): its orders, whatever their state. */
  const showRule = useCallback((r: RuleId) => {
    setRule(r);
    setFilter('all');
    setCard('total');
    setReason(undefined);
  }, []);

  /**
   * A 发货进度 count: the shop's orders in that ship state, as many as the count says — the other
   * filters that would hide some of them are let go (a second click: all orders again).
   */
  const pickShipState = (s: ShipState) => {
    setShipState((cur) => (cur === s ? undefined : s));
    setExportId(undefined);
    setFilter('all');
    setReason(undefined);
    setFilled('any');
    setRule(undefined);
    setBlockedByRule(false);
  };

  /** One export's orders (from 发货记录): the other filters are cleared so all of them show. */
  const showExport = useCallback((id: number) => {
    setExportId(id);
    setShipState(undefined);
    setFilter('all');
    setCard('total');
    setReason(undefined);
    setRule(undefined);
    setBlockedByRule(false);
    setFilled('any');
    setSearchInput('');
  }, []);

  /** 查看 on a reason the export dialog left orders out for: the waiting orders it concerns. */
  const showLeftOut = useCallback((code: LeftOutCode) => {
    setExportId(undefined);
    setReason(undefined);
    setRule(undefined);
    setBlockedByRule(false);
    setFilled('any');
    setSearchInput('');
    setShipState(undefined);
    setFilter('shippable');
    setCard('shippable');
    if (code === 'NOT_FILLED') setFilled('unfilled');
    else if (code === 'RULE_BLOCKED') setBlockedByRule(true);
    else if (code === 'MESSAGE_DIVERSION') setRule('NO_DIVERSION');
    else if (code === 'EXPORTED') setShipState('exported');
    else if (code === 'NOT_CHOSEN') setShipState('ready');
  }, []);

  const onSort = useCallback(
    (key: OrderSortKey) => setSort((s) => (s.key !== key ? { key, desc: false } : !s.desc ? { key, desc: true } : DEFAULT_SORT)),
    [],
  );

  return {
    query, queryKey, filter, filled, reason, rule, blockedByRule, card, searchInput, sort, scrollRequest, shipState, exportId,
    pickCard, onFilter, onReason, onSort, setFilled, setSearchInput, setRule, setBlockedByRule, showRule,
    pickShipState, showExport, showLeftOut, clearExport: () => setExportId(undefined),
  };
}
