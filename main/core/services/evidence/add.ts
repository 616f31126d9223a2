import type { ParsedReq } from '../../../../shared/contract';
import type { EvidenceAddResult, EvidenceImportResult, EvidenceItem } from '../../../../shared/domain';
import type { Db } from '../../db/open';

// Being built (issue 11): adding evidence to an order, matching a folder's files, hiding, updating.
export async function addEvidence(_db: Db, _dataDir: string, _req: ParsedReq<'evidence.add'>): Promise<EvidenceAddResult> { throw new Error('evidence.add: not built yet'); }
export async function importEvidence(_db: Db, _dataDir: string, _req: ParsedReq<'evidence.import'>): Promise<EvidenceImportResult> { throw new Error('evidence.import: not built yet'); }
export function hideEvidence(_db: Db, _shopId: number, _id: number, _reason: string): EvidenceItem { throw new Error('evidence.hide: not built yet'); }
export function updateEvidence(_db: Db, _req: ParsedReq<'evidence.update'>): EvidenceItem { throw new Error('evidence.update: not built yet'); }
