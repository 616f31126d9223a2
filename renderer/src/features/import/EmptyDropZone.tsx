/** The first screen of an empty shop: one big target for the order export. */
import { InboxOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { t } from '../../i18n';
import './import.css';
import { pressable } from '../../lib/pressable';

export function EmptyDropZone({ onPick }: { onPick: () => void }) {
  return (
    <div
      className="empty-drop"
      data-testid="empty-drop"
      {...pressable(onPick)}
    >
      <InboxOutlined className="empty-drop-icon" />
      <div className="empty-drop-title">{t('empty.drop')}</div>
      <div className="empty-drop-howto">{t('empty.howto')}</div>
      <Button type="primary" size="large" onClick={(e) => { e.stopPropagation(); onPick(); }}>
        {t('empty.pick')}
      </Button>
      <div className="empty-drop-privacy">{t('empty.privacy')}</div>
    </div>
  );
}
