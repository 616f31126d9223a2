/**
 * What an import did, in full: counts over all files, then one line per file (format, encoding,
 * rows) and the warnings. Shown in the 导入结果 dialog (查看详情 on the toast or the status bar).
 */
import { Alert, Modal, Table } from 'antd';
import type { ImportFileSummary, ImportSummary } from '../../../../shared/domain';
import { t, type MessageKey } from '../../i18n';
import { formatCount } from '../../lib/format/count';
import { encodingLabel } from './encoding';
import '../../ui/tones.css';
import './import.css';

type CountKey = 'read' | 'new' | 'updated' | 'unchanged' | 'damaged' | 'shippable' | 'notShippable';
const COUNTS: CountKey[] = ['read', 'new', 'updated', 'unchanged', 'damaged', 'shippable', 'notShippable'];

/** The warnings of every file, one sentence each. */
export function importWarnings(summary: ImportSummary): string[] {
  return summary.files.flatMap((f) => f.warningCodes.map((w) => t('import.fileWarning', { file: f.file, warning: t(`import.warning.${w.code}`, { count: w.count }) })));
}

export function ImportResultPanel({ summary }: { summary: ImportSummary }) {
  const columns = [
    { key: 'file', dataIndex: 'file', title: t('import.col.file'), ellipsis: true },
    { key: 'format', dataIndex: 'format', title: t('import.col.format'), width: 64, render: (v: string) => v.toUpperCase() },
    { key: 'encoding', dataIndex: 'encoding', title: t('import.col.encoding'), width: 120, render: (v: string | null) => encodingLabel(v) },
    ...COUNTS.map((k) => ({
      key: k,
      dataIndex: k,
      title: t(`import.count.${k}` as MessageKey),
      width: k === 'damaged' ? 96 : 76,
      align: 'right' as const,
      render: (v: number) => formatCount(v),
    })),
  ];
  // One file: a line of facts; several: a table with each file's counts.
  const single = summary.files.length === 1 ? summary.files[0] : null;
  const warnings = importWarnings(summary);
  return (
    <div className="import-result-body" data-testid="import-result-details">
      <div className="result-counts">
        {COUNTS.map((k) => (
          <span key={k} className={`result-count count-${k}`}>
            <span className="result-count-label">{t(`import.count.${k}` as MessageKey)}</span>
            <span className="result-count-value" data-testid={`result-${k}`}>{formatCount(summary[k])}</span>
          </span>
        ))}
      </div>
      {summary.damaged > 0 && <Alert type="warning" showIcon className="result-warning" title={t('import.damagedHint', { count: summary.damaged })} />}
      {single ? (
        <div className="result-file-line" data-testid="import-result-files">
          <span className="strong selectable">{single.file}</span>
          <span>{single.format.toUpperCase()}</span>
          {single.encoding && <span data-testid="import-result-encoding">{encodingLabel(single.encoding)}</span>}
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
            scroll={summary.files.length > 8 ? { y: 320 } : undefined}
          />
        </div>
      )}
      {warnings.length > 0 && (
        <ul className="result-warnings">
          {warnings.map((w, i) => <li key={i}>{w}</li>)}
        </ul>
      )}
    </div>
  );
}

/** The 导入结果 dialog: the title line, how long it took, and the panel above. */
export function ImportResultDialog({ summary, open, onClose }: { summary: ImportSummary | null; open: boolean; onClose: () => void }) {
  return (
    <Modal
      open={open && summary !== null}
      onCancel={onClose}
      footer={null}
      width={summary && summary.files.length > 1 ? 980 : 720}
      title={summary && (
        <span>
          <span>{t('import.resultTitle', { read: summary.read, new: summary.new, updated: summary.updated })}</span>
          <span className="muted import-duration">{t('import.resultDuration', { seconds: (summary.durationMs / 1000).toFixed(1) })}</span>
        </span>
      )}
      destroyOnHidden
      data-testid="import-result-dialog"
    >
      {summary && <ImportResultPanel summary={summary} />}
    </Modal>
  );
}
