/** What a result file said: rows read, failed (each with the backend's reason), succeeded, and order numbers VShip never exported. */
import { Alert, Table } from 'antd';
import type { UploadResultDetail } from '../../../../shared/domain';
import { t } from '../../i18n';
import '../../ui/tones.css';
import './export.css';

type Count = 'rows' | 'failed' | 'succeeded' | 'unknown';
const COUNTS: Count[] = ['rows', 'failed', 'succeeded', 'unknown'];

export function UploadResultPanel({ detail, onClose }: { detail: UploadResultDetail; onClose: () => void }) {
  const failed = detail.failed > 0;
  return (
    <Alert
      type={failed || detail.unknown > 0 ? 'warning' : 'success'}
      showIcon
      className="export-result-panel"
      data-testid="export-result"
      closable={{ onClose }}
      title={
        <span>
          <span className="strong">{t(failed ? 'export.result.titleFailed' : 'export.result.titleOk', { file: detail.file, failed: detail.failed })}</span>
        </span>
      }
      description={
        <div className="export-result-body">
          <div className="export-result-counts">
            {COUNTS.map((k) => (
              <span key={k} className={`export-result-count export-result-${k} ${detail[k] ? '' : 'zero'}`}>
                <span className="export-result-count-label">{t(`export.result.count.${k}`)}</span>
                <span className="result-count-value" data-testid={`export-result-${k}`}>{detail[k]}</span>
              </span>
            ))}
          </div>
          {failed && <div className="export-result-hint">{t('export.result.failedHint')}</div>}
          {detail.failures.length > 0 && (
            <Table
              size="small"
              className="export-result-failures"
              rowKey="orderNo"
              pagination={false}
              scroll={{ y: 160 }}
              dataSource={detail.failures}
              columns={[
                { key: 'orderNo', dataIndex: 'orderNo', title: t('col.orderNo'), width: 220, render: (v: string) => <span className="mono selectable" data-testid="export-result-failed-order">{v}</span> },
                { key: 'reason', dataIndex: 'reason', title: t('export.result.reason'), render: (v: string) => <span className="selectable">{v || t('common.none')}</span> },
              ]}
            />
          )}
          {detail.unknownOrderNos.length > 0 && (
            <div className="export-result-unknown-list" data-testid="export-result-unknown-list">
              <span className="strong">{t('export.result.unknownTitle', { count: detail.unknownOrderNos.length })}</span>
              <span className="mono selectable">{detail.unknownOrderNos.join('、')}</span>
            </div>
          )}
        </div>
      }
    />
  );
}
