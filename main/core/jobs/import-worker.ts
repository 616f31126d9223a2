import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import { runImportInProcess, type ImportJobInput, type WorkerMessage } from './import-job';

/** Worker entry (bundled to out/main/import-worker.cjs): one import, then exit. */
const input = workerData as ImportJobInput;
const post = (m: WorkerMessage) => parentPort!.postMessage(m);
try {
  let last = 0;
  const summary = runImportInProcess(input, (progress) => {
    // At most ~20 messages a second: progress is for eyes, not a log.
    const t = Date.now();
    if (progress.phase === 'done' || t - last > 50) {
      last = t;
      post({ type: 'progress', progress });
    }
  });
  post({ type: 'done', summary });
} catch (e) {
  if (e instanceof AppError) post({ type: 'error', error: e.toData() });
  else post({ type: 'error', error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) } });
}
