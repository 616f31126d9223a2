import type { ParsedReq, Res } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import type { PageRenderer } from '../../../handlers/context';

// Being built (issue 11): the evidence pack (ZIP) of one order or a date range.
export async function makePack(_db: Db, _dataDir: string, _renderer: PageRenderer | undefined, _req: ParsedReq<'evidence.pack'>): Promise<Res<'evidence.pack'>> { throw new Error('evidence.pack: not built yet'); }
