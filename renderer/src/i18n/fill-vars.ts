/**
 * `{name}` parameters filled into a UI sentence. Counts are grouped by thousands (50,000), as the
 * seller centres show them; numbers that are identifiers or positions are shown as written.
 * Pure (no DOM), so the Node tests load it.
 */
import { formatCount } from '../lib/format/count';

/** Parameters that are numbers but not amounts: shown as written (第 12345 行, 批次 #1024, 2026 年). */
const RAW_NUMBER_PARAMS = new Set([
  'id', 'row', 'line', 'version', 'year', 'port', 'column', 'batch', 'batchId', 'exportId', 'fillId',
  // Numbers that are identifiers, should one ever arrive as a JS number: never grouped.
  'number', 'ref', 'orderNo', 'code', 'cardNo', 'phone', 'qq', 'rechargeNo', 'styleId', 'productId', 'skuCode',
]);

/** 「共 {total} 个订单」 + { total: 50000 } → 「共 50,000 个订单」. Unknown `{name}` stays as written. */
export function fillVars(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in vars)) return whole;
    const v = vars[name];
    return typeof v === 'number' && !RAW_NUMBER_PARAMS.has(name) ? formatCount(v) : String(v);
  });
}
