import type { ImportSummary } from '../../../shared/domain';
import { openDatabase } from '../db/open';
import { importOrderFiles, type ImportFile } from '../services/import';
import type { JobDef } from './registry';

export interface ImportJobInput {
  dataDir: string;
  shopId: number;
  shipPromiseHours: number;
  files: ImportFile[];
}

/** One import of order exports: read and check every file, then write them in one transaction. */
export const importJob: JobDef<ImportJobInput, ImportSummary> = {
  run(input, report) {
    const db = openDatabase(input.dataDir);
    // This connection only writes one import. 32 MB of page cache keeps most index pages of a
    // million-order shop (their keys arrive in file order, not in key order).
    db.pragma('cache_size = -32768');
    try {
      return importOrderFiles(db, input.shopId, input.files, { shipPromiseHours: input.shipPromiseHours, onProgress: report });
    } finally {
      db.close();
    }
  },
  toWorker(input) {
    // Each file's bytes are moved to the worker (transfer), not copied: a million-order export
    // (~0.4 GB) is held once in the process, not twice. A file that is its buffer whole goes as it
    // is, and the caller's view of it is emptied; a view into a larger buffer (a request body
    // holding several files) is copied first, and only the copy moves.
    // (new Uint8Array copies; a Buffer's slice() would be a view of the caller's memory.)
    const whole = (b: Uint8Array) => b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer;
    return { ...input, files: input.files.map((f) => ({ name: f.name, bytes: whole(f.bytes) ? f.bytes : new Uint8Array(f.bytes) })) };
  },
  transfer(input) {
    return input.files.map((f) => f.bytes.buffer as ArrayBuffer);
  },
};

