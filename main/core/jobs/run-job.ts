import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { JobKind, JobProgress } from '../../../shared/domain';
import { AppError, isAppErrorData, type AppErrorData } from '../../../shared/errors';
import { JOBS, type JobInput, type JobOutput } from './registry';

/** What a job reports as it goes: the runner adds the job's id and kind. */
export type JobStep = Omit<JobProgress, 'jobId' | 'kind'>;

/** Messages from a job worker to its host. */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'progress'; step: JobStep }
  | { type: 'done'; output: unknown }
  | { type: 'error'; error: AppErrorData | { code: 'INTERNAL'; message: string } };

/** What the worker entry receives as workerData: the kind of job; its input follows as the first message. */
export interface WorkerData<K extends JobKind = JobKind> { kind: K }
/** The first (and only) message to a job worker: the job's input, its large buffers moved (transferList). */
export interface WorkerInput<K extends JobKind = JobKind> { input: JobInput<K> }

let jobSeq = 0;

/**
 * Runs long work (an import now; export, checks and evidence next) off the calling thread: the
 * worker opens its own connection to the same database (WAL lets the UI keep reading meanwhile)
 * and reports `job.progress` as it goes. Without a built worker (tests run sources directly) the
 * job runs in-process; a worker that cannot even start (it fails before saying it is ready, so it
 * has neither the input nor written anything) leaves the job to run here.
 */
export function runJob<K extends JobKind>(
  workerPath: string | undefined,
  kind: K,
  input: JobInput<K>,
  onProgress: (p: JobProgress) => void,
): Promise<JobOutput<K>> {
  const jobId = `${kind}-${process.pid}-${++jobSeq}`;
  const report = (s: JobStep) => onProgress({ jobId, kind, ...s });
  const inProcess = () => (JOBS[kind].run as (i: JobInput<K>, r: typeof report) => JobOutput<K>)(input, report);
  if (!workerPath || !existsSync(workerPath)) return new Promise((resolve) => resolve(inProcess()));
  return new Promise((resolve, reject) => {
    const def = JOBS[kind] as { toWorker: (i: JobInput<K>) => JobInput<K>; transfer?: (i: JobInput<K>) => ArrayBuffer[] };
    // The input goes once the worker says it is ready (its code loaded): until then a worker that
    // cannot start leaves the caller's input whole for the in-process run; after, its buffers may
    // have moved to the worker.
    const worker = new Worker(workerPath, { workerData: { kind } satisfies WorkerData<K> });
    let sent = false;
    let settled = false;
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'ready') {
        const data = def.toWorker(input);
        worker.postMessage({ input: data } satisfies WorkerInput<K>, def.transfer?.(data) ?? []);
        sent = true;
        return;
      }
      if (m.type === 'progress') report(m.step);
      else if (m.type === 'done') { settled = true; resolve(m.output as JobOutput<K>); }
      else {
        settled = true;
        const e = m.error;
        reject(isAppErrorData(e) && e.code !== 'INTERNAL' ? AppError.fromData(e) : new Error(e.message));
      }
    });
    worker.on('error', (e) => {
      if (settled) return;
      settled = true;
      if (!sent) {
        try { resolve(inProcess()); } catch (err) { reject(err); }
        return;
      }
      reject(e);
    });
    worker.on('exit', (code) => { if (!settled) { settled = true; reject(new Error(`${kind} worker exited with code ${code}`)); } });
  });
}
