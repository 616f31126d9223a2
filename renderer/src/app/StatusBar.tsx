/**
 * The status bar: the shop's last import (with 查看详情 for this session's result, after its toast
 * went), where the data lives (and whether it is read-only), the host and the version.
 */
import { Button } from 'antd';
import type { AppInfo, OrdersSummary } from '../../../shared/domain';
import { t } from '../i18n';
import { formatDateTime } from '../lib/format/time';

export function StatusBar({ summary, info, onShowImport }: { summary: OrdersSummary | null; info: AppInfo | null; onShowImport?: () => void }) {
  return (
    <footer className="status-bar">
      <span>{summary?.lastImportAt ? t('status.lastImport', { time: formatDateTime(summary.lastImportAt) }) : t('status.neverImported')}</span>
      {onShowImport && (
        <Button type="link" size="small" className="status-link" onClick={onShowImport} data-testid="status-import-details">{t('import.details')}</Button>
      )}
      <span className="toolbar-spacer" />
      {info && <span className="status-dir" title={info.dataDir}>{t('status.dataDir', { dir: info.dataDir })}</span>}
      {info?.readOnly && <span className="status-read-only" data-testid="status-read-only">{t('status.readOnly')}</span>}
      {info && <span>{t(info.host === 'electron' ? 'status.host.electron' : 'status.host.web')}</span>}
      {info && <span>{t('status.version', { version: info.version })}</span>}
    </footer>
  );
}
