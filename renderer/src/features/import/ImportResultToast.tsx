/**
 * An import's result as a toast (bottom right, as Windows shows one): the title line, the file(s)
 * and the shippable counts, and 查看详情 for the full result dialog. It goes after a while (kept
 * while the pointer is over it); the status bar's 查看详情 opens the same dialog later.
 */
import type { HTMLAttributes } from 'react';
import { Button } from 'antd';
import type { ArgsProps } from 'antd/es/notification';
import type { ImportSummary } from '../../../../shared/domain';
import { t } from '../../i18n';
import { importWarnings } from './ImportResultPanel';
import './import.css';

export const IMPORT_TOAST_KEY = 'import-result';
/** Seconds on screen (a warning stays until closed). */
const TOAST_SECONDS = 10;

export function importToast(summary: ImportSummary, onDetails: () => void, close: () => void): ArgsProps {
  const files = summary.files.length === 1
    ? summary.files[0].file
    : t('import.toastFiles', { count: summary.files.length, first: summary.files[0]?.file ?? '' });
  const problem = summary.damaged > 0 || importWarnings(summary).length > 0;
  return {
    key: IMPORT_TOAST_KEY,
    type: problem ? 'warning' : 'success',
    placement: 'bottomRight',
    duration: problem ? false : TOAST_SECONDS,
    className: 'import-toast',
    props: { 'data-testid': 'import-result' } as HTMLAttributes<HTMLDivElement>,
    title: t('import.resultTitle', { read: summary.read, new: summary.new, updated: summary.updated }),
    description: (
      <div className="import-toast-body">
        <div className="import-toast-file" title={files}>{files}</div>
        <div className="import-toast-counts">
          {t('import.toastCounts', { shippable: summary.shippable, notShippable: summary.notShippable })}
          {summary.damaged > 0 && <span className="import-toast-damaged">{t('import.toastDamaged', { count: summary.damaged })}</span>}
        </div>
      </div>
    ),
    actions: (
      <Button
        type="primary"
        size="small"
        onClick={() => {
          close();
          onDetails();
        }}
        data-testid="import-result-open"
      >
        {t('import.details')}
      </Button>
    ),
  };
}
