/**
 * Controls above the grid (the order state is the count cards'): content (filled or not), reason,
 * rule findings, the product (商品/商家编码, searchable like PDD's 订单查询), the search, and the
 * 在「全部」中找到 N 个 hint when the filters hide what the search matches.
 */
import type { Ref } from 'react';
import { Button, Input, Select, type InputRef } from 'antd';
import { SearchOutlined, StopOutlined } from '@ant-design/icons';
import { REASONS, RULE_IDS, type OrdersSummary, type Product, type ReasonCode, type RuleId } from '../../../../shared/domain';
import { reasonLabel, t } from '../../i18n';
import { ruleTitle } from '../rules';
import './orders.css';

/** Orders with content, without, or both. */
export type FilledFilter = 'any' | 'filled' | 'unfilled';
const FILLED: FilledFilter[] = ['any', 'filled', 'unfilled'];

/** The 商家编码 of a product key, or null when the key is a fallback (样式ID, 商品id + 规格). */
export function skuCodeOf(skuKey: string): string | null {
  return skuKey.startsWith('style:') || skuKey.startsWith('pid:') ? null : skuKey;
}

export interface OrdersToolbarProps {
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
  /** The shop's products, for the 商品/商家编码 filter. */
  products: readonly Product[];
  skuKey: string | undefined;
  onSkuKey: (k: string | undefined) => void;
  search: string;
  onSearch: (s: string) => void;
  /** How many orders the search matches under 全部 when the filters hide some (else null). */
  elsewhere: number | null;
  /** 查看: the filters go, the search stays. */
  onShowElsewhere: () => void;
  summary: OrdersSummary | null;
  total: number | null;
  searchRef?: Ref<InputRef>;
}

const ALL_RULES = '';

export function OrdersToolbar({
  filled, onFilled, reason, onReason, rule, onRule, blockedByRule, onBlockedByRule, products, skuKey, onSkuKey,
  search, onSearch, elsewhere, onShowElsewhere, summary, total, searchRef,
}: OrdersToolbarProps) {
  const productOptions = products.map((p) => {
    const code = skuCodeOf(p.skuKey);
    const name = [p.title, p.spec].filter(Boolean).join(' ');
    return {
      value: p.skuKey,
      label: code ? t('filter.productOption', { name, code }) : name,
      search: `${p.title} ${p.spec} ${code ?? ''}`.toLowerCase(),
    };
  });
  const reasonOptions = (Object.keys(REASONS) as ReasonCode[]).map((code) => {
    const count = summary?.byReason[code] ?? 0;
    return { value: code, label: t('filter.reasonOption', { label: reasonLabel(code), count }), disabled: count === 0 && reason !== code };
  });
  return (
    <div className="orders-toolbar">
      <Select<string>
        allowClear
        showSearch={{ filterOption: (input, option) => (option?.search ?? '').includes(input.trim().toLowerCase()) }}
        placeholder={t('filter.productPlaceholder')}
        value={skuKey}
        onChange={(v) => onSkuKey(v ?? undefined)}
        options={productOptions}
        style={{ width: 200 }}
        popupMatchSelectWidth={420}
        className={skuKey ? 'rule-filter-on' : undefined}
        notFoundContent={t('filter.productNone')}
        data-testid="product-filter"
      />
      <Select<FilledFilter>
        value={filled}
        onChange={onFilled}
        options={FILLED.map((f) => ({ value: f, label: t(`filter.filled.${f}`) }))}
        style={{ width: 100 }}
        popupMatchSelectWidth={false}
        data-testid="filled-filter"
      />
      <Select<ReasonCode>
        allowClear
        placeholder={t('filter.reasonPlaceholder')}
        value={reason}
        onChange={(v) => onReason(v ?? undefined)}
        options={reasonOptions}
        style={{ width: 170 }}
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
        style={{ width: 140 }}
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
        title={t('search.tip')}
        value={search}
        onChange={(e) => onSearch(e.target.value)}
        style={{ width: 236 }}
        maxLength={100}
        data-testid="search"
      />
      {elsewhere !== null && (
        <span className="search-elsewhere" data-testid="search-elsewhere">
          {t('search.elsewhere', { count: elsewhere })}
          <Button type="link" size="small" onClick={onShowElsewhere} data-testid="search-elsewhere-show">{t('search.elsewhereShow')}</Button>
        </span>
      )}
      <span className="toolbar-spacer" />
      <span className="muted grid-total" data-testid="grid-total">{total === null ? '' : t('grid.total', { total })}</span>
    </div>
  );
}
