/**
 * The 规则检查 list of one order (drawer) or one product (editor): each finding with its severity,
 * its sentence, the rule and the clause of the platform's guidance, how to fix it, the text it
 * points at, and 放行 / 撤回放行. Blocks come first.
 */
import { useState } from 'react';
import { App, Button, Popconfirm, Tag, type ButtonProps } from 'antd';
import { RollbackOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { Finding, FindingSpan } from '../../../../shared/domain';
import { RULES } from '../../../../shared/rules/platform/catalogue';
import { call, errorData } from '../../bridge';
import { t } from '../../i18n';
import { errorText } from '../../lib/error-text';
import { formatDateTime } from '../../lib/format/time';
import { findingLabel, ruleTitle } from '../rules';
import { useShop } from '../shops';
import { OverrideModal, type OverrideTarget } from './OverrideModal';
import { ruleFix } from './rule-fix';
import { useRules } from './useRules';
import { sortFindings } from './verdict';
import '../../ui/diversion-mark.css';
import './findings.css';

/** Where the findings are shown: on an order (a product's own rule may then be lifted for the order or the product), or on a product. */
export type FindingsSubject = { orderNo: string } | { skuKey: string };

export function FindingsList({ findings, subject }: { findings: readonly Finding[]; subject: FindingsSubject }) {
  const { message } = App.useApp();
  const { shopId, changed } = useShop();
  const { byId } = useRules();
  const [target, setTarget] = useState<OverrideTarget | null>(null);
  const [withdrawing, setWithdrawing] = useState<number | null>(null);
  const sorted = sortFindings(findings);
  const active = findings.filter((f) => f.severity === 'block' && !f.override).length;

  const openOverride = (f: Finding) => {
    if ('orderNo' in subject) setTarget({ finding: f, orderNo: subject.orderNo, ...(f.origin === 'product' && f.skuKey ? { skuKey: f.skuKey } : {}) });
    else setTarget({ finding: f, skuKey: subject.skuKey });
  };

  const withdraw = async (id: number) => {
    setWithdrawing(id);
    try {
      await call('rules.withdraw', { shopId, overrideId: id });
      message.success(t('override.withdrawn'));
      changed();
    } catch (e) {
      message.error(errorText(errorData(e)));
    } finally {
      setWithdrawing(null);
    }
  };

  return (
    <section className={`findings ${active ? 'findings-blocked' : ''}`} data-testid="findings">
      <div className="findings-head">
        <span className="strong">{t('findings.title')}</span>
        <span className="muted">{active ? t('findings.headBlocked', { count: active }) : t('findings.headClear')}</span>
      </div>
      <ul className="findings-list">
        {sorted.map((f) => (
          <FindingItem
            key={`${f.rule}-${f.origin}-${f.override?.id ?? 0}`}
            finding={f}
            fix={ruleFix(f, byId.get(f.rule))}
            withdrawing={withdrawing !== null && withdrawing === f.override?.id}
            onOverride={() => openOverride(f)}
            onWithdraw={(id) => void withdraw(id)}
          />
        ))}
      </ul>
      <OverrideModal
        target={target}
        onClose={() => setTarget(null)}
        onDone={(o) => {
          setTarget(null);
          message.success(t(o.subject === 'product' ? 'override.doneProduct' : 'override.done'));
          changed();
        }}
      />
    </section>
  );
}

function FindingItem({ finding: f, fix, withdrawing, onOverride, onWithdraw }: {
  finding: Finding;
  fix: string;
  withdrawing: boolean;
  onOverride: () => void;
  onWithdraw: (overrideId: number) => void;
}) {
  const def = RULES[f.rule];
  const state = f.override ? 'overridden' : 'active';
  const tag = f.override
    ? <Tag color="blue">{t('findings.badge.overridden')}</Tag>
    : f.severity === 'block' ? <Tag color="red">{t('findings.severity.block')}</Tag> : <Tag color="orange">{t('findings.severity.warn')}</Tag>;
  return (
    <li className={`finding finding-item-${f.override ? 'overridden' : f.severity}`} data-testid="finding" data-rule={f.rule} data-severity={f.severity} data-state={state} data-origin={f.origin}>
      <div className="finding-main">
        {tag}
        <div className="finding-body">
          <div className="finding-label" data-testid="finding-label">{findingLabel(f)}</div>
          <div className="finding-rule muted">
            <span data-testid="finding-title">{ruleTitle(f.rule)}</span>
            <span className="finding-sep">·</span>
            <span data-testid="finding-clause">{t('findings.clause', { clause: def.clause })}</span>
            {f.origin === 'product' && <Tag className="finding-origin" data-testid="finding-origin">{t('findings.originProduct')}</Tag>}
          </div>
          {!f.override && (
            <div className="finding-fix" data-testid="finding-fix">
              <span className="finding-fix-lead">{t('findings.fix')}</span>
              {fix}
            </div>
          )}
          {f.spans && f.spans.length > 0 && <SpanList spans={f.spans} severity={f.severity} />}
          {f.override && (
            <div className="finding-override" data-testid="finding-override">
              <div>
                <span className="finding-fix-lead">{t('override.reasonShown')}</span>
                <span className="selectable" data-testid="finding-override-reason">{f.override.reason}</span>
              </div>
              <div className="muted" data-testid="finding-override-by">
                {t(f.override.subject === 'product' ? 'override.byProduct' : 'override.byOrder', { by: f.override.by, at: formatDateTime(f.override.at, true) })}
              </div>
            </div>
          )}
        </div>
        <div className="finding-actions">
          {f.override ? (
            <Popconfirm
              title={t('override.withdrawTitle')}
              description={t('override.withdrawBody')}
              okText={t('override.withdraw')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, 'data-testid': 'withdraw-ok' } as ButtonProps}
              onConfirm={() => onWithdraw(f.override!.id)}
            >
              <Button size="small" icon={<RollbackOutlined />} loading={withdrawing} data-testid="finding-withdraw">{t('override.withdraw')}</Button>
            </Popconfirm>
          ) : f.severity === 'block' && def.overridable ? (
            <Button size="small" icon={<SafetyCertificateOutlined />} onClick={onOverride} data-testid="finding-override-open">{t('override.open')}</Button>
          ) : null}
        </div>
      </div>
    </li>
  );
}

/** The words a finding points at (NO_DIVERSION), highlighted. */
function SpanList({ spans, severity }: { spans: readonly FindingSpan[]; severity: Finding['severity'] }) {
  return (
    <div className="finding-spans" data-testid="finding-spans">
      <span className="finding-fix-lead">{t('findings.spans')}</span>
      {spans.map((s, i) => <mark key={i} className={`diversion-mark mark-${severity}`}>{s.text}</mark>)}
    </div>
  );
}
