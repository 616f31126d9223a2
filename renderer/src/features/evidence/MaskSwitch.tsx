/** 完整卡密: whether a delivery record or a pack shows the delivered items in full (off by default; recorded as a reveal). */
import { Switch, Tooltip } from 'antd';
import type { RecordMask } from '../../../../shared/domain';
import { t } from '../../i18n';

export function MaskSwitch({ mask, onChange }: { mask: RecordMask; onChange: (m: RecordMask) => void }) {
  return (
    <Tooltip title={mask === 'full' ? t('evidence.mask.onTip') : t('evidence.mask.offTip')}>
      <label className="evidence-mask-switch">
        <Switch size="small" checked={mask === 'full'} onChange={(on) => onChange(on ? 'full' : 'masked')} data-testid="evidence-mask-full" />
        <span>{t('evidence.mask.label')}</span>
      </label>
    </Tooltip>
  );
}
