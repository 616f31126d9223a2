import type { ParsedReq, Res } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import type { PageRenderer } from '../../../handlers/context';

// Being built (issue 11): the delivery record (发货凭证) of one delivered order, PNG or PDF.
export async function deliveryRecordFile(_db: Db, _dataDir: string, _renderer: PageRenderer | undefined, _req: ParsedReq<'evidence.record'>): Promise<Res<'evidence.record'>> { throw new Error('evidence.record: not built yet'); }
