/** What an import did: counts over all files, then one line per file. */
import { Alert, Table } from 'antd';
import type { ImportFileSummary, ImportSummary } from '../../../../shared/domain';
import { t, type MessageKey } from '../../i18n';
import '../../ui/tones.css';
import './import.css';

type CountKey = 'read' | 'new' | 'updated' | 'unchanged' | 'damaged' | 'shippable' | 'notShippable';
const COUNTS: CountKey[] = ['read', 'new', 'updated', 'unchanged', 'damaged', 'shippable', 'notShippable'];

export function ImportResultPanel({ summary, onClose }: { summary: ImportSummary; onClose: () => void }) {
  const seconds = (summary.durationMs / 1000).toFixed(1);
  const columns = [
    { key: 'file', dataIndex: 'file', title: t('import.col.file'), ellipsis: true },
    { key: 'format', dataIndex: 'format', title: t('import.col.format'), width: 64, render: (v: string) => v.toUpperCase() },
    { key: 'encoding', dataIndex: 'encoding', title: t('import.col.encoding'), width: 90, render: (v: string | null) => v ?? t('common.none') },
    ...COUNTS.map((k) => ({
      key: k,
      dataIndex: k,
      title: t(`import.count.${k}` as MessageKey),
      width: k === 'damaged' ? 96 : 76,
      align: 'right' as const,
    })),
  ];
  // One file: a line of facts; several: a table with each file's counts.
  const single = summary.files.length === 1 ? summary.files[0] : null;
  const warnings = summary.files.flatMap((f) => f.warningCodes.map((w) => t('import.fileWarning', { file: f.file, warning: t(`import.warning.${w.code}`, { count: w.count }) })));
  return (
    <Alert
      type={summary.damaged > 0 ? 'warning' : 'success'}
      showIcon
      className="import-panel import-result"
      data-testid="import-result"
      closable={{ onClose }}
      title={
        <span>
          <span className="strong">{t('import.resultTitle', { read: summary.read, new: summary.new, updated: summary.updated })}</span>
          <span className="muted import-duration">{t('import.resultDuration', { seconds })}</span>
        </span>
      }
      description={
        <div className="import-result-body">
          <div className="result-counts">
            {COUNTS.map((k) => (
              <span key={k} className={`result-count count-${k}`}>
                <span className="result-count-label">{t(`import.count.${k}` as MessageKey)}</span>
                <span className="result-count-value" data-testid={`result-${k}`}>{summary[k]}</span>
              </span>
            ))}
          </div>
          {summary.damaged > 0 && <div className="result-warning">{t('import.damagedHint', { count: summary.damaged })}</div>}
          {single ? (
            <div className="result-file-line" data-testid="import-result-files">
              <span className="strong">{single.file}</span>
              <span>{single.format.toUpperCase()}</span>
              {single.encoding && <span>{single.encoding}</span>}
              <span>{t('import.fileRows', { rows: single.rows })}</span>
            </div>
          ) : (
          <div data-testid="import-result-files">
          <Table<ImportFileSummary>
            size="small"
            className="result-files"
            rowKey={(f) => f.file}
            columns={columns}
            dataSource={summary.files}
            pagination={false}
          />
          </div>
          )}
          {warnings.length > 0 && (
            <ul className="result-warnings">
              {warnings.map((w, i) => <li key={i}>{w}</li>)}
            </ul>
          )}
        </div>
      }
    />
  );
}
