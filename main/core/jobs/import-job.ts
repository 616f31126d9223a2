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
    // This connection only writes one import: keys arrive in order, so a small page cache does.
    db.pragma('cache_size = -16384');
    try {
      return importOrderFiles(db, input.shopId, input.files, { shipPromiseHours: input.shipPromiseHours, onProgress: report });
    } finally {
      db.close();
    }
  },
  toWorker(input) {
    // One copy of each file for the worker, moved there (transfer) rather than copied again by the
    // structured clone: a million-order export (~0.4 GB) is then held twice, not three times. The
    // caller's bytes stay usable for the in-process fallback.
    // (new Uint8Array copies; a Buffer's slice() would be a view of the caller's memory.)
    return { ...input, files: input.files.map((f) => ({ name: f.name, bytes: new Uint8Array(f.bytes) })) };
  },
  transfer(input) {
    return input.files.map((f) => f.bytes.buffer as ArrayBuffer);
  },
};

