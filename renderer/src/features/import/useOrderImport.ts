/**
 * The import of order exports into the current shop: files picked or dropped → `import.orders`,
 * progress from the `job.progress` events of kind 'import' (at most one per frame), then the
 * summary or the error. One import at a time; the result and error go when the shop changes.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { App as AntApp } from 'antd';
import type { ImportSummary, JobProgress } from '../../../../shared/domain';
import type { AppErrorData } from '../../../../shared/errors';
import { call, errorData, getBridge } from '../../bridge';
import { t } from '../../i18n';
import { MAX_FILES_PER_IMPORT, toFilePayloads } from '../../lib/files/payload';
import { useShop } from '../shops';

export interface OrderImport {
  /** While an import runs: how many files it reads. */
  importing: { fileCount: number } | null;
  progress: JobProgress | null;
  result: ImportSummary | null;
  error: AppErrorData | null;
  run: (files: File[]) => Promise<void>;
  closeResult: () => void;
  closeError: () => void;
}

export function useOrderImport({ onStart }: { onStart?: () => void } = {}): OrderImport {
  const { message } = AntApp.useApp();
  const { shopId, changed } = useShop();
  const [importing, setImporting] = useState<{ fileCount: number } | null>(null);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [result, setResult] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const importingRef = useRef(false);
  const onStartRef = useRef(onStart);
  onStartRef.current = onStart;

  // Another shop: the last import's result and error were about the previous one.
  const [forShop, setForShop] = useState(shopId);
  if (forShop !== shopId) {
    setForShop(shopId);
    setResult(null);
    setError(null);
  }

  // Progress events can come fast; show at most one per frame.
  useEffect(() => {
    let pending: JobProgress | null = null;
    let frame = 0;
    const off = getBridge().on('job.progress', (p) => {
      if (p.kind !== 'import' || !importingRef.current) return;
      pending = p;
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        if (pending && importingRef.current) setProgress(pending);
      });
    });
    return () => {
      off();
      cancelAnimationFrame(frame);
    };
  }, []);

  const run = useCallback(
    async (picked: File[]) => {
      if (!picked.length) return;
      if (importingRef.current) {
        message.warning(t('import.busy'));
        return;
      }
      let files = picked;
      if (files.length > MAX_FILES_PER_IMPORT) {
        message.warning(t('import.tooMany', { max: MAX_FILES_PER_IMPORT }));
        files = files.slice(0, MAX_FILES_PER_IMPORT);
      }
      importingRef.current = true;
      onStartRef.current?.();
      setImporting({ fileCount: files.length });
      setProgress(null);
      setResult(null);
      setError(null);
      try {
        setResult(await call('import.orders', { shopId, files: await toFilePayloads(files) }));
        changed();
      } catch (e) {
        setError(errorData(e));
      } finally {
        importingRef.current = false;
        setImporting(null);
        setProgress(null);
      }
    },
    [shopId, message, changed],
  );

  const closeResult = useCallback(() => setResult(null), []);
  const closeError = useCallback(() => setError(null), []);
  return { importing, progress, result, error, run, closeResult, closeError };
}
