import { STOCK_REJECT_REASONS, type StockRejectCode, type StockRejectedLine } from '../domain/stock';

/** A rejected stock line, with its Chinese reason filled in from its code. */
export function stockRejected(line: number, code: StockRejectCode, params?: Record<string, string | number>): StockRejectedLine {
  const reason = STOCK_REJECT_REASONS[code].replace(/\{(\w+)\}/g, (_, k: string) => String(params?.[k] ?? ''));
  return params ? { line, code, reason, params } : { line, code, reason };
}
