/** Long work (import now; export, checks and evidence next) and its progress. Names follow the glossary (../docs/STYLE.md). */
/** Kinds of long work that run as jobs (worker thread, progress events). */
export type JobKind = 'import';
/** Kinds of long work that report progress: the jobs, and `verify` (runs in the core's thread). */
export type ProgressKind = JobKind | 'verify';

/** The one progress event of long work (`job.progress`): which job, which phase, how far. */
export interface JobProgress {
  jobId: string;
  kind: ProgressKind;
  /** import: 'read' | 'write' | 'done'; verify: 'ledger' | 'files' | 'deliveries'. */
  phase: string;
  /** Units (rows) done so far in this phase. */
  done: number;
  /** Units in this phase when known (CSV: known after decode; XLSX: estimated from the sheet size). */
  total: number | null;
  /** The file being worked on, when the job works file by file. */
  file?: string;
}
