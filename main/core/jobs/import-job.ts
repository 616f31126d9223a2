import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { ImportSummary } from '../../../shared/domain';
import { AppError, isAppErrorData, type AppErrorData } from '../../../shared/errors';
import { openDatabase } from '../db/open';
import { importOrderFiles, type ImportFile, type ImportProgressEvent } from '../services/order-import';

export interface ImportJobInput {
  dataDir: string;
  shopId: number;
  shipPromiseHours: number;
  files: ImportFile[];
}

/** Messages from the import worker to its host. */
export type WorkerMessage =
  | { type: 'progress'; progress: ImportProgressEvent }
  | { type: 'done'; summary: ImportSummary }
  | { type: 'error'; error: AppErrorData | { code: 'INTERNAL'; message: string } };

/**
 * Runs an import off the calling thread: the worker opens its own connection to the same
 * database (WAL lets the UI keep reading meanwhile) and reports progress as it goes.
 * Without a built worker (unit tests run sources directly) it runs in-process.
 */
export function runImportJob(workerPath: string | undefined, input: ImportJobInput, onProgress: (p: ImportProgressEvent) => void): Promise<ImportSummary> {
  if (!workerPath || !existsSync(workerPath)) return Promise.resolve(runImportInProcess(input, onProgress));
  return new Promise((resolve, reject) => {
    const transfer = input.files.map((f) => (f.bytes.byteOffset === 0 && f.bytes.byteLength === f.bytes.buffer.byteLength ? f.bytes.buffer : null));
    const files = input.files.map((f, i) => ({ name: f.name, bytes: transfer[i] ? f.bytes : f.bytes.slice() }));
    const worker = new Worker(workerPath, { workerData: { ...input, files } });
    let settled = false;
    let heard = false;
    worker.on('message', (m: WorkerMessage) => {
      heard = true;
      if (m.type === 'progress') onProgress(m.progress);
      else if (m.type === 'done') { settled = true; resolve(m.summary); }
      else {
        settled = true;
        const e = m.error;
        reject(isAppErrorData(e) && e.code !== 'INTERNAL' ? Object.assign(new AppError(e.code, { file: e.file, row: e.row, column: e.column }), { message: e.message }) : new Error(e.message));
      }
    });
    worker.on('error', (e) => {
      if (settled) return;
      settled = true;
      // A worker that could not even start (e.g. its modules cannot load from a packed app) has
      // written nothing: do the import here instead. Any later failure is reported as it is.
      if (!heard) {
        try { resolve(runImportInProcess(input, onProgress)); } catch (err) { reject(err); }
        return;
      }
      reject(e);
    });
    worker.on('exit', (code) => { if (!settled) { settled = true; reject(new Error(`import worker exited with code ${code}`)); } });
  });
}

export function runImportInProcess(input: ImportJobInput, onProgress: (p: ImportProgressEvent) => void): ImportSummary {
  const db = openDatabase(input.dataDir);
  // This connection only writes one import: keys arrive in order, so a small page cache does.
  db.pragma('cache_size = -16384');
  try {
    return importOrderFiles(db, input.shopId, input.files, { shipPromiseHours: input.shipPromiseHours, onProgress });
  } finally {
    db.close();
  }
}
