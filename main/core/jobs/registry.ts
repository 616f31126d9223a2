import type { JobKind } from '../../../shared/domain';
import { importJob } from './import-job';

/** A kind of long work: how to run it, and how to hand its input to a worker thread. */
export interface JobDef<I, O> {
  run(input: I, report: (step: import('./run-job').JobStep) => void): O;
  /** The input as it should cross to the worker thread (structured clone). */
  toWorker(input: I): I;
  /** Buffers of that input to move to the worker rather than copy (they must be the job's own copies). */
  transfer?(input: I): ArrayBuffer[];
}

/** Every job kind, by name: the worker entry and the in-process path look jobs up here. */
export const JOBS = {
  import: importJob,
} satisfies Record<JobKind, { run: (...a: never[]) => unknown; toWorker: (...a: never[]) => unknown; transfer?: (...a: never[]) => ArrayBuffer[] }>;

type Def<K extends JobKind> = (typeof JOBS)[K];
export type JobInput<K extends JobKind> = Parameters<Def<K>['run']>[0];
export type JobOutput<K extends JobKind> = ReturnType<Def<K>['run']>;
