/** The words for the shipment file's codes: column roles, file kinds, reasons an order is left out. */
import type { ColumnRole, ExportFileKind, LeftOutCode, LeftOutOrder } from '../../../../shared/domain';
import { LEFT_OUT_REASONS } from '../../../../shared/domain';
import { t } from '../../i18n';
import { ruleTitle } from '../rules';

/** 「订单号」「卡号」「固定内容」…: what a template column is filled with. */
export function roleLabel(role: ColumnRole): string {
  return t(`export.role.${role}`);
}

/** 「发货文件」「发货消息」「未导出清单」 */
export function fileKindLabel(kind: ExportFileKind): string {
  return t(`export.fileKind.${kind}`);
}

export const LEFT_OUT_CODES = Object.keys(LEFT_OUT_REASONS) as LeftOutCode[];

/** Why orders were left out, by code. */
export function leftOutLabel(code: LeftOutCode): string {
  return t(`export.leftOut.${code}`);
}

/** One left-out order's reason, with the blocking rule or the missing column when it has one. */
export function leftOutDetail(o: LeftOutOrder): string {
  if (o.code === 'RULE_BLOCKED' && o.rule) return t('export.leftOut.withRule', { reason: leftOutLabel(o.code), rule: ruleTitle(o.rule) });
  if (o.code === 'NO_COLUMN' && o.part) return t('export.leftOut.withPart', { reason: leftOutLabel(o.code), part: roleLabel(o.part) });
  return leftOutLabel(o.code);
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
