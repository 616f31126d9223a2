/** The shop's exports, newest first (export.list): loaded when the history is shown and after each change. */
import { useCallback, useEffect, useState } from 'react';
import type { ExportRecord } from '../../../../shared/domain';
import type { AppErrorData } from '../../../../shared/errors';
import { call, errorData } from '../../bridge';
import { useShop } from '../shops';

export function useExports(active: boolean) {
  const { shopId, version } = useShop();
  const [records, setRecords] = useState<ExportRecord[] | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [seq, setSeq] = useState(0);

  useEffect(() => {
    if (!active) return;
    let live = true;
    call('export.list', { shopId }).then(
      (list) => {
        if (!live) return;
        setRecords(list);
        setError(null);
      },
      (e: unknown) => live && setError(errorData(e)),
    );
    return () => {
      live = false;
    };
  }, [active, shopId, version, seq]);

  const retry = useCallback(() => setSeq((n) => n + 1), []);
  return { records, error, retry };
}
