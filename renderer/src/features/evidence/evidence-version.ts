/** Evidence changed somewhere (added by a drop on a row, pasted, hidden): the open lists read it again. */
import { useSyncExternalStore } from 'react';

let version = 0;
const listeners = new Set<() => void>();

export function evidenceChanged(): void {
  version++;
  for (const l of listeners) l();
}

function subscribe(cb: () => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

export function useEvidenceVersion(): number {
  return useSyncExternalStore(subscribe, () => version);
}
