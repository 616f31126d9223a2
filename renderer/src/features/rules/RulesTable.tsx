/**
 * Every rule with what it found in the shop: its level, the clause of the platform's guidance, the
 * orders and products it holds (active findings) and the blocks released by hand. A row opens on
 * why the rule exists and how to fix its findings; an order count opens those orders.
 */
import { useMemo, useRef, type HTMLAttributes } from 'react';
import { Button, Table, Tag, Tooltip } from 'antd';
import type { RuleCount, RuleId, RuleInfo, RulesSummary } from '../../../../shared/domain';
import { t } from '../../i18n';
import { useElementHeight } from '../../lib/useElementHeight';
import { ruleExplain, ruleFix, ruleTitle } from './finding-text';
import { fixVars, paramLabel, paramValueText } from './rule-params';
import '../../ui/frame.css';
import './rules.css';

const TABLE_HEADER = 40;

export interface RuleRow extends RuleInfo {
  orders: number;
  products: number;
  overridden: number;
}

/** The rules with their counts (a rule may count under both levels: NO_DIVERSION blocks and warns), those with findings first. */
export function ruleRows(rules: RuleInfo[], summary: RulesSummary | null): RuleRow[] {
  const byRule = new Map<RuleId, Pick<RuleCount, 'orders' | 'products' | 'overridden'>>();
  for (const c of summary?.counts ?? []) {
    const sum = byRule.get(c.rule) ?? { orders: 0, products: 0, overridden: 0 };
    byRule.set(c.rule, { orders: sum.orders + c.orders, products: sum.products + c.products, overridden: sum.overridden + c.overridden });
  }
  const rows = rules.map((r) => ({ ...r, orders: 0, products: 0, overridden: 0, ...byRule.get(r.id) }));
  const rank = (r: RuleRow) => (r.orders + r.products > 0 ? (r.severity === 'block' ? 0 : 1) : 2);
  return rows.map((r, i) => ({ r, i })).sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i).map(({ r }) => r);
}

export function SeverityTag({ severity }: { severity: RuleInfo['severity'] }) {
  return (
    <Tag color={severity === 'block' ? 'red' : 'orange'} className="rule-severity" data-testid="rule-severity">
      {t(`rulesScreen.severity.${severity}`)}
    </Tag>
  );
}

function RuleDetail({ rule, onSettings }: { rule: RuleRow; onSettings: () => void }) {
  return (
    <div className="rule-detail" data-testid="rule-detail">
      <div className="rule-detail-part">
        <div className="rule-detail-label">{t('rulesScreen.explain')}</div>
        <div>{ruleExplain(rule.id)}</div>
      </div>
      <div className="rule-detail-part">
        <div className="rule-detail-label">{t('rulesScreen.fix')}</div>
        <div data-testid="rule-fix">{ruleFix(rule.id, fixVars(rule))}</div>
      </div>
      {rule.params.length > 0 && (
        <div className="rule-detail-params">
          {rule.params.map((p) => (
            <span key={p.name} className="rule-param-chip">
              {paramLabel(rule.id, p.name)}：<span className="strong">{paramValueText(p.name, p.value)}</span>
            </span>
          ))}
          <Button type="link" size="small" onClick={onSettings}>{t('rulesScreen.settings')}</Button>
        </div>
      )}
    </div>
  );
}

function Count({ value, testId, tip, onClick }: { value: number; testId: string; tip: string; onClick?: () => void }) {
  if (value === 0) return <span className="rule-count zero num" data-testid={testId}>0</span>;
  if (!onClick) return <span className="rule-count num" data-testid={testId}>{value}</span>;
  return (
    <Tooltip title={tip}>
      <Button
        type="link"
        size="small"
        className="rule-count num"
        data-testid={testId}
        onClick={(e) => {
          e.stopPropagation();
          onClick();
        }}
      >
        {value}
      </Button>
    </Tooltip>
  );
}

export function RulesTable({ rows, loading, onShowOrders, onShowProducts, onSettings }: {
  rows: RuleRow[];
  loading: boolean;
  onShowOrders: (rule: RuleId) => void;
  onShowProducts: () => void;
  onSettings: () => void;
}) {
  const frame = useRef<HTMLDivElement>(null);
  const height = useElementHeight(frame);
  const columns = useMemo(() => [
    {
      key: 'severity', title: t('rulesScreen.col.severity'), width: 76,
      render: (_: unknown, r: RuleRow) => <SeverityTag severity={r.severity} />,
    },
    {
      key: 'rule', title: t('rulesScreen.col.rule'),
      render: (_: unknown, r: RuleRow) => (
        <span className="rule-title-cell">
          <span className="rule-title" data-testid="rule-title">{ruleTitle(r.id)}</span>
          <span className="muted rule-scope">{t(`rulesScreen.scope.${r.scope}`)}</span>
          {r.changed && (
            <Tooltip title={t('rulesScreen.changedTip')}>
              <Tag color="blue" className="rule-changed" data-testid="rule-changed">{t('rulesScreen.changed')}</Tag>
            </Tooltip>
          )}
        </span>
      ),
    },
    {
      key: 'clause', title: t('rulesScreen.col.clause'), width: 170,
      render: (_: unknown, r: RuleRow) => <span className="muted rule-clause" data-testid="rule-clause">{t('rulesScreen.clause', { clause: r.clause })}</span>,
    },
    {
      key: 'orders', title: t('rulesScreen.col.orders'), width: 96, align: 'right' as const,
      render: (_: unknown, r: RuleRow) => (
        <Count value={r.orders} testId="rule-orders" tip={t('rulesScreen.ordersTip', { count: r.orders })} onClick={() => onShowOrders(r.id)} />
      ),
    },
    {
      key: 'products', title: t('rulesScreen.col.products'), width: 96, align: 'right' as const,
      render: (_: unknown, r: RuleRow) => (
        <Count value={r.products} testId="rule-products" tip={t('rulesScreen.productsTip')} onClick={onShowProducts} />
      ),
    },
    {
      key: 'overridden', title: <Tooltip title={t('rulesScreen.overriddenTip')}>{t('rulesScreen.col.overridden')}</Tooltip>, width: 96, align: 'right' as const,
      render: (_: unknown, r: RuleRow) => <Count value={r.overridden} testId="rule-overridden" tip="" />,
    },
  ], [onShowOrders, onShowProducts]);

  return (
    <div className="list-frame rules-frame" ref={frame}>
      <Table<RuleRow>
        rowKey="id"
        size="middle"
        pagination={false}
        loading={loading}
        columns={columns}
        dataSource={rows}
        scroll={{ y: Math.max(120, height - TABLE_HEADER) }}
        expandable={{
          expandRowByClick: true,
          expandedRowRender: (r) => <RuleDetail rule={r} onSettings={onSettings} />,
        }}
        onRow={(r) => ({ 'data-testid': 'rule-row', 'data-rule': r.id, className: `rule-row${r.orders + r.products > 0 ? ` rule-row-hit-${r.severity}` : ''}` }) as HTMLAttributes<HTMLElement>}
      />
    </div>
  );
}
