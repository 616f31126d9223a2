/** 移除 one piece of evidence from its order, with the reason (the file stays; the ledger records it). */
import { useState } from 'react';
import { Input, Modal } from 'antd';
import type { EvidenceItem } from '../../../../shared/domain/evidence';
import { t } from '../../i18n';

export function HideEvidenceModal({ item, busy, onCancel, onHide }: {
  item: EvidenceItem | null;
  busy: boolean;
  onCancel: () => void;
  onHide: (item: EvidenceItem, reason: string) => void;
}) {
  const [reason, setReason] = useState('');
  const ok = reason.trim().length >= 2;
  return (
    <Modal
      open={item !== null}
      title={t('evidence.hide.title')}
      okText={t('evidence.hide.ok')}
      okButtonProps={{ danger: true, disabled: !ok, loading: busy, ...{ 'data-testid': 'evidence-hide-ok' } }}
      cancelText={t('common.cancel')}
      onCancel={onCancel}
      onOk={() => item && ok && onHide(item, reason.trim())}
      afterClose={() => setReason('')}
      destroyOnHidden
      data-testid="evidence-hide-dialog"
    >
      {item && <p>{t('evidence.hide.body', { name: item.name })}</p>}
      <Input.TextArea
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder={t('evidence.hide.reasonPlaceholder')}
        maxLength={500}
        autoSize={{ minRows: 2, maxRows: 4 }}
        autoFocus
        data-testid="evidence-hide-reason"
      />
      <p className="muted evidence-gap">{t('evidence.hide.note')}</p>
    </Modal>
  );
}
