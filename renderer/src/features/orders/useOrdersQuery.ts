/**
 * What the orders grid shows: the filter (tabs and count cards), content filled or not, the
 * reason, the rule findings (one rule, or any active block), the search (debounced) and the sort;
 * the count cards and the tabs stay in step.
 */
import { useCallback, useMemo, useState } from 'react';
import type { OrderFilter, OrderSortKey, OrdersSummary, ReasonCode, RuleId } from '../../../../shared/domain';
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
  const [card, setCard] = useState<SummaryView | null>('total');
  const [searchInput, setSearchInput] = useState('');
  const search = useDebounced(searchInput.trim(), 250);
  const [sort, setSort] = useState<SortState>(DEFAULT_SORT);
  const [scrollRequest, setScrollRequest] = useState<{ index: number; seq: number } | null>(null);

  const query = useMemo<OrdersQueryState>(
    () => ({
      shopId, filter, reason, search: search || undefined, sort: sort.key, desc: sort.desc,
      filled: filled === 'any' ? undefined : filled === 'filled',
      rule, findings: blockedByRule ? 'block' : undefined,
    }),
    [shopId, filter, reason, search, sort, filled, rule, blockedByRule],
  );
  const queryKey = useMemo(() => JSON.stringify(query), [query]);

  const pickCard = (view: SummaryView) => {
    setCard(view);
    setReason(undefined);
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

  const onSort = useCallback(
    (key: OrderSortKey) => setSort((s) => (s.key !== key ? { key, desc: false } : !s.desc ? { key, desc: true } : DEFAULT_SORT)),
    [],
  );

  return {
    query, queryKey, filter, filled, reason, rule, blockedByRule, card, searchInput, sort, scrollRequest,
    pickCard, onFilter, onReason, onSort, setFilled, setSearchInput, setRule, setBlockedByRule, showRule,
  };
}
