/**
 * 放行: lift one block with a written reason, for this order or (a product's own rule) for the
 * whole product. The reason goes into the ledger with this PC's name and the time.
 */
import { useState } from 'react';
import { Alert, Input, Modal, Radio, type ButtonProps } from 'antd';
import type { Finding, RuleOverride } from '../../../../shared/domain';
import type { AppErrorData } from '../../../../shared/errors';
import { call, errorData } from '../../bridge';
import { t } from '../../i18n';
import { errorText } from '../../lib/error-text';
import { findingLabel, ruleTitle } from '../rules';
import { useShop } from '../shops';

export const MIN_REASON = 2;
const MAX_REASON = 500;

/** What is being lifted: the finding, the order it was seen on (if any) and its product. */
export interface OverrideTarget {
  finding: Finding;
  orderNo?: string;
  skuKey?: string;
}

type Scope = 'order' | 'product';

export function OverrideModal({ target, onClose, onDone }: {
  target: OverrideTarget | null;
  onClose: () => void;
  onDone: (o: RuleOverride) => void;
}) {
  return target ? <OverrideDialog key={`${target.finding.rule}-${target.orderNo ?? ''}-${target.skuKey ?? ''}`} target={target} onClose={onClose} onDone={onDone} /> : null;
}

function OverrideDialog({ target, onClose, onDone }: { target: OverrideTarget; onClose: () => void; onDone: (o: RuleOverride) => void }) {
  const { shopId } = useShop();
  const { finding, orderNo, skuKey } = target;
  const bothScopes = orderNo !== undefined && skuKey !== undefined;
  const [scope, setScope] = useState<Scope>(orderNo !== undefined ? 'order' : 'product');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const valid = reason.trim().length >= MIN_REASON;

  const submit = async () => {
    if (!valid) return;
    setBusy(true);
    setError(null);
    try {
      const o = await call('rules.override', {
        shopId, rule: finding.rule, reason: reason.trim(),
        ...(scope === 'order' && orderNo !== undefined ? { orderNo } : { skuKey }),
      });
      onDone(o);
    } catch (e) {
      setError(errorData(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('override.title')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('override.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !valid, loading: busy, 'data-testid': 'override-ok' } as ButtonProps}
      width={520}
      destroyOnHidden
    >
      <div className="override-body" data-testid="override-modal">
        <div className="override-finding">
          <div className="strong">{findingLabel(finding)}</div>
          <div className="muted">{ruleTitle(finding.rule)}</div>
        </div>
        {bothScopes && (
          <div className="override-scope">
            <span className="override-label">{t('override.scope')}</span>
            <Radio.Group
              value={scope}
              onChange={(e) => setScope(e.target.value as Scope)}
              options={[
                { value: 'order', label: t('override.scopeOrder') },
                { value: 'product', label: t('override.scopeProduct') },
              ]}
              data-testid="override-scope"
            />
          </div>
        )}
        <div className="override-label">{t('override.reason')}</div>
        <Input.TextArea
          autoFocus
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('override.reasonPlaceholder')}
          showCount
          maxLength={MAX_REASON}
          status={reason !== '' && !valid ? 'error' : undefined}
          data-testid="override-reason"
        />
        {reason !== '' && !valid && <div className="override-error">{t('override.reasonShort', { min: MIN_REASON })}</div>}
        <div className="muted override-ledger">{t('override.ledger')}</div>
        {error && <Alert type="error" showIcon title={errorText(error)} />}
      </div>
    </Modal>
  );
}
