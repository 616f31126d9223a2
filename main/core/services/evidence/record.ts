import type { ParsedReq, Res } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { Db } from '../../db/open';
import type { PageRenderer } from '../../../handlers/context';
import { VERSION } from '../../version';
import { nowIso } from '../clock';
import { deliveredOrder, gatherRecords, type DeliveryRecordData } from './record-data';
import { recordHtml } from './record-html';

/** The file name of an order's record: 发货凭证-<orderNo>.png|pdf (an order number holds no character a file name may not). */
export const recordFileName = (orderNo: string, format: 'png' | 'pdf'): string => `发货凭证-${orderNo.replace(/[\\/:*?"<>|\r\n\t]/g, '_')}.${format}`;

/** One order's record data (its facts and what the page shows). `mask: 'full'` is recorded as a reveal. */
export function deliveryRecord(db: Db, dataDir: string, shopId: number, orderNo: string, mask: 'masked' | 'full' = 'masked'): DeliveryRecordData {
  const o = deliveredOrder(db, shopId, orderNo);
  return gatherRecords(db, dataDir, shopId, [o], mask, `record:${orderNo}`, nowIso())[0];
}

/** Renders a record's page, or RENDERER_UNAVAILABLE when the host has no renderer. */
export async function renderRecord(renderer: PageRenderer | undefined, data: DeliveryRecordData, format: 'png' | 'pdf'): Promise<Uint8Array> {
  if (!renderer) throw new AppError('RENDERER_UNAVAILABLE');
  return renderer.render(recordHtml(data, VERSION), format);
}

/** `evidence.record`: the delivery record (发货凭证) of one delivered order, PNG or PDF. */
export async function deliveryRecordFile(db: Db, dataDir: string, renderer: PageRenderer | undefined, req: ParsedReq<'evidence.record'>): Promise<Res<'evidence.record'>> {
  const data = deliveryRecord(db, dataDir, req.shopId, req.orderNo, req.mask ?? 'masked');
  return { name: recordFileName(req.orderNo, req.format), bytes: await renderRecord(renderer, data, req.format) };
}
