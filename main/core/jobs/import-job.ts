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
    // Structured clone copies a view's whole buffer: cut views into a larger buffer down to size.
    // Nothing is transferred, so the caller's bytes stay usable for the in-process fallback.
    const whole = (b: Uint8Array) => b.byteOffset === 0 && b.byteLength === b.buffer.byteLength;
    return { ...input, files: input.files.map((f) => ({ name: f.name, bytes: whole(f.bytes) ? f.bytes : f.bytes.slice() })) };
  },
};

