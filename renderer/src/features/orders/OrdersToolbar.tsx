/** Filter, content (filled or not), reason, rule findings and search controls above the grid. */
import type { Ref } from 'react';
import { Button, Input, Segmented, Select, type InputRef } from 'antd';
import { SearchOutlined, StopOutlined } from '@ant-design/icons';
import { REASONS, RULE_IDS, type OrderFilter, type OrdersSummary, type ReasonCode, type RuleId } from '../../../../shared/domain';
import { reasonLabel, t } from '../../i18n';
import { ruleTitle } from '../rules';
import './orders.css';

/** Orders with content, without, or both. */
export type FilledFilter = 'any' | 'filled' | 'unfilled';
const FILLED: FilledFilter[] = ['any', 'filled', 'unfilled'];

export interface OrdersToolbarProps {
  filter: OrderFilter;
  onFilter: (f: OrderFilter) => void;
  filled: FilledFilter;
  onFilled: (f: FilledFilter) => void;
  reason: ReasonCode | undefined;
  onReason: (r: ReasonCode | undefined) => void;
  /** Only orders with an active finding of this rule. */
  rule: RuleId | undefined;
  onRule: (r: RuleId | undefined) => void;
  /** 有拦截: only orders with an active block. */
  blockedByRule: boolean;
  onBlockedByRule: (on: boolean) => void;
  search: string;
  onSearch: (s: string) => void;
  summary: OrdersSummary | null;
  total: number | null;
  searchRef?: Ref<InputRef>;
}

const FILTERS: OrderFilter[] = ['all', 'shippable', 'blocked', 'overdue'];

const ALL_RULES = '';

export function OrdersToolbar({
  filter, onFilter, filled, onFilled, reason, onReason, rule, onRule, blockedByRule, onBlockedByRule, search, onSearch, summary, total, searchRef,
}: OrdersToolbarProps) {
  const reasonOptions = (Object.keys(REASONS) as ReasonCode[]).map((code) => {
    const count = summary?.byReason[code] ?? 0;
    return { value: code, label: t('filter.reasonOption', { label: reasonLabel(code), count }), disabled: count === 0 && reason !== code };
  });
  return (
    <div className="orders-toolbar">
      <Segmented<OrderFilter>
        value={filter}
        onChange={onFilter}
        options={FILTERS.map((f) => ({ value: f, label: t(`filter.${f}`) }))}
        data-testid="filter"
      />
      <Select<FilledFilter>
        value={filled}
        onChange={onFilled}
        options={FILLED.map((f) => ({ value: f, label: t(`filter.filled.${f}`) }))}
        style={{ width: 116 }}
        popupMatchSelectWidth={false}
        data-testid="filled-filter"
      />
      <Select<ReasonCode>
        allowClear
        placeholder={t('filter.reasonPlaceholder')}
        value={reason}
        onChange={(v) => onReason(v ?? undefined)}
        options={reasonOptions}
        style={{ width: 200 }}
        popupMatchSelectWidth={false}
        data-testid="reason-filter"
      />
      <Select<RuleId | typeof ALL_RULES>
        value={rule ?? ALL_RULES}
        onChange={(v) => onRule(v === ALL_RULES ? undefined : v)}
        options={[
          { value: ALL_RULES, label: t('filter.allRules') },
          ...RULE_IDS.map((id) => ({ value: id, label: ruleTitle(id) })),
        ]}
        style={{ width: 168 }}
        popupMatchSelectWidth={false}
        className={rule ? 'rule-filter-on' : undefined}
        data-testid="rule-filter"
      />
      <Button
        icon={<StopOutlined />}
        type={blockedByRule ? 'primary' : 'default'}
        danger={blockedByRule}
        aria-pressed={blockedByRule}
        onClick={() => onBlockedByRule(!blockedByRule)}
        title={t('filter.ruleBlockedTip')}
        data-testid="rule-blocked-filter"
      >
        {t('filter.ruleBlocked')}
      </Button>
      <Input
        ref={searchRef}
        allowClear
        prefix={<SearchOutlined className="muted" />}
        placeholder={t('search.placeholder')}
        value={search}
        onChange={(e) => onSearch(e.target.value)}
        style={{ width: 210 }}
        maxLength={100}
        data-testid="search"
      />
      <span className="toolbar-spacer" />
      <span className="muted grid-total" data-testid="grid-total">{total === null ? '' : t('grid.total', { total })}</span>
    </div>
  );
}
