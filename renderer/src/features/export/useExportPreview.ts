/**
 * export.preview for the dialog's choices: the counts, the template and the first rows before
 * anything is written. Asked again (debounced) when a choice changes; the last answer stays
 * shown while the next one is on its way.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ExportNarrowing, ExportPreview } from '../../../../shared/domain';
import type { AppErrorData } from '../../../../shared/errors';
import { call, errorData } from '../../bridge';
import { useDebounced } from '../../lib/useDebounced';

export interface ExportChoice {
  narrow: ExportNarrowing;
  format: 'xlsx' | 'csv';
  /** Rows per file; null until the remembered setting is known. */
  maxRows: number | null;
}

/** The request the choice makes (export.preview and export.run take the same options). */
export function exportRequest(shopId: number, c: ExportChoice) {
  const narrow = Object.values(c.narrow).some((v) => v !== undefined) ? c.narrow : undefined;
  return { shopId, narrow, format: c.format, maxRows: c.maxRows ?? undefined };
}

export function useExportPreview(shopId: number, open: boolean, choice: ExportChoice) {
  const [preview, setPreview] = useState<ExportPreview | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [loading, setLoading] = useState(false);
  const [seq, setSeq] = useState(0);
  const current = JSON.stringify(exportRequest(shopId, choice));
  const key = useDebounced(current, 250);
  // The counts shown are for the choice made: not while a change waits for its debounce, nor
  // while its answer is on the way (生成 would otherwise read counts of the choice before).
  const [countedKey, setCountedKey] = useState<string | null>(null);
  const ready = open && choice.maxRows !== null;

  useEffect(() => {
    const req = JSON.parse(key) as ReturnType<typeof exportRequest>;
    // Wait for the remembered rows per file, so the first counts are the real ones.
    if (!ready || req.maxRows === undefined) return;
    let live = true;
    setLoading(true);
    call('export.preview', req).then(
      (p) => {
        if (!live) return;
        setPreview(p);
        setError(null);
        setLoading(false);
        setCountedKey(key);
      },
      (e: unknown) => {
        if (!live) return;
        setError(errorData(e));
        setLoading(false);
        setCountedKey(key);
      },
    );
    return () => {
      live = false;
    };
  }, [key, ready, seq]);

  // Closed: the next opening starts from fresh counts.
  const [wasOpen, setWasOpen] = useState(open);
  if (wasOpen !== open) {
    setWasOpen(open);
    if (!open) {
      setPreview(null);
      setError(null);
    }
  }

  const reload = useCallback(() => setSeq((n) => n + 1), []);
  const pending = loading || countedKey !== current;
  return useMemo(() => ({ preview, error, loading, pending, reload }), [preview, error, loading, pending, reload]);
}
