/**
 * 发货记录: every shipment file made for the shop — when, how many orders and items, how many left
 * out, the template, where its orders stand now (已导出, 上传失败, 已发货, 需处理), its files to save
 * again, the result files read — with 查看订单 (the grid filtered to that export). The backend's
 * result file comes in here (button, the drop box, or a drop anywhere on this screen).
 */
import { useEffect, useRef } from 'react';
import { Alert, Button, Spin } from 'antd';
import { FileSearchOutlined, InboxOutlined } from '@ant-design/icons';
import { t } from '../../i18n';
import { errorText } from '../../lib/error-text';
import { CopyErrorInfo } from '../../ui/CopyErrorInfo';
import { ExportsTable } from './ExportsTable';
import { UploadResultPanel } from './UploadResultPanel';
import { useExports } from './useExports';
import { useUploadResult } from './useUploadResult';
import '../../ui/frame.css';
import './export.css';
import { HiddenFileInput } from '../../ui/HiddenFileInput';
import { pressable } from '../../lib/pressable';

/** What the result file picker offers: the backend gives xlsx or csv. */
export const RESULT_ACCEPT = '.xlsx,.xls,.csv';

export function ExportsScreen({ active, onShowOrders, registerDrop }: {
  /** Shown now (the screen stays mounted while hidden). */
  active: boolean;
  /** The orders screen, filtered to one export's orders. */
  onShowOrders: (exportId: number) => void;
  /** Files dropped on the window while this screen is shown come here (the result file). */
  registerDrop: (handler: ((files: File[]) => void) | null) => void;
}) {
  const { records, error, retry } = useExports(active);
  const upload = useUploadResult();
  const input = useRef<HTMLInputElement>(null);

  const { read } = upload;
  useEffect(() => {
    registerDrop((files) => void read(files));
    return () => registerDrop(null);
  }, [registerDrop, read]);

  return (
    <div className="screen" hidden={!active} data-testid="exports-screen">
      <div className="export-history-top">
        <div className="export-history-intro">
          <div className="export-history-title">{t('export.history.title')}</div>
          <div className="muted">{t('export.history.hint')}</div>
        </div>
        <div
          className="export-result-drop"
          {...pressable(() => input.current?.click())}
          data-testid="export-result-drop"
        >
          {upload.reading ? <Spin size="small" /> : <InboxOutlined className="export-result-drop-icon" />}
          <div className="export-result-drop-text">
            <div className="strong">{t(upload.reading ? 'export.result.reading' : 'export.result.drop')}</div>
            <div className="muted">{t('export.result.dropHint')}</div>
          </div>
          <Button
            type="primary"
            icon={<FileSearchOutlined />}
            loading={upload.reading}
            onClick={(e) => {
              e.stopPropagation();
              input.current?.click();
            }}
            data-testid="export-result-pick"
          >
            {t('export.result.button')}
          </Button>
        </div>
      </div>
      <HiddenFileInput inputRef={input} accept={RESULT_ACCEPT} testId="export-result-input" onFiles={(files) => void upload.read(files)} />
      {upload.detail && <UploadResultPanel detail={upload.detail} onClose={upload.close} />}
      {error && (
        <Alert type="error" showIcon title={t('export.history.loadFailed', { message: errorText(error) })} description={<CopyErrorInfo error={error} />} action={<Button size="small" onClick={retry}>{t('common.retry')}</Button>} />
      )}
      <ExportsTable records={records} onShowOrders={onShowOrders} />
    </div>
  );
}
