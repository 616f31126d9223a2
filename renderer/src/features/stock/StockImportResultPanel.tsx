/**
 * What a stock import did: the items added; each duplicate with its line and where it was seen
 * before (in the same file, or in the shop's history); or the rejected lines — and then nothing
 * was imported at all.
 */
import { Alert, Table, Tag } from 'antd';
import type { DeliveryKind, StockDuplicate, StockImportResult, StockRejectedLine } from '../../../../shared/domain';
import type { AppErrorData } from '../../../../shared/errors';
import { t, unitLabel, type MessageKey } from '../../i18n';
import { formatCount } from '../../lib/format/count';
import { errorText, stockRejectText } from '../../lib/error-text';
import '../../ui/tones.css';
import './stock.css';

export type StockImportOutcome = { source: string; result: StockImportResult } | { source: string; error: AppErrorData };

const SHOWN = 500;

/** MM-DD of a stored Beijing time (2026-11-28T10:00:00+08:00 → 11-28). */
const day = (iso: string) => iso.slice(5, 10);

/** What a duplicate repeats: 与第 1 行重复, 已在 11-28 导入的批次 #12 中（可用）, 已于 11-28 发给订单 …. */
export function duplicateOf(d: StockDuplicate): string {
  if (d.where === 'file') return d.firstLine ? t('stockImport.dupFirstLine', { line: d.firstLine }) : t('stockImport.whereFile');
  if (d.batchId === undefined || !d.importedAt) return t('stockImport.whereHistory');
  const other = d.otherProduct ? t('stockImport.dupOtherProduct', { title: d.otherProduct.title }) : '';
  if (d.orderNo && d.deliveredAt) return t('stockImport.dupDelivered', { date: day(d.deliveredAt), orderNo: d.orderNo }) + other;
  if (d.orderNo) return t('stockImport.dupReserved', { orderNo: d.orderNo }) + other;
  return t('stockImport.dupBatch', { date: day(d.importedAt), batch: d.batchId }) + t(`stockImport.dupState.${d.state ?? 'available'}` as MessageKey) + other;
}

export function StockImportResultPanel({ outcome, kind, onClose }: { outcome: StockImportOutcome; kind: DeliveryKind | null; onClose: () => void }) {
  const unit = unitLabel(kind);
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
          <span className="result-count-value" data-testid="stock-import-added">{formatCount(r.added)}</span>
          {t('stockImport.addedTail', { unit })}
          {dups.length > 0 && t('stockImport.duplicatesTail', { count: dups.length, unit })}
        </span>
      }
      description={dups.length > 0 && (
        <div data-testid="stock-duplicates">
          <div className="stock-result-lead">
            {t('stockImport.duplicatesLead', { inFile, history: dups.length - inFile, unit })}
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
                key: 'where', dataIndex: 'where', title: t('stockImport.where'),
                render: (v: 'file' | 'history', d: StockDuplicate) => (
                  <span className="stock-dup-where">
                    <Tag color={v === 'file' ? 'orange' : 'purple'} data-testid="duplicate-where" data-where={v}>
                      {t(v === 'file' ? 'stockImport.whereFile' : 'stockImport.whereHistory')}
                    </Tag>
                    <span data-testid="duplicate-of">{duplicateOf(d)}</span>
                  </span>
                ),
              },
              { key: 'masked', dataIndex: 'masked', title: t('stockImport.value'), width: 220, render: (v: string) => <span className="mono">{v}</span> },
            ]}
          />
          {dups.length > SHOWN && <div className="muted">{t('stockImport.more', { count: dups.length - SHOWN })}</div>}
        </div>
      )}
    />
  );
}
