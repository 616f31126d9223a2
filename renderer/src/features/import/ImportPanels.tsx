/** The import's progress, result or error, shown above the orders. */
import type { OrderImport } from './useOrderImport';
import { ImportErrorPanel } from './ImportErrorPanel';
import { ImportProgressPanel } from './ImportProgressPanel';
import { ImportResultPanel } from './ImportResultPanel';

export function ImportPanels({ state }: { state: OrderImport }) {
  return (
    <>
      {state.importing && <ImportProgressPanel progress={state.progress} fileCount={state.importing.fileCount} />}
      {state.error && <ImportErrorPanel error={state.error} onClose={state.closeError} />}
      {state.result && <ImportResultPanel summary={state.result} onClose={state.closeResult} />}
    </>
  );
}
