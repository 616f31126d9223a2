import { STOCK_REJECT_REASONS, type StockRejectCode, type StockRejectedLine } from '../domain/stock';
import { fillParams } from '../errors';

/** A rejected stock line, with its Chinese reason filled in from its code. */
export function stockRejected(line: number, code: StockRejectCode, params?: Record<string, string | number>): StockRejectedLine {
  const reason = fillParams(STOCK_REJECT_REASONS[code], params);
  return params ? { line, code, reason, params } : { line, code, reason };
}
