/** 数据校验: recomputes the ledger's chain, every stored file's hash and every delivered item (evidence.verify), with its progress. */
import { useCallback, useEffect, useState } from 'react';
import type { JobProgress } from '../../../../shared/domain';
import type { VerifyReport } from '../../../../shared/domain/evidence';
import type { AppErrorData } from '../../../../shared/errors';
import { call, errorData, getBridge } from '../../bridge';

export interface VerifyState {
  running: boolean;
  progress: JobProgress | null;
  report: VerifyReport | null;
  error: AppErrorData | null;
  run: () => Promise<void>;
}

export function useVerify(): VerifyState {
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);

  useEffect(() => {
    if (!running) return;
    // JobKind gains 'verify' with the verify service; compared as text so this reads either way.
    return getBridge().on('job.progress', (p) => {
      if (String(p.kind) === 'verify') setProgress(p);
    });
  }, [running]);

  const run = useCallback(async () => {
    setRunning(true);
    setProgress(null);
    setError(null);
    try {
      setReport(await call('evidence.verify', undefined));
    } catch (e) {
      setReport(null);
      setError(errorData(e));
    } finally {
      setRunning(false);
    }
  }, []);

  return { running, progress, report, error, run };
}
