import type { VerifyReport } from '../../../../shared/domain';
import type { Db } from '../../db/open';
import type { Emit } from '../../../handlers/context';

// Being built (issue 11): the chain, every stored file, every delivered item against its record.
export function verifyData(_db: Db, _dataDir: string, _emit?: Emit): VerifyReport { throw new Error('evidence.verify: not built yet'); }
