import type { ParsedReq, Res } from '../../../../shared/contract';
import type { EvidenceItem } from '../../../../shared/domain';
import type { Db } from '../../db/open';

// Being built (issue 11): an order's evidence, one file's bytes (hash-checked), finding orders.
export function listEvidence(_db: Db, _shopId: number, _orderNo: string, _includeHidden: boolean): EvidenceItem[] { throw new Error('evidence.list: not built yet'); }
export function evidenceFile(_db: Db, _dataDir: string, _id: number): Res<'evidence.file'> { throw new Error('evidence.file: not built yet'); }
export function searchEvidence(_db: Db, _req: ParsedReq<'evidence.search'>): Res<'evidence.search'> { throw new Error('evidence.search: not built yet'); }
