/**
 * What the file will hold before it is written: the ready orders, their items, the rows and the
 * number of file parts, then the waiting orders left out, counted by reason, each with 查看 (the
 * grid filtered to them, where a filter says it) and the first of them in a table.
 */
import { useState } from 'react';
import { Button, Table } from 'antd';
import type { ExportPreview, LeftOutCode, LeftOutOrder } from '../../../../shared/domain';
import { t } from '../../i18n';
import { LEFT_OUT_CODES, leftOutDetail, leftOutLabel } from './labels';
import './export.css';

/** Reasons with no filter of the grid to show them by. */
const NO_FILTER: readonly LeftOutCode[] = ['NO_COLUMN'];

export function ExportCounts({ preview, again, onShowLeftOut }: {
  preview: ExportPreview;
  /** Exported orders asked for again (重新导出): written too, beyond the counts. */
  again: number;
  /** The grid filtered to the orders left out for this reason (the dialog closes). */
  onShowLeftOut: (code: LeftOutCode) => void;
}) {
  const [listOpen, setListOpen] = useState(false);
  const figures = [
    { key: 'ready', value: preview.ready, tone: 'export-fig-ready' },
    { key: 'items', value: preview.items, tone: '' },
    { key: 'rows', value: preview.rows, tone: '' },
    { key: 'parts', value: preview.parts, tone: '' },
  ] as const;
  const leftOut = LEFT_OUT_CODES.filter((code) => (preview.leftOut[code] ?? 0) > 0);
  const leftTotal = leftOut.reduce((n, code) => n + (preview.leftOut[code] ?? 0), 0);
  return (
    <div className="export-counts">
      <div className="export-figures">
        {figures.map((f) => (
          <div key={f.key} className={`export-fig ${f.tone}`}>
            <span className="export-fig-label">{t(`export.count.${f.key}`)}</span>
            <span className="export-fig-value num" data-testid={`export-count-${f.key}`}>{f.value}</span>
            {f.key === 'ready' && again > 0 && <span className="export-fig-again" data-testid="export-count-again">{t('export.again.count', { count: again })}</span>}
          </div>
        ))}
      </div>
      {leftOut.length > 0 ? (
        <div className="export-left-out" data-testid="export-left-out">
          <div className="export-left-out-head">
            <span className="strong">{t('export.leftOut.title', { count: leftTotal })}</span>
            {preview.leftOutSample.length > 0 && (
              <Button type="link" size="small" onClick={() => setListOpen((v) => !v)} data-testid="export-left-out-list-toggle">
                {t(listOpen ? 'export.leftOut.hideList' : 'export.leftOut.showList')}
              </Button>
            )}
          </div>
          <ul className="export-left-out-reasons">
            {leftOut.map((code) => (
              <li key={code} data-testid="export-left-out-reason" data-code={code}>
                <span className="export-left-out-label">{leftOutLabel(code)}</span>
                <span className="num strong" data-testid={`export-left-out-${code}`}>{t('export.orders', { count: preview.leftOut[code] ?? 0 })}</span>
                {!NO_FILTER.includes(code) && (
                  <Button type="link" size="small" className="export-left-out-show" onClick={() => onShowLeftOut(code)} data-testid={`export-left-out-show-${code}`}>
                    {t('export.leftOut.show')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
          {listOpen && (
            <Table<LeftOutOrder>
              size="small"
              className="export-left-out-table"
              rowKey="orderNo"
              pagination={false}
              scroll={{ y: 180 }}
              dataSource={preview.leftOutSample}
              columns={[
                { key: 'orderNo', dataIndex: 'orderNo', title: t('col.orderNo'), width: 190, render: (v: string) => <span className="mono selectable">{v}</span> },
                { key: 'product', title: t('col.productName'), ellipsis: true, render: (_, o) => `${o.productName} ${o.spec}`.trim() },
                { key: 'reason', title: t('export.leftOut.reason'), ellipsis: true, render: (_, o) => leftOutDetail(o) },
              ]}
              footer={() => <span className="muted">{t('export.leftOut.sampleNote', { shown: preview.leftOutSample.length, total: leftTotal })}</span>}
            />
          )}
        </div>
      ) : (
        <div className="export-left-out-none muted" data-testid="export-left-out-none">{t('export.leftOut.none')}</div>
      )}
    </div>
  );
}
