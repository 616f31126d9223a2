import type { ImportSummary } from '../../../../shared/domain';
import type { Db } from '../../db/open';
import { getShop } from '../shops';
import type { ImportFile, ImportOptions } from './parse-file';
import { writeImport } from './write-import';

/**
 * Imports order exports into a shop, in one transaction: a bad file anywhere leaves the database
 * untouched. Each file streams from its bytes to the database (write-import.ts). Consumes the
 * files: each one's bytes are released once it has been read.
 */
export function importOrderFiles(db: Db, shopId: number, files: ImportFile[], opts: ImportOptions): ImportSummary {
  const started = Date.now();
  getShop(db, shopId);
  const summary = writeImport(db, shopId, files, opts);
  summary.durationMs = Date.now() - started;
  return summary;
}
