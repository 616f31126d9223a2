/**
 * The import of order exports into the current shop: files picked or dropped → `import.orders`,
 * progress from the `job.progress` events of kind 'import' (at most one per frame), then the
 * summary (a toast with 查看详情 for the full result) or the error (a panel). One import at a time:
 * a second one asked for meanwhile (button, drop, Ctrl+O) is refused with 正在导入，请稍候. The
 * result and error go when the shop changes.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { App as AntApp } from 'antd';
import type { ImportSummary, JobProgress } from '../../../../shared/domain';
import type { AppErrorData } from '../../../../shared/errors';
import { call, errorData, getBridge } from '../../bridge';
import { t } from '../../i18n';
import { MAX_FILES_PER_IMPORT, toFilePayloads } from '../../lib/files/payload';
import { useShop } from '../shops';
import { IMPORT_TOAST_KEY, importToast } from './ImportResultToast';

export interface OrderImport {
  /** While an import runs: how many files it reads. */
  importing: { fileCount: number } | null;
  progress: JobProgress | null;
  result: ImportSummary | null;
  error: AppErrorData | null;
  run: (files: File[]) => Promise<void>;
  /** The result dialog (查看详情) is open. */
  detailsOpen: boolean;
  openDetails: () => void;
  closeDetails: () => void;
  closeResult: () => void;
  closeError: () => void;
}

export function useOrderImport({ onStart }: { onStart?: () => void } = {}): OrderImport {
  const { message, notification } = AntApp.useApp();
  const { shopId, changed } = useShop();
  const [importing, setImporting] = useState<{ fileCount: number } | null>(null);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [result, setResult] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const importingRef = useRef(false);
  const onStartRef = useRef(onStart);
  onStartRef.current = onStart;

  // Another shop: the last import's result and error were about the previous one.
  const [forShop, setForShop] = useState(shopId);
  if (forShop !== shopId) {
    setForShop(shopId);
    setResult(null);
    setError(null);
    setDetailsOpen(false);
    notification.destroy(IMPORT_TOAST_KEY);
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
      setDetailsOpen(false);
      notification.destroy(IMPORT_TOAST_KEY);
      try {
        const summary = await call('import.orders', { shopId, files: await toFilePayloads(files) });
        setResult(summary);
        notification.open(importToast(summary, () => setDetailsOpen(true), () => notification.destroy(IMPORT_TOAST_KEY)));
        changed();
      } catch (e) {
        setError(errorData(e));
      } finally {
        importingRef.current = false;
        setImporting(null);
        setProgress(null);
      }
    },
    [shopId, message, notification, changed],
  );

  const closeResult = useCallback(() => {
    setResult(null);
    setDetailsOpen(false);
  }, []);
  const closeError = useCallback(() => setError(null), []);
  const openDetails = useCallback(() => setDetailsOpen(true), []);
  const closeDetails = useCallback(() => setDetailsOpen(false), []);
  return { importing, progress, result, error, run, detailsOpen, openDetails, closeDetails, closeResult, closeError };
}
