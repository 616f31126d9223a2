/** Full-window overlay while files are dragged over the app. */
import { CloudUploadOutlined } from '@ant-design/icons';
import { t } from '../i18n';

export function DropOverlay({ visible }: { visible: boolean }) {
  if (!visible) return null;
  return (
    <div className="drop-overlay" data-testid="drop-overlay">
      <div className="drop-overlay-box">
        <CloudUploadOutlined className="drop-overlay-icon" />
        <div className="drop-overlay-title">{t('import.dropOverlay')}</div>
        <div className="drop-overlay-hint">{t('import.dropOverlayHint')}</div>
      </div>
    </div>
  );
}
