/**
 * The result of 数据校验: green with what was checked and the ledger's head when nothing is wrong;
 * red with every finding (what exactly was changed, added or is missing) and a copy button when
 * something is; a spinner with the progress while it runs.
 */
import { Alert, App as AntApp, Button, Progress, Spin } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { t } from '../../i18n';
import { copyText } from '../../lib/clipboard/copy-text';
import { errorText } from '../../lib/error-text';
import { formatDateTime } from '../../lib/format/time';
import { problemText } from './kind-text';
import type { VerifyState } from './useVerify';

export function VerifyPanel({ state }: { state: VerifyState }) {
  const { message } = AntApp.useApp();
  const { running, progress, report, error } = state;
  if (running) {
    const pct = progress?.total ? Math.round((progress.done / progress.total) * 100) : null;
    return (
      <div className="evidence-verify evidence-verify-running" data-testid="verify-running">
        <Spin size="small" />
        <span>{t('evidence.verify.running')}</span>
        {pct !== null && <Progress percent={pct} size="small" className="evidence-verify-progress" />}
        {progress && progress.total === null && <span className="muted">{t('evidence.verify.progressCount', { done: progress.done })}</span>}
      </div>
    );
  }
  if (error) return <Alert type="error" showIcon className="evidence-verify" title={t('evidence.verify.failed')} description={errorText(error)} data-testid="verify-error" />;
  if (!report) return null;
  const c = report.checked;
  const counts = t('evidence.verify.counts', { ledger: c.ledgerEntries, evidence: c.evidenceFiles, exports: c.exportFiles, deliveries: c.deliveries, items: c.items });
  if (report.ok) {
    return (
      <Alert
        type="success"
        showIcon
        className="evidence-verify"
        data-testid="verify-ok"
        title={t('evidence.verify.ok', { at: formatDateTime(report.at, true) })}
        description={
          <div className="evidence-verify-body">
            <div>{counts}</div>
            {report.head && (
              <div className="muted">
                {t('evidence.verify.head', { id: report.head.id })} <span className="mono selectable evidence-hash" data-testid="verify-head">{report.head.hash}</span>
              </div>
            )}
          </div>
        }
      />
    );
  }
  const lines = report.problems.map(problemText);
  const copy = async () => {
    const text = [t('evidence.verify.bad', { count: report.problems.length + report.moreProblems, at: formatDateTime(report.at, true) }), ...lines].join('\n');
    if (await copyText(text)) message.success(t('common.copied'));
    else message.error(t('common.copyFailed'));
  };
  return (
    <Alert
      type="error"
      showIcon
      className="evidence-verify"
      data-testid="verify-bad"
      title={t('evidence.verify.bad', { count: report.problems.length + report.moreProblems, at: formatDateTime(report.at, true) })}
      action={<Button size="small" icon={<CopyOutlined />} onClick={() => void copy()} data-testid="verify-copy">{t('common.copy')}</Button>}
      description={
        <div className="evidence-verify-body">
          <ol className="evidence-problems" data-testid="verify-problems">
            {report.problems.map((p, i) => <li key={i} className="selectable" data-code={p.code}>{lines[i]}</li>)}
          </ol>
          {report.moreProblems > 0 && <div className="muted">{t('evidence.verify.more', { count: report.moreProblems })}</div>}
          <div className="muted">{counts}</div>
          <div className="muted">{t('evidence.verify.badHint')}</div>
        </div>
      }
    />
  );
}
