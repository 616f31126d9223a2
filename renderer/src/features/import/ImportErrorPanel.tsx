/** A failed import: the core's message (place first, then what is wrong) and where exactly. */
import { Alert } from 'antd';
import type { AppErrorData } from '../../../../shared/errors';
import { t } from '../../i18n';
import { errorText } from '../../lib/error-text';
import './import.css';

export function ImportErrorPanel({ error, onClose }: { error: AppErrorData; onClose: () => void }) {
  const where: { label: string; value: string }[] = [];
  if (error.file) where.push({ label: t('import.errorFile'), value: error.file });
  if (error.row !== undefined) where.push({ label: t('import.errorRow'), value: t('import.errorRowValue', { row: error.row }) });
  if (error.column) where.push({ label: t('import.errorColumn'), value: error.column });
  else if (error.columnNo !== undefined) where.push({ label: t('import.errorColumn'), value: t('errors.place.columnNo', { n: error.columnNo }) });
  return (
    <Alert
      type="error"
      showIcon
      className="import-panel import-error"
      data-testid="import-error"
      role="alert"
      closable={{ onClose }}
      title={<span className="strong">{t('import.errorTitle')}</span>}
      description={
        <div className="import-error-body">
          <div className="import-error-message" data-testid="import-error-message">{errorText(error)}</div>
          {where.length > 0 && (
            <dl className="import-error-where">
              {where.map((w) => (
                <div key={w.label}>
                  <dt>{w.label}</dt>
                  <dd className="selectable">{w.value}</dd>
                </div>
              ))}
              <div>
                <dt>{t('import.errorCode')}</dt>
                <dd className="mono">{error.code}</dd>
              </div>
            </dl>
          )}
          <div className="muted">{t('import.errorHint')}</div>
        </div>
      }
    />
  );
}
