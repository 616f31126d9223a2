/**
 * Full-window overlay while files are dragged over the app: says where the drop will go.
 * `compact`: a banner at the top instead of the box in the middle, so the row or zone under the
 * pointer (the drop target) stays in sight.
 */
import { CloudUploadOutlined, StopOutlined } from '@ant-design/icons';
import './drop-overlay.css';

export function DropOverlay({ visible, title, hint, refuse, compact }: { visible: boolean; title: string; hint: string; refuse?: boolean; compact?: boolean }) {
  if (!visible) return null;
  return (
    <div className={`drop-overlay ${refuse ? 'drop-refuse' : ''} ${compact ? 'drop-compact' : ''}`} data-testid="drop-overlay">
      <div className="drop-overlay-box">
        {refuse ? <StopOutlined className="drop-overlay-icon" /> : <CloudUploadOutlined className="drop-overlay-icon" />}
        <div className="drop-overlay-title">{title}</div>
        <div className="drop-overlay-hint">{hint}</div>
      </div>
    </div>
  );
}
