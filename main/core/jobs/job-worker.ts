import { parentPort, workerData } from 'node:worker_threads';
import { toSystemError } from '../system-errors';
import { JOBS } from './registry';
import type { WorkerData, WorkerInput, WorkerMessage } from './run-job';

/** Worker entry (bundled to out/main/job-worker.cjs): one job, its input the first message, then exit. */
const { kind } = workerData as WorkerData;
const post = (m: WorkerMessage) => parentPort!.postMessage(m);
parentPort!.once('message', ({ input }: WorkerInput) => {
  try {
    let last = 0;
    let phase = '';
    const output = JOBS[kind].run(input as never, (step) => {
      // At most ~20 messages a second: progress is for eyes, not a log; a new phase always goes.
      const t = Date.now();
      if (step.phase === 'done' || step.phase !== phase || t - last > 50) {
        last = t;
        phase = step.phase;
        post({ type: 'progress', step });
      }
    });
    post({ type: 'done', output });
  } catch (e) {
    // A full disk or a locked database keeps its code across the thread (a bug stays INTERNAL).
    const known = toSystemError(e, { dataDir: (input as { dataDir?: string }).dataDir });
    if (known) post({ type: 'error', error: known.toData() });
    else post({ type: 'error', error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) } });
  }
});
// Loaded: the input may come (a worker that fails before this leaves it with its caller).
post({ type: 'ready' });
