/**
 * 规则检查: what the platform's rules find in the shop — orders blocked (never in the shipment
 * file), orders with warnings, products breaking a rule — each rule with its count and the clause
 * of the guidance, why and how to fix; 重新检查 checks the whole shop now (deadlines move with
 * the clock), and does so when the screen is first shown. 规则设置 changes the rules' parameters.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, App, Button } from 'antd';
import { ReloadOutlined, SettingOutlined, UploadOutlined } from '@ant-design/icons';
import type { RuleId, RuleInfo, RulesSummary } from '../../../../shared/domain';
import type { AppErrorData } from '../../../../shared/errors';
import { call, errorData } from '../../bridge';
import { t, type MessageKey } from '../../i18n';
import { errorText } from '../../lib/error-text';
import { formatDateTime } from '../../lib/format/time';
import { useShop } from '../shops';
import { RulesTable, ruleRows } from './RulesTable';
import { RuleSettingsDrawer } from './RuleSettingsDrawer';
import '../../ui/tones.css';
import './rules.css';

type CountCard = 'blockedOrders' | 'warnedOrders' | 'blockedProducts';
const CARDS: { key: CountCard; hint: MessageKey; tone: string }[] = [
  { key: 'blockedOrders', hint: 'rulesScreen.card.blockedHint', tone: 'tone-overdue' },
  { key: 'warnedOrders', hint: 'rulesScreen.card.warnedHint', tone: 'tone-soon' },
  { key: 'blockedProducts', hint: 'rulesScreen.card.productsHint', tone: 'tone-blocked' },
];

export function RulesScreen({ active, summary, ordersTotal, onPickImport, importing = false, onSummary, onShowOrders, onShowProducts }: {
  /** Shown now (the screen stays mounted while hidden). */
  active: boolean;
  summary: RulesSummary | null;
  /** The shop's orders (null: not known yet): with none, the next step is an import, not "all clear". */
  ordersTotal: number | null;
  onPickImport: () => void;
  /** An import runs: its button waits. */
  importing?: boolean;
  /** A check's fresh summary, for the window (the tab's count) and this screen. */
  onSummary: (s: RulesSummary) => void;
  /** The orders screen, filtered by a rule. */
  onShowOrders: (req: { rule: RuleId }) => void;
  onShowProducts: () => void;
}) {
  const { message } = App.useApp();
  const { shopId, changed } = useShop();
  const [rules, setRules] = useState<RuleInfo[] | null>(null);
  const [loadError, setLoadError] = useState<AppErrorData | null>(null);
  const [checking, setChecking] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);

  const loadRules = useCallback(() => {
    call('rules.list', undefined).then((list) => {
      setRules(list);
      setLoadError(null);
    }, (e: unknown) => setLoadError(errorData(e)));
  }, []);
  useEffect(loadRules, [loadRules]);

  const check = useCallback(async (say: boolean) => {
    setChecking(true);
    try {
      const s = await call('rules.check', { shopId });
      onSummary(s);
      // Findings moved (deadlines, expiries): the grid's badges and the counts reload.
      changed();
      if (say) message.success(t('rulesScreen.checked', { blocked: s.blockedOrders, warned: s.warnedOrders }));
    } catch (e) {
      message.error(errorText(errorData(e)));
    } finally {
      setChecking(false);
    }
  }, [shopId, onSummary, changed, message]);

  // Checked once when first shown (the screen is made again for another shop).
  const checkedOnce = useRef(false);
  useEffect(() => {
    if (!active || checkedOnce.current) return;
    checkedOnce.current = true;
    void check(false);
  }, [active, check]);

  const onRules = (list: RuleInfo[]) => {
    setRules(list);
    changed();
  };

  const rows = rules ? ruleRows(rules, summary) : [];
  const clear = summary !== null && summary.blockedOrders + summary.warnedOrders + summary.blockedProducts === 0;
  const anyChanged = (rules ?? []).some((r) => r.changed);

  return (
    <div className="screen" hidden={!active} data-testid="rules-screen">
      <div className="rules-cards">
        {CARDS.map((c) => {
          const value = summary ? summary[c.key] : null;
          return (
            <div key={c.key} className={`rules-card ${c.tone} ${value ? '' : 'zero'}`} data-testid={`rules-card-${c.key}`}>
              <span className="summary-label">{t(`rulesScreen.card.${c.key}`)}</span>
              <span className="rules-card-value num" data-testid={`rules-count-${c.key}`}>{value === null ? '' : String(value)}</span>
              <span className="rules-card-hint">{t(c.hint)}</span>
            </div>
          );
        })}
        <div className="rules-card rules-card-check tone-total">
          <div className="rules-card-check-text">
            <span className="summary-label">{t('rulesScreen.card.checkedAt')}</span>
            <span className="rules-card-time num" data-testid="rules-checked-at">
              {summary?.checkedAt ? formatDateTime(summary.checkedAt, true) : t('rulesScreen.neverChecked')}
            </span>
          </div>
          <Button type="primary" icon={<ReloadOutlined />} loading={checking} onClick={() => void check(true)} data-testid="rules-recheck">
            {t('rulesScreen.recheck')}
          </Button>
        </div>
      </div>
      <div className="rules-toolbar">
        {ordersTotal === 0 ? (
          <>
            <span className="muted" data-testid="rules-no-orders">{t('rulesScreen.noOrders')}</span>
            <Button size="small" type="primary" ghost icon={<UploadOutlined />} onClick={onPickImport} disabled={importing}>{t('import.button')}</Button>
          </>
        ) : clear ? (
          <span className="rules-all-clear" data-testid="rules-all-clear">{t('rulesScreen.allClear')}</span>
        ) : (
          <span className="muted">{t('rulesScreen.hint')}</span>
        )}
        <span className="toolbar-spacer" />
        <Button icon={<SettingOutlined />} onClick={() => setSettingsOpen(true)} disabled={!rules} data-testid="rules-settings-open">
          {t('rulesScreen.settings')}
          {anyChanged && <span className="rules-changed-dot" aria-label={t('rulesScreen.changed')} />}
        </Button>
      </div>
      {loadError && (
        <Alert type="error" showIcon title={t('rulesScreen.loadFailed', { message: errorText(loadError) })} action={<Button size="small" onClick={loadRules}>{t('common.retry')}</Button>} />
      )}
      <RulesTable rows={rows} loading={rules === null && !loadError} onShowOrders={(rule) => onShowOrders({ rule })} onShowProducts={onShowProducts} onSettings={() => setSettingsOpen(true)} />
      <RuleSettingsDrawer open={settingsOpen} rules={rules ?? []} onClose={() => setSettingsOpen(false)} onRules={onRules} />
    </div>
  );
}
