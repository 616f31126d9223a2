/**
 * Many files or a folder at once: each matched to an order by the core (order or recharge number
 * in its name or metadata), sent in batches with progress (n / total), cancellable between
 * batches. The unmatched files are kept so the merchant can assign each to an order.
 */
import { useCallback, useRef, useState } from 'react';
import type { EvidenceImportResult } from '../../../../shared/domain/evidence';
import type { AppErrorData } from '../../../../shared/errors';
import { call, errorData } from '../../bridge';
import { useShop } from '../shops';
import { batchFiles } from './batches';
import { evidenceChanged } from './evidence-version';
import { toEvidencePayloads } from './payloads';
import { tooLargeRefusal } from './useEvidenceAdd';

export interface EvidenceImportRun {
  /** Files sent so far, of `total`. */
  done: number;
  total: number;
  running: boolean;
  /** Stopped by the merchant before every batch was sent. */
  cancelled: boolean;
  /** 停止 was asked: the batch on its way finishes first. */
  stopping: boolean;
  result: EvidenceImportResult;
  /** The unmatched files, by the index of their row in `result.unmatched`, for assigning. */
  unmatchedFiles: File[];
  /** A batch failed: the ones before it were kept. */
  error: AppErrorData | null;
}

export interface EvidenceImport {
  run: EvidenceImportRun | null;
  start: (files: File[]) => Promise<void>;
  cancel: () => void;
  close: () => void;
}

const empty = (): EvidenceImportResult => ({ matched: [], unmatched: [], refused: [] });

/** The File behind each unmatched row: by name, the first not yet used (a folder may hold two of one name in subfolders). */
function pickFiles(batch: readonly File[], names: readonly string[]): File[] {
  const used = new Set<File>();
  return names.map((n) => {
    const f = batch.find((b) => b.name === n && !used.has(b)) ?? batch.find((b) => b.name === n)!;
    used.add(f);
    return f;
  });
}

export function useEvidenceImport(): EvidenceImport {
  const { shopId } = useShop();
  const [run, setRun] = useState<EvidenceImportRun | null>(null);
  const cancelled = useRef(false);

  const start = useCallback(async (files: File[]) => {
    cancelled.current = false;
    const { batches, tooLarge } = batchFiles(files);
    const result = empty();
    result.refused.push(...tooLarge.map((f) => tooLargeRefusal(f.name)));
    const unmatchedFiles: File[] = [];
    let done = tooLarge.length;
    const snapshot = (patch: Partial<EvidenceImportRun> = {}): EvidenceImportRun => ({
      done, total: files.length, running: true, cancelled: false, stopping: cancelled.current, error: null,
      result: { matched: [...result.matched], unmatched: [...result.unmatched], refused: [...result.refused] },
      unmatchedFiles: [...unmatchedFiles], ...patch,
    });
    setRun(snapshot());
    let error: AppErrorData | null = null;
    for (const batch of batches) {
      if (cancelled.current) break;
      try {
        const r = await call('evidence.import', { shopId, files: await toEvidencePayloads(batch) });
        result.matched.push(...r.matched);
        result.unmatched.push(...r.unmatched);
        result.refused.push(...r.refused);
        unmatchedFiles.push(...pickFiles(batch, r.unmatched.map((u) => u.name)));
      } catch (e) {
        error = errorData(e);
        break;
      }
      done += batch.length;
      setRun(snapshot());
    }
    if (result.matched.length) evidenceChanged();
    setRun(snapshot({ running: false, cancelled: cancelled.current && done < files.length, error }));
  }, [shopId]);

  const cancel = useCallback(() => {
    cancelled.current = true;
    setRun((r) => r && { ...r, stopping: true });
  }, []);
  const close = useCallback(() => {
    cancelled.current = true;
    setRun(null);
  }, []);
  return { run, start, cancel, close };
}
