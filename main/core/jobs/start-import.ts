import type { ParsedReq } from '../../../shared/contract';
import type { ImportSummary, JobProgress } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { Db } from '../db/open';
import { getSettings } from '../services/settings';
import { getShop } from '../services/shops';
import type { ImportJobInput } from './import-job';
import { runJob } from './run-job';

/** `import.orders`: the folder must be writable and the shop must exist; the ship promise comes from settings; the job reports progress. */
export function importOrders(
  db: Db,
  where: { dataDir: string; workerPath?: string; readOnly?: boolean },
  req: ParsedReq<'import.orders'>,
  onProgress: (p: JobProgress) => void,
): Promise<ImportSummary> {
  // Refused before the files are read: the worker's own connection would only fail at the write.
  if (where.readOnly) throw new AppError('DATA_READ_ONLY');
  getShop(db, req.shopId);
  const input: ImportJobInput = {
    dataDir: where.dataDir,
    shopId: req.shopId,
    shipPromiseHours: getSettings(db).shipPromiseHours,
    files: req.files.map((f) => ({ name: f.name, bytes: f.bytes })),
  };
  return runJob(where.workerPath, 'import', input, onProgress);
}
