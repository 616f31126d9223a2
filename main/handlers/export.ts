import { clearTemplate, exportFile, listExports, previewExport, readTemplateFile, readUploadResult, runExport, setTemplate, templateProfile } from '../core/services/export';
import { getShop } from '../core/services/shops';
import type { FeatureHandlers, HandlerContext } from './context';

export const exportHandlers = ({ db, dataDir }: HandlerContext): FeatureHandlers<'export'> => ({
  'export.preview': (req) => previewExport(db, req),
  'export.run': (req) => runExport(db, dataDir, req),
  'export.list': (req) => listExports(db, req.shopId),
  'export.file': (req) => exportFile(db, dataDir, req.shopId, req.fileId),
  'export.result': (req) => readUploadResult(db, req.shopId, req.file),
  'export.template': (req) => templateProfile(db, getShop(db, req.shopId).id),
  'export.readTemplate': (req) => readTemplateFile(req.file).profile,
  'export.setTemplate': (req) => setTemplate(db, getShop(db, req.shopId).id, req.file, req.columns, req.multiItem),
  'export.clearTemplate': (req) => clearTemplate(db, getShop(db, req.shopId).id),
});
