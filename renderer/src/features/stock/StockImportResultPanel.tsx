/**
 * What a stock import did: the items added; each duplicate with its line and where it was seen
 * before (in the same file, or in the shop's history); or the rejected lines — and then nothing
 * was imported at all.
 */
import { Alert, Table, Tag } from 'antd';
import type { StockImportResult, StockRejectedLine } from '../../../../shared/domain';
import type { AppErrorData } from '../../../../shared/errors';
import { t } from '../../i18n';
import { errorText, stockRejectText } from '../../lib/error-text';
import '../../ui/tones.css';
import './stock.css';

export type StockImportOutcome = { source: string; result: StockImportResult } | { source: string; error: AppErrorData };

const SHOWN = 500;

export function StockImportResultPanel({ outcome, onClose }: { outcome: StockImportOutcome; onClose: () => void }) {
  if ('error' in outcome) {
    return (
      <Alert
        type="error"
        showIcon
        className="stock-result"
        closable={{ onClose }}
        data-testid="stock-import-error"
        title={<span className="strong">{t('stockImport.failed', { source: outcome.source })}</span>}
        description={<div className="stock-result-error">{errorText(outcome.error)}</div>}
      />
    );
  }
  const r = outcome.result;
  if (r.rejected.length > 0) {
    return (
      <Alert
        type="error"
        showIcon
        className="stock-result"
        closable={{ onClose }}
        data-testid="stock-import-result"
        title={<span className="strong">{t('stockImport.rejectedTitle', { source: outcome.source, count: r.rejected.length })}</span>}
        description={
          <div data-testid="stock-rejected">
            <div className="stock-result-lead">{t('stockImport.rejectedLead')}</div>
            <Table
              size="small"
              pagination={false}
              rowKey={(x) => `${x.line}-${x.reason}`}
              scroll={{ y: 200 }}
              dataSource={r.rejected.slice(0, SHOWN)}
              columns={[
                { key: 'line', dataIndex: 'line', title: t('stockImport.line'), width: 110, render: (v: number) => t('stockImport.lineN', { n: v }) },
                { key: 'reason', title: t('stockImport.reason'), render: (_: unknown, x: StockRejectedLine) => stockRejectText(x) },
              ]}
            />
            {r.rejected.length > SHOWN && <div className="muted">{t('stockImport.more', { count: r.rejected.length - SHOWN })}</div>}
          </div>
        }
      />
    );
  }
  const dups = r.duplicates;
  const inFile = dups.filter((d) => d.where === 'file').length;
  return (
    <Alert
      type={dups.length ? 'warning' : 'success'}
      showIcon
      className="stock-result"
      closable={{ onClose }}
      data-testid="stock-import-result"
      title={
        <span className="strong">
          {t('stockImport.addedLead', { source: outcome.source })}
          <span className="result-count-value" data-testid="stock-import-added">{r.added}</span>
          {t('stockImport.addedTail')}
          {dups.length > 0 && t('stockImport.duplicatesTail', { count: dups.length })}
        </span>
      }
      description={dups.length > 0 && (
        <div data-testid="stock-duplicates">
          <div className="stock-result-lead">
            {t('stockImport.duplicatesLead', { inFile, history: dups.length - inFile })}
          </div>
          <Table
            size="small"
            pagination={false}
            rowKey={(d) => `${d.line}`}
            scroll={{ y: 200 }}
            dataSource={dups.slice(0, SHOWN)}
            onRow={() => ({ 'data-testid': 'stock-duplicate' }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { key: 'line', dataIndex: 'line', title: t('stockImport.line'), width: 110, render: (v: number) => <span data-testid="duplicate-line">{t('stockImport.lineN', { n: v })}</span> },
              {
                key: 'where', dataIndex: 'where', title: t('stockImport.where'), width: 140,
                render: (v: 'file' | 'history') => (
                  <Tag color={v === 'file' ? 'orange' : 'purple'} data-testid="duplicate-where" data-where={v}>
                    {t(v === 'file' ? 'stockImport.whereFile' : 'stockImport.whereHistory')}
                  </Tag>
                ),
              },
              { key: 'masked', dataIndex: 'masked', title: t('stockImport.value'), render: (v: string) => <span className="mono">{v}</span> },
            ]}
          />
          {dups.length > SHOWN && <div className="muted">{t('stockImport.more', { count: dups.length - SHOWN })}</div>}
        </div>
      )}
    />
  );
}
