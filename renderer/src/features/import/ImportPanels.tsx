/**
 * The import's progress and error, shown above the orders; its result is a toast (useOrderImport)
 * whose 查看详情 opens the result dialog rendered here.
 */
import type { OrderImport } from './useOrderImport';
import { ImportErrorPanel } from './ImportErrorPanel';
import { ImportProgressPanel } from './ImportProgressPanel';
import { ImportResultDialog } from './ImportResultPanel';

export function ImportPanels({ state }: { state: OrderImport }) {
  return (
    <>
      {state.importing && <ImportProgressPanel progress={state.progress} fileCount={state.importing.fileCount} />}
      {state.error && <ImportErrorPanel error={state.error} onClose={state.closeError} />}
      <ImportResultDialog summary={state.result} open={state.detailsOpen} onClose={state.closeDetails} />
    </>
  );
}
