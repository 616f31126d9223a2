/** The running import: phase, file and rows done, from `job.progress` events. */
import { Progress } from 'antd';
import { LoadingOutlined } from '@ant-design/icons';
import type { JobProgress } from '../../../../shared/domain';
import { t } from '../../i18n';
import { colors } from '../../ui/tokens';
import './import.css';

export function ImportProgressPanel({ progress, fileCount }: { progress: JobProgress | null; fileCount: number }) {
  const percent = progress && progress.total ? Math.min(100, Math.floor((progress.done / progress.total) * 100)) : null;
  const rows = progress
    ? progress.total
      ? t('import.rowsProgress', { done: progress.done, total: progress.total })
      : t('import.rowsDone', { done: progress.done })
    : '';
  return (
    <div className="import-panel import-progress" data-testid="import-progress" role="status" aria-live="polite">
      <LoadingOutlined className="import-progress-icon" />
      <div className="import-progress-body">
        <div className="import-progress-line">
          <span className="strong">
            {progress ? t(`import.phase.${progress.phase as "read" | "write" | "done"}`) : t('import.preparing', { count: fileCount })}
          </span>
          {progress && <span className="import-progress-file" title={progress.file}>{progress.file}</span>}
          <span className="toolbar-spacer" />
          <span className="muted num">{rows}</span>
        </div>
        <Progress
          percent={percent ?? 100}
          status="active"
          showInfo={false}
          size="small"
          strokeColor={progress?.phase === 'write' ? colors.progressWrite : undefined}
          className={percent === null ? 'progress-indeterminate' : ''}
        />
      </div>
    </div>
  );
}
