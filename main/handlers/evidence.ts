import { addEvidence, hideEvidence, importEvidence, updateEvidence } from '../core/services/evidence/add';
import { evidenceFile, listEvidence, searchEvidence } from '../core/services/evidence/list';
import { makePack } from '../core/services/evidence/pack';
import { deliveryRecordFile } from '../core/services/evidence/record';
import { verifyData } from '../core/services/evidence/verify';
import type { FeatureHandlers, HandlerContext } from './context';

export const evidenceHandlers = ({ db, dataDir, pageRenderer }: HandlerContext): FeatureHandlers<'evidence'> => ({
  'evidence.add': (req) => addEvidence(db, dataDir, req),
  'evidence.import': (req) => importEvidence(db, dataDir, req),
  'evidence.list': (req) => listEvidence(db, req.shopId, req.orderNo, req.includeHidden ?? false),
  'evidence.file': (req) => evidenceFile(db, dataDir, req.id),
  'evidence.hide': (req) => hideEvidence(db, req.shopId, req.id, req.reason),
  'evidence.update': (req) => updateEvidence(db, req),
  'evidence.search': (req) => searchEvidence(db, req),
  'evidence.verify': (_req, emit) => verifyData(db, dataDir, emit),
  'evidence.record': (req) => deliveryRecordFile(db, dataDir, pageRenderer, req),
  'evidence.pack': (req) => makePack(db, dataDir, pageRenderer, req),
});
