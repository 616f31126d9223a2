/** Full-window overlay while files are dragged over the app: says where the drop will go. */
import { CloudUploadOutlined, StopOutlined } from '@ant-design/icons';
import './drop-overlay.css';

export function DropOverlay({ visible, title, hint, refuse }: { visible: boolean; title: string; hint: string; refuse?: boolean }) {
  if (!visible) return null;
  return (
    <div className={`drop-overlay ${refuse ? 'drop-refuse' : ''}`} data-testid="drop-overlay">
      <div className="drop-overlay-box">
        {refuse ? <StopOutlined className="drop-overlay-icon" /> : <CloudUploadOutlined className="drop-overlay-icon" />}
        <div className="drop-overlay-title">{title}</div>
        <div className="drop-overlay-hint">{hint}</div>
      </div>
    </div>
  );
}
