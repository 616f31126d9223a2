/** The exports of the shop, newest first: one row each, its files to save again and 查看订单. */
import { useMemo, useRef, type HTMLAttributes } from 'react';
import { Button, Empty, Table, Tag, Tooltip } from 'antd';
import { DownloadOutlined, LockOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { SHIP_STATES, type ExportFile, type ExportRecord } from '../../../../shared/domain';
import { t } from '../../i18n';
import { formatDateTime } from '../../lib/format/time';
import { useElementHeight } from '../../lib/useElementHeight';
import { fileKindLabel } from './labels';
import { ShipStateTag } from './ShipStateTag';
import { shipStateLabel } from './ship-state';
import { useSaveExportFile } from './useSaveExportFile';
import '../../ui/frame.css';
import './export.css';

const TABLE_HEADER = 40;

/** 「发货文件 1/3」: the kind, and the part when an export wrote several of that kind. */
function fileLabel(f: ExportFile, files: readonly ExportFile[]): string {
  const same = files.filter((x) => x.kind === f.kind);
  return same.length > 1 ? t('export.files.part', { kind: fileKindLabel(f.kind), n: same.indexOf(f) + 1, of: same.length }) : fileKindLabel(f.kind);
}

function FilesCell({ record }: { record: ExportRecord }) {
  const { saving, save } = useSaveExportFile();
  return (
    <span className="export-history-files">
      {record.files.map((f) => (
        <Tooltip key={f.id} title={<span className="mono">{`${f.name}\n${t('export.files.rows', { rows: f.rows })}${f.holdsSecrets ? `\n${t('export.files.secrets')}` : ''}`}</span>}>
          <Button
            size="small"
            type="link"
            icon={f.holdsSecrets ? <LockOutlined /> : <DownloadOutlined />}
            loading={saving === f.id}
            disabled={saving !== null && saving !== f.id}
            onClick={() => void save(f)}
            data-testid="export-history-file"
            data-kind={f.kind}
            data-name={f.name}
          >
            {fileLabel(f, record.files)}
          </Button>
        </Tooltip>
      ))}
    </span>
  );
}

function StatesCell({ record }: { record: ExportRecord }) {
  const states = SHIP_STATES.filter((s) => (record.states[s] ?? 0) > 0);
  if (!states.length) return <span className="muted">{t('common.none')}</span>;
  return (
    <span className="export-history-states">
      {states.map((s) => (
        <span key={s} className="export-history-state" data-testid="export-history-state" data-state={s}>
          <ShipStateTag state={s} />
          <span className="num strong" aria-label={shipStateLabel(s)}>{record.states[s]}</span>
        </span>
      ))}
    </span>
  );
}

function ResultsCell({ record }: { record: ExportRecord }) {
  if (!record.results.length) return <span className="muted">{t('export.history.noResults')}</span>;
  const failed = record.results.reduce((n, r) => n + r.failed, 0);
  const tip = record.results.map((r) => t('export.history.resultLine', { at: formatDateTime(r.at), file: r.file, failed: r.failed, succeeded: r.succeeded })).join('\n');
  return (
    <Tooltip title={<span className="export-pre">{tip}</span>}>
      <span data-testid="export-history-results">
        {t('export.history.results', { count: record.results.length })}
        {failed > 0 && <span className="text-danger">{t('export.history.resultsFailed', { failed })}</span>}
      </span>
    </Tooltip>
  );
}

export function ExportsTable({ records, onShowOrders }: {
  /** null while loading. */
  records: ExportRecord[] | null;
  onShowOrders: (exportId: number) => void;
}) {
  const frame = useRef<HTMLDivElement>(null);
  const height = useElementHeight(frame);
  const columns = useMemo(() => [
    {
      key: 'at', title: t('export.history.col.at'), width: 150,
      render: (_: unknown, r: ExportRecord) => (
        <span className="export-history-at">
          <span className="num" data-testid="export-history-at">{formatDateTime(r.at)}</span>
          <span className="muted">{t('export.history.id', { id: r.id })}</span>
        </span>
      ),
    },
    { key: 'orders', title: t('export.history.col.orders'), width: 70, align: 'right' as const, render: (_: unknown, r: ExportRecord) => <span className="num strong" data-testid="export-history-orders">{r.orders}</span> },
    { key: 'items', title: t('export.history.col.items'), width: 70, align: 'right' as const, render: (_: unknown, r: ExportRecord) => <span className="num">{r.items}</span> },
    {
      key: 'leftOut', title: t('export.history.col.leftOut'), width: 76, align: 'right' as const,
      render: (_: unknown, r: ExportRecord) => <span className={r.leftOut ? 'num text-warning' : 'num muted'} data-testid="export-history-left-out">{r.leftOut}</span>,
    },
    {
      key: 'template', title: t('export.history.col.template'), width: 210,
      render: (_: unknown, r: ExportRecord) => (
        <span className="export-history-template">
          <Tag className="export-format-tag">{r.format.toUpperCase()}</Tag>
          {r.builtInTemplate
            ? <Tooltip title={t('export.template.unverified')}><span className="text-warning">{t('export.history.builtIn')}</span></Tooltip>
            : <span className="export-ellipsis" title={r.template}>{r.template}</span>}
          {r.reexport && (
            <Tooltip title={t('export.history.reexportTip', { count: r.reexport.orderNos.length, reason: r.reexport.reason })}>
              <Tag color="purple">{t('export.history.reexport')}</Tag>
            </Tooltip>
          )}
        </span>
      ),
    },
    { key: 'states', title: t('export.history.col.states'), render: (_: unknown, r: ExportRecord) => <StatesCell record={r} /> },
    { key: 'files', title: t('export.history.col.files'), width: 250, render: (_: unknown, r: ExportRecord) => <FilesCell record={r} /> },
    { key: 'results', title: t('export.history.col.results'), width: 130, render: (_: unknown, r: ExportRecord) => <ResultsCell record={r} /> },
    {
      key: 'actions', title: '', width: 96, align: 'right' as const,
      render: (_: unknown, r: ExportRecord) => (
        <Button size="small" type="link" icon={<UnorderedListOutlined />} onClick={() => onShowOrders(r.id)} data-testid="export-history-show-orders">
          {t('export.history.showOrders')}
        </Button>
      ),
    },
  ], [onShowOrders]);

  return (
    <div className="list-frame export-history-frame" ref={frame}>
      <Table<ExportRecord>
        rowKey="id"
        size="middle"
        pagination={false}
        loading={records === null}
        columns={columns}
        dataSource={records ?? []}
        scroll={{ x: 1100, y: Math.max(120, height - TABLE_HEADER) }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('export.history.empty')} /> }}
        onRow={(r) => ({ 'data-testid': 'export-history-row', 'data-export-id': r.id }) as HTMLAttributes<HTMLElement>}
      />
    </div>
  );
}
