/**
 * The result of dropping many files or a folder: a progress bar (n / total, 取消) while the
 * batches go, then the unmatched files first (each with an order-number box, or the two orders
 * its name named to choose from, and 添加), what was matched to which order and why, and what
 * was refused and why.
 */
import { useState } from 'react';
import { Alert, Button, Input, Modal, Progress, Select, Space, Table, Tag } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import type { EvidenceImportResult } from '../../../../shared/domain/evidence';
import { errorData } from '../../bridge';
import { t } from '../../i18n';
import { errorText } from '../../lib/error-text';
import { refusalText } from './kind-text';
import type { AddEvidence } from './useEvidenceAdd';
import type { EvidenceImport } from './useEvidenceImport';
import './evidence.css';

type Matched = EvidenceImportResult['matched'][number];
type Unmatched = EvidenceImportResult['unmatched'][number];

export function EvidenceImportDialog({ state, addEvidence, onOpenOrder }: {
  state: EvidenceImport;
  addEvidence: AddEvidence;
  onOpenOrder?: (orderNo: string) => void;
}) {
  const run = state.run;
  if (!run) return null;
  const { result } = run;
  const percent = run.total ? Math.round((run.done / run.total) * 100) : 0;
  return (
    <Modal
      open
      width={820}
      title={run.running ? t('evidence.import.runningTitle') : t('evidence.import.title')}
      closable={!run.running}
      maskClosable={false}
      keyboard={!run.running}
      onCancel={state.close}
      footer={null}
    >
      <div data-testid="evidence-import-dialog" data-running={run.running || undefined}>
        {run.running && (
          <div className="evidence-import-progress" data-testid="evidence-import-progress">
            <Progress percent={percent} status="active" />
            <span className="muted">{t('evidence.import.progress', { done: run.done, total: run.total })}</span>
          </div>
        )}
        <div className="evidence-import-counts" data-testid="evidence-import-counts">
          <Tag color="success">{t('evidence.import.countMatched')} <b data-testid="evidence-import-matched-count">{result.matched.length}</b></Tag>
          <Tag color={result.unmatched.length ? 'warning' : 'default'}>{t('evidence.import.countUnmatched')} <b data-testid="evidence-import-unmatched-count">{result.unmatched.length}</b></Tag>
          <Tag color={result.refused.length ? 'error' : 'default'}>{t('evidence.import.countRefused')} <b data-testid="evidence-import-refused-count">{result.refused.length}</b></Tag>
        </div>
        {run.cancelled && <Alert type="info" showIcon className="evidence-gap" title={t('evidence.import.cancelled', { done: run.done, total: run.total })} />}
        {run.error && <Alert type="error" showIcon className="evidence-gap" title={t('evidence.import.failed', { done: run.done, total: run.total })} description={errorText(run.error)} />}
        {result.unmatched.length > 0 && (
          <section className="evidence-import-section" data-testid="evidence-import-unmatched">
            <h4>{t('evidence.import.unmatchedTitle')}</h4>
            <p className="muted">{t('evidence.import.unmatchedHint')}</p>
            <div className="evidence-unmatched-list">
              {result.unmatched.map((u, i) => (
                <UnmatchedRow key={`${i}-${u.name}`} row={u} file={run.unmatchedFiles[i]} addEvidence={addEvidence} />
              ))}
            </div>
          </section>
        )}
        {result.matched.length > 0 && (
          <section className="evidence-import-section" data-testid="evidence-import-matched">
            <h4>{t('evidence.import.matchedTitle')}</h4>
            <Table<Matched>
              size="small"
              rowKey={(m, i) => `${m.item.id}-${i}`}
              pagination={result.matched.length > 8 ? { pageSize: 8, size: 'small', showSizeChanger: false } : false}
              dataSource={result.matched}
              columns={[
                { key: 'name', title: t('evidence.import.col.file'), dataIndex: 'name', ellipsis: true },
                {
                  key: 'orderNo', title: t('evidence.import.col.order'), dataIndex: 'orderNo', width: 210,
                  render: (v: string) => onOpenOrder
                    ? <Button type="link" size="small" className="mono evidence-link" onClick={() => { state.close(); onOpenOrder(v); }}>{v}</Button>
                    : <span className="mono">{v}</span>,
                },
                { key: 'by', title: t('evidence.import.col.by'), dataIndex: 'by', width: 120, render: (v: Matched['by']) => t(`evidence.import.by.${v}`) },
                {
                  key: 'state', title: t('evidence.import.col.state'), width: 110,
                  render: (_: unknown, m: Matched) => m.already ? <Tag>{t('evidence.import.already')}</Tag> : <Tag color="success">{t('evidence.import.added')}</Tag>,
                },
              ]}
            />
          </section>
        )}
        {result.refused.length > 0 && (
          <section className="evidence-import-section" data-testid="evidence-import-refused">
            <h4>{t('evidence.import.refusedTitle')}</h4>
            <ul className="evidence-refused-list">
              {result.refused.map((r, i) => <li key={i}><span className="strong">{r.name}</span>{t('evidence.sep')}{refusalText(r)}</li>)}
            </ul>
          </section>
        )}
        <div className="evidence-import-footer">
          {run.running
            ? <Button onClick={state.cancel} loading={run.stopping} data-testid="evidence-import-cancel">{run.stopping ? t('evidence.import.stopping') : t('evidence.import.cancel')}</Button>
            : <Button type="primary" onClick={state.close} data-testid="evidence-import-close">{t('common.close')}</Button>}
        </div>
      </div>
    </Modal>
  );
}

/** One unmatched file: the order it goes to (typed, or chosen among the orders its name named), then 添加. */
function UnmatchedRow({ row, file, addEvidence }: { row: Unmatched; file: File | undefined; addEvidence: AddEvidence }) {
  const [orderNo, setOrderNo] = useState(row.candidates[0] ?? '');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const assign = async () => {
    const no = orderNo.trim();
    if (!no || !file) return;
    setBusy(true);
    setError(null);
    try {
      const r = await addEvidence(no, [file], 'folder', { quiet: true });
      if (r && r.refused.length) setError(refusalText(r.refused[0]));
      else setDone(no);
    } catch (e) {
      setError(errorText(errorData(e)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="evidence-unmatched-row" data-testid="evidence-unmatched-row" data-name={row.name}>
      <div className="evidence-unmatched-name">
        <span className="strong" title={row.name}>{row.name}</span>
        <span className="muted">{row.reason === 'AMBIGUOUS' ? t('evidence.import.ambiguous', { orders: row.candidates.join('、') }) : t('evidence.import.noOrder')}</span>
      </div>
      {done ? (
        <span className="text-success" data-testid="evidence-unmatched-done"><CheckCircleFilled /> {t('evidence.import.assigned', { orderNo: done })}</span>
      ) : (
        <Space.Compact className="evidence-unmatched-assign">
          {row.reason === 'AMBIGUOUS' && row.candidates.length > 0 ? (
            <Select
              value={orderNo}
              onChange={setOrderNo}
              options={row.candidates.map((c) => ({ value: c, label: c }))}
              className="evidence-unmatched-input mono"
              data-testid="evidence-unmatched-select"
            />
          ) : (
            <Input
              value={orderNo}
              onChange={(e) => setOrderNo(e.target.value)}
              onPressEnter={() => void assign()}
              placeholder={t('evidence.import.orderNoPlaceholder')}
              className="evidence-unmatched-input mono"
              data-testid="evidence-unmatched-input"
            />
          )}
          <Button type="primary" loading={busy} disabled={!orderNo.trim() || !file} onClick={() => void assign()} data-testid="evidence-unmatched-assign">
            {t('evidence.import.assign')}
          </Button>
        </Space.Compact>
      )}
      {error && <div className="text-danger evidence-unmatched-error" data-testid="evidence-unmatched-error">{error}</div>}
    </div>
  );
}
