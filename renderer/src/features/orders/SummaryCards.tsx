/**
 * Count cards over the grid (orders.summary), one compact line each. They ARE the grid's filter
 * (全部, 可发货, 不可发货, 已超时, 即将超时): the lit card is the view, there are no separate tabs
 * that could disagree with it. The last card,
 * 发货进度, counts the orders by ship state (可导出, 已导出, 上传失败, 已发货, 需处理); each count
 * filters the grid to that state, and a second click lets it go.
 */
import type { OrdersSummary, ShipState } from '../../../../shared/domain';
import { DUE_SOON_HOURS } from '../../../../shared/rules/ship-by';
import { t, type MessageKey } from '../../i18n';
import { formatCount } from '../../lib/format/count';
import { SHIP_STATES, shipStateHint, shipStateLabel, shipStateTone } from '../export';
import '../../ui/tones.css';
import './orders.css';

export type SummaryView = 'total' | 'shippable' | 'blocked' | 'overdue' | 'dueSoon';

const CARDS: { view: SummaryView; label: MessageKey; vars?: Record<string, number>; tone: string }[] = [
  { view: 'total', label: 'summary.total', tone: 'tone-total' },
  { view: 'shippable', label: 'summary.shippable', tone: 'tone-ok' },
  { view: 'blocked', label: 'summary.blocked', tone: 'tone-blocked' },
  { view: 'overdue', label: 'summary.overdue', tone: 'tone-overdue' },
  { view: 'dueSoon', label: 'summary.dueSoonShort', vars: { hours: DUE_SOON_HOURS }, tone: 'tone-soon' },
];

export function SummaryCards({ summary, active, onPick, shipState, onShipState }: {
  summary: OrdersSummary | null;
  active: SummaryView | null;
  onPick: (view: SummaryView) => void;
  /** The ship state the grid is filtered to, if any. */
  shipState: ShipState | undefined;
  onShipState: (s: ShipState) => void;
}) {
  return (
    <div className="summary-cards" role="tablist">
      {CARDS.map((c) => {
        const value = summary ? summary[c.view] : null;
        const isActive = active === c.view;
        return (
          <button
            type="button"
            role="tab"
            aria-selected={isActive}
            key={c.view}
            className={`summary-card ${c.tone} ${isActive ? 'active' : ''} ${value ? '' : 'zero'}`}
            onClick={() => onPick(c.view)}
            data-testid={`card-${c.view}`}
          >
            <span className="summary-label" title={c.view === 'dueSoon' ? t('summary.dueSoon', c.vars) : undefined}>{t(c.label, c.vars)}</span>
            <span className="summary-value" data-testid={`count-${c.view}`}>
              {value === null ? '' : formatCount(value)}
            </span>
            {c.view === 'shippable' && summary && summary.ruleBlocked > 0 && (
              <span className="summary-note" data-testid="count-rule-blocked" title={t('summary.ruleBlocked', { count: summary.ruleBlocked })}>
                {t('summary.ruleBlockedShort', { count: summary.ruleBlocked })}
              </span>
            )}
          </button>
        );
      })}
      <div className={`summary-card ship-card ${shipState ? 'active' : ''}`} data-testid="ship-states">
        <span className="summary-label">{t('summary.shipStates')}</span>
        <div className="ship-counts">
          {SHIP_STATES.map((s) => {
            const value = summary?.byShipState?.[s] ?? null;
            const on = shipState === s;
            return (
              <button
                type="button"
                role="tab"
                aria-selected={on}
                key={s}
                className={`ship-count ${shipStateTone(s)} ${on ? 'active' : ''} ${value ? '' : 'zero'}`}
                title={shipStateHint(s)}
                onClick={() => onShipState(s)}
                data-testid={`ship-count-${s}`}
              >
                <span className="ship-count-label">{shipStateLabel(s)}</span>
                <span className="ship-count-value num" data-testid={`count-ship-${s}`}>{value === null ? '' : formatCount(value)}</span>
              </button>
            );
          })}
        </div>
      </div>
    </div>
  );
}
