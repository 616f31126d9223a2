import { toBeijingIso } from './classify';

/** An order is due soon when its ship-by is less than this many hours away (the summary's band, the grid's colour). */
export const DUE_SOON_HOURS = 6;
export const DUE_SOON_MS = DUE_SOON_HOURS * 3_600_000;

/** Ship-by: 承诺发货时间 when the export has it, else paid time + the promise (default 48 h). */
export function computeShipBy(shipByFromExport: string | null, paidAt: string | null, promiseHours: number): { shipBy: string | null; fromExport: boolean } {
  if (shipByFromExport) return { shipBy: shipByFromExport, fromExport: true };
  if (!paidAt) return { shipBy: null, fromExport: false };
  return { shipBy: toBeijingIso(Date.parse(paidAt) + promiseHours * 3_600_000), fromExport: false };
}
