/**
 * The files an export wrote: kind, name, rows, 含卡密 when the file holds secrets, each with 保存,
 * and 全部保存. Used right after an export and on the history screen.
 */
import { Button, Tag, Tooltip } from 'antd';
import { DownloadOutlined, LockOutlined } from '@ant-design/icons';
import type { ExportFile } from '../../../../shared/domain';
import { t } from '../../i18n';
import { fileKindLabel } from './labels';
import { useSaveExportFile } from './useSaveExportFile';
import './export.css';

export function ExportFilesList({ files }: { files: readonly ExportFile[] }) {
  const { saving, save, saveAll } = useSaveExportFile();
  return (
    <div className="export-files" data-testid="export-files">
      <ul className="export-files-list">
        {files.map((f) => (
          <li key={f.id} className="export-file" data-testid="export-file" data-kind={f.kind} data-name={f.name}>
            <Tag className={`export-kind export-kind-${f.kind}`}>{fileKindLabel(f.kind)}</Tag>
            <span className="mono export-file-name selectable" title={f.name}>{f.name}</span>
            <span className="muted num export-file-rows">{t('export.files.rows', { rows: f.rows })}</span>
            {f.holdsSecrets ? (
              <Tooltip title={t('export.files.secretsTip')}>
                <Tag color="warning" icon={<LockOutlined />} className="export-secrets" data-testid="export-file-secrets">{t('export.files.secrets')}</Tag>
              </Tooltip>
            ) : <span className="export-secrets-none" />}
            <Button
              size="small"
              icon={<DownloadOutlined />}
              loading={saving === f.id}
              disabled={saving !== null && saving !== f.id}
              onClick={() => void save(f)}
              data-testid="export-file-save"
            >
              {t('export.files.save')}
            </Button>
          </li>
        ))}
      </ul>
      {files.length > 1 && (
        <div className="export-files-all">
          <Button type="primary" ghost icon={<DownloadOutlined />} loading={saving === 'all'} disabled={saving !== null && saving !== 'all'} onClick={() => void saveAll(files)} data-testid="export-files-save-all">
            {t('export.files.saveAll', { count: files.length })}
          </Button>
        </div>
      )}
    </div>
  );
}
