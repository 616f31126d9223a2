/** One product's stock at a glance: the five levels, the waiting orders and the shortage. */
import type { Product, StockLevels as Levels } from '../../../../shared/domain';
import { t, unitLabel, type MessageKey } from '../../i18n';
import { formatCount } from '../../lib/format/count';
import { isLowStock } from './stocked';
import '../../ui/tones.css';
import './stock.css';

const LEVELS: { key: keyof Levels; tone: string }[] = [
  { key: 'available', tone: 'tone-ok' },
  { key: 'reserved', tone: 'tone-total' },
  { key: 'delivered', tone: 'tone-neutral' },
  { key: 'expired', tone: 'tone-soon' },
  { key: 'voided', tone: 'tone-neutral' },
];

export function StockLevels({ product: p }: { product: Product }) {
  const unit = unitLabel(p.kind);
  const low = (p.confirmed && p.shortage > 0) || isLowStock(p);
  return (
    <div className="stock-levels">
      {LEVELS.map(({ key, tone }) => (
        <div key={key} className={`level-card ${key === 'available' && low ? 'tone-overdue' : tone} ${key !== 'available' && p.levels[key] === 0 ? 'zero' : ''}`}>
          <span className="summary-label">{t(`level.${key}` as MessageKey)}</span>
          <span className="level-value" data-testid={`level-${key}`}>{formatCount(p.levels[key])}</span>
        </div>
      ))}
      <div className="level-card tone-total">
        <span className="summary-label">{t('level.waiting')}</span>
        <span className="level-value" data-testid="level-waiting">{formatCount(p.waiting)}</span>
        <span className="level-sub">{t('level.waitingUnits', { units: p.waitingUnits, unit })}</span>
      </div>
      <div className={`level-card ${p.shortage > 0 ? 'tone-overdue' : 'tone-ok'}`}>
        <span className="summary-label">{t('level.shortage')}</span>
        <span className="level-value" data-testid="level-shortage">{formatCount(p.shortage)}</span>
        <span className="level-sub">
          {p.shortage > 0 ? t('level.shortageHint', { need: p.waitingUnits, available: p.levels.available, unit }) : p.lowStock > 0 ? t('level.lowStockLine', { n: p.lowStock }) : t('level.enough')}
        </span>
      </div>
    </div>
  );
}
