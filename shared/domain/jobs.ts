/** Long work (import now; export, checks and evidence next) and its progress. Names follow the glossary (../docs/STYLE.md). */
/** Kinds of long work that run as jobs (worker thread, progress events). */
export type JobKind = 'import';

/** The one progress event of long work (`job.progress`): which job, which phase, how far. */
export interface JobProgress {
  jobId: string;
  kind: JobKind;
  /** import: 'read' | 'write' | 'done'. */
  phase: string;
  /** Units (rows) done so far in this phase. */
  done: number;
  /** Units in this phase when known (CSV: known after decode; XLSX: estimated from the sheet size). */
  total: number | null;
  /** The file being worked on, when the job works file by file. */
  file?: string;
}
