/** The first screen of an empty shop: one big target for the order export. */
import { InboxOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { t } from '../../i18n';
import './import.css';
import { pressable } from '../../lib/pressable';

/** `importing`: an import runs; the target and its button wait for it (正在导入，请稍候). */
export function EmptyDropZone({ onPick, importing = false }: { onPick: () => void; importing?: boolean }) {
  return (
    <div
      className={`empty-drop ${importing ? 'importing' : ''}`}
      data-testid="empty-drop"
      aria-disabled={importing}
      {...(importing ? {} : pressable(onPick))}
    >
      <InboxOutlined className="empty-drop-icon" />
      <div className="empty-drop-title">{t('empty.drop')}</div>
      <div className="empty-drop-howto">{t('empty.howto')}</div>
      <Button type="primary" size="large" disabled={importing} loading={importing} onClick={(e) => { e.stopPropagation(); onPick(); }} data-testid="empty-pick">
        {importing ? t('import.busy') : t('empty.pick')}
      </Button>
      <div className="empty-drop-privacy">{t('empty.privacy')}</div>
    </div>
  );
}
