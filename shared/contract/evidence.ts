/** Delivery evidence: adding, matching, listing, hiding, finding; verification; delivery records and packs. */
import { z } from 'zod';
import type { EvidenceAddResult, EvidenceImportResult, EvidenceItem, EvidenceOrderHit, VerifyReport } from '../domain/evidence';
import { EVIDENCE_FILES_PER_REQUEST, EVIDENCE_KINDS, EVIDENCE_SOURCES } from '../domain/evidence';
import { filePayload, noRequest, orderNo, shopId, type FeatureContract } from './define';

const evidenceId = z.number().int().positive();
const kind = z.enum(EVIDENCE_KINDS);
const note = z.string().max(500);
/** A file with, where the host knows it, its time on disk (ms since epoch): the capture time when the image says none. */
const evidenceFile = filePayload.extend({ modifiedAt: z.number().int().nonnegative().optional() });
const files = z.array(evidenceFile).min(1).max(EVIDENCE_FILES_PER_REQUEST);
/** A calendar day (Beijing), inclusive. */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const mask = z.enum(['masked', 'full']);

export const evidenceSchemas = {
  /** Files onto one order (dropped on its row or drawer, pasted, or given on the command line). */
  'evidence.add': z.object({ shopId, orderNo, files, kind: kind.optional(), note: note.optional(), source: z.enum(EVIDENCE_SOURCES).optional() }).strict(),
  /** Files of a folder, each matched to an order by the order or recharge number in its name (or its metadata); the unmatched are listed. */
  'evidence.import': z.object({ shopId, files, kind: kind.optional() }).strict(),
  /** An order's evidence, oldest first; hidden items only when asked. */
  'evidence.list': z.object({ shopId, orderNo, includeHidden: z.boolean().optional() }).strict(),
  /** One file's bytes, checked against its hash (an altered file is refused, never shown). */
  'evidence.file': z.object({ id: evidenceId }).strict(),
  /** Removes an item from its order (the file stays; the ledger records it). */
  'evidence.hide': z.object({ shopId, id: evidenceId, reason: z.string().trim().min(2).max(500) }).strict(),
  /** Changes an item's kind or note (recorded in the ledger). */
  'evidence.update': z.object({ shopId, id: evidenceId, kind: kind.optional(), note: note.optional() }).strict(),
  /** Orders by order number, recharge (phone) number, card number or code (exact), supplier order number, and/or paid/exported dates. */
  'evidence.search': z.object({
    shopId, query: z.string().trim().max(200).optional(), from: day.optional(), to: day.optional(),
    onlyWithEvidence: z.boolean().optional(), limit: z.number().int().min(1).max(1000).optional(),
  }).strict(),
  /** Recomputes the ledger's chain, every stored file's hash and every delivered item against its delivery record. */
  'evidence.verify': noRequest,
  /** The delivery record (发货凭证) of one delivered order, as PNG or PDF. */
  'evidence.record': z.object({ shopId, orderNo, format: z.enum(['png', 'pdf']), mask: mask.optional() }).strict(),
  /** An evidence pack (ZIP) for one order or the orders delivered in a date range. */
  'evidence.pack': z.object({ shopId, orderNo: orderNo.optional(), from: day.optional(), to: day.optional(), mask: mask.optional() }).strict()
    .refine((r) => !!r.orderNo !== !!(r.from && r.to), { message: '需要订单号，或起止日期（二选一）' }),
} as const;

export type EvidenceContract = FeatureContract<typeof evidenceSchemas, {
  'evidence.add': EvidenceAddResult;
  'evidence.import': EvidenceImportResult;
  'evidence.list': EvidenceItem[];
  'evidence.file': { name: string; mime: string; bytes: Uint8Array };
  'evidence.hide': EvidenceItem;
  'evidence.update': EvidenceItem;
  'evidence.search': { hits: EvidenceOrderHit[]; more: boolean };
  'evidence.verify': VerifyReport;
  'evidence.record': { name: string; bytes: Uint8Array };
  'evidence.pack': { name: string; bytes: Uint8Array; orders: number; files: number };
}>;
