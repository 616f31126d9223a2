/**
 * A failed import: the message (place first, then what is wrong), where exactly, what to do
 * next (advice fitting the error's code), and 复制错误信息 — the code goes there, not in the text.
 */
import { Alert } from 'antd';
import type { AppErrorData } from '../../../../shared/errors';
import { t } from '../../i18n';
import { errorText, importAdvice } from '../../lib/error-text';
import { CopyErrorInfo } from '../../ui/CopyErrorInfo';
import './import.css';

export function ImportErrorPanel({ error, onClose }: { error: AppErrorData; onClose: () => void }) {
  const where: { label: string; value: string }[] = [];
  if (error.file) where.push({ label: t('import.errorFile'), value: error.file });
  if (error.row !== undefined) where.push({ label: t('import.errorRow'), value: t('import.errorRowValue', { row: error.row }) });
  if (error.column) where.push({ label: t('import.errorColumn'), value: error.column });
  else if (error.columnNo !== undefined) where.push({ label: t('import.errorColumn'), value: t('errors.place.columnNo', { n: error.columnNo }) });
  const advice = importAdvice(error);
  return (
    <Alert
      type="error"
      showIcon
      className="import-panel import-error"
      data-testid="import-error"
      data-code={error.code}
      role="alert"
      closable={{ onClose }}
      title={<span className="strong">{t('import.errorTitle')}</span>}
      description={
        <div className="import-error-body">
          <div className="import-error-message" data-testid="import-error-message">{errorText(error)}</div>
          {advice && <div className="import-error-advice" data-testid="import-error-advice">{advice}</div>}
          {where.length > 0 && (
            <dl className="import-error-where">
              {where.map((w) => (
                <div key={w.label}>
                  <dt>{w.label}</dt>
                  <dd className="selectable">{w.value}</dd>
                </div>
              ))}
            </dl>
          )}
          <div className="import-error-foot">
            <span className="muted">{t('import.errorHint')}</span>
            <CopyErrorInfo error={error} />
          </div>
        </div>
      }
    />
  );
}
