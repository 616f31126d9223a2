/** Count cards over the grid (orders.summary); each filters the grid when clicked. */
import type { OrdersSummary } from '../../../../shared/domain';
import { DUE_SOON_HOURS } from '../../../../shared/rules/ship-by';
import { t, type MessageKey } from '../../i18n';
import '../../ui/tones.css';
import './orders.css';

export type SummaryView = 'total' | 'shippable' | 'blocked' | 'overdue' | 'dueSoon';

const CARDS: { view: SummaryView; label: MessageKey; vars?: Record<string, number>; tone: string }[] = [
  { view: 'total', label: 'summary.total', tone: 'tone-total' },
  { view: 'shippable', label: 'summary.shippable', tone: 'tone-ok' },
  { view: 'blocked', label: 'summary.blocked', tone: 'tone-blocked' },
  { view: 'overdue', label: 'summary.overdue', tone: 'tone-overdue' },
  { view: 'dueSoon', label: 'summary.dueSoon', vars: { hours: DUE_SOON_HOURS }, tone: 'tone-soon' },
];

export function SummaryCards({ summary, active, onPick }: {
  summary: OrdersSummary | null;
  active: SummaryView | null;
  onPick: (view: SummaryView) => void;
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
          >
            <span className="summary-label">{t(c.label, c.vars)}</span>
            <span className="summary-value" data-testid={`count-${c.view}`}>
              {value === null ? '' : String(value)}
            </span>
            {c.view === 'shippable' && summary && summary.ruleBlocked > 0 && (
              <span className="summary-note" data-testid="count-rule-blocked">{t('summary.ruleBlocked', { count: summary.ruleBlocked })}</span>
            )}
          </button>
        );
      })}
    </div>
  );
}
