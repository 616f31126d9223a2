/** The shipment file: preview, export, history, the backend's result file, and the template profile. */
import { z } from 'zod';
import type { ExportPreview, ExportRecord, TemplateProfile, UploadResultDetail } from '../domain/export';
import { COLUMN_ROLES } from '../domain/export';
import { filePayload, orderNo, shopId, skuKey, type FeatureContract } from './define';

const isoTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/);

/** Which ready orders an export takes; nothing given = every ready order. */
export const exportNarrowing = z.object({
  skuKeys: z.array(skuKey).max(10_000).optional(),
  /** The grid's selection. */
  orderNos: z.array(orderNo).max(100_000).optional(),
  shipByBefore: isoTime.optional(),
  shipByFrom: isoTime.optional(),
}).strict();

const exportOptions = {
  shopId,
  narrow: exportNarrowing.optional(),
  format: z.enum(['xlsx', 'csv']).optional(),
  /** Rows per file before it is split (default 1,000, remembered). */
  maxRows: z.number().int().min(1).max(1_000_000).optional(),
};

/** A column's role as the merchant sets it in the dialog: by header position. */
const columnChoice = z.object({
  index: z.number().int().min(0).max(16_383),
  role: z.enum(COLUMN_ROLES),
  value: z.string().max(200).optional(),
}).strict();

export const exportSchemas = {
  /** Counts and the first rows, before anything is written. */
  'export.preview': z.object(exportOptions).strict(),
  /**
   * Writes the files and marks their orders exported, in one transaction. `reexport`: orders
   * already exported, asked for again by number, with the merchant's reason (recorded).
   */
  'export.run': z.object({
    ...exportOptions,
    reexport: z.object({ orderNos: z.array(orderNo).min(1).max(10_000), reason: z.string().trim().min(2).max(500) }).strict().optional(),
  }).strict(),
  /** The shop's exports, newest first. */
  'export.list': z.object({ shopId }).strict(),
  /** One file of an export, to save again. */
  'export.file': z.object({ shopId, fileId: z.number().int().positive() }).strict(),
  /** The backend's result file after an upload: failed orders become 上传失败 (and ready again). */
  'export.result': z.object({ shopId, file: filePayload }).strict(),
  /** The shop's template profile (the built-in layout when none was given). */
  'export.template': z.object({ shopId }).strict(),
  /** Reads a template the backend gave and says how it would be filled, without keeping it. */
  'export.readTemplate': z.object({ shopId, file: filePayload }).strict(),
  /** Keeps a template for the shop, with the merchant's choices for its columns. */
  'export.setTemplate': z.object({
    shopId, file: filePayload,
    columns: z.array(columnChoice).max(200).optional(),
    multiItem: z.enum(['rows', 'join']).optional(),
  }).strict(),
  /** Back to the built-in layout. */
  'export.clearTemplate': z.object({ shopId }).strict(),
} as const;

export type ExportContract = FeatureContract<typeof exportSchemas, {
  'export.preview': ExportPreview;
  'export.run': ExportRecord;
  'export.list': ExportRecord[];
  'export.file': { name: string; bytes: Uint8Array };
  'export.result': UploadResultDetail;
  'export.template': TemplateProfile;
  'export.readTemplate': TemplateProfile;
  'export.setTemplate': TemplateProfile;
  'export.clearTemplate': TemplateProfile;
}>;
