/** The file as it will be written: its header row and first rows (secrets come masked from the core). */
import { Table } from 'antd';
import { t } from '../../i18n';
import './export.css';

export function ExportPreviewTable({ header, sample, rows }: { header: string[]; sample: string[][]; rows: number }) {
  const data = sample.map((cells, i) => ({ key: i, cells }));
  return (
    <div className="export-preview" data-testid="export-preview">
      <div className="export-section-head">
        <span className="strong">{t('export.preview.title')}</span>
        <span className="muted">{rows > sample.length ? t('export.preview.firstRows', { shown: sample.length, total: rows }) : t('export.preview.allRows', { total: rows })}</span>
      </div>
      <Table
        size="small"
        bordered
        className="export-preview-table"
        pagination={false}
        scroll={{ x: 'max-content', y: 190 }}
        dataSource={data}
        locale={{ emptyText: t('export.preview.empty') }}
        columns={header.map((h, i) => ({
          key: String(i),
          title: h,
          onHeaderCell: () => ({ 'data-testid': 'export-preview-header' }) as React.HTMLAttributes<HTMLElement>,
          render: (_: unknown, r: { cells: string[] }) => <span className="mono export-preview-cell">{r.cells[i] ?? ''}</span>,
        }))}
      />
    </div>
  );
}
