/**
 * An error as the merchant reads it, in the UI's language: the place (file, row, column), the
 * catalogue's text for its code (`errors.<CODE>`), and the detail in brackets — the same shape
 * as the core's Chinese message (formatErrorMessage in shared/errors.ts), so the Chinese UI reads
 * exactly as the core wrote it and the English one never shows Chinese.
 */
import { formatNote, type AppErrorData, type ErrorNote, type ErrorParams } from '../../../shared/errors';
import type { StockRejectedLine } from '../../../shared/domain';
import { t, type MessageKey } from '../i18n';
import zhCN from '../i18n/zh-CN.json';
import { errorReportText, importAdviceKey } from './error-report';

function known(key: string): key is MessageKey {
  return key in zhCN;
}

/** 「文件「a.csv」 第 12 行「订单号」列：」, or '' when the error has no place. */
export function errorPlace(e: Pick<AppErrorData, 'file' | 'row' | 'column' | 'columnNo'>): string {
  const parts: string[] = [];
  if (e.file) parts.push(t('errors.place.file', { file: e.file }));
  if (e.row !== undefined) parts.push(t('errors.place.row', { row: e.row }));
  if (e.column) parts.push(t('errors.place.column', { column: e.column }));
  else if (e.columnNo !== undefined) parts.push(t('errors.place.columnNo', { n: e.columnNo }));
  return parts.length ? parts.join(t('errors.place.sep')) + t('errors.place.end') : '';
}

/** The error's text from the catalogue by its code; the message as sent for a code we do not know. */
export function errorText(e: AppErrorData): string {
  const key = `errors.${e.code}`;
  if (!known(key)) return e.message;
  const detail = e.notes?.length ? e.notes.map(noteText).join(t('errors.note.sep')) : e.detail;
  return errorPlace(e) + t(key) + (detail ? t('errors.detail', { detail }) : '');
}

/** A note the core added (`errors.note.<KEY>`), its stock-reject / fill-skip code said from those catalogues. */
export function noteText(n: ErrorNote): string {
  const key = `errors.note.${n.key}`;
  if (!known(key)) return formatNote(n);
  const p: ErrorParams = { ...n.params };
  const reject = `stock.reject.${p.rejectCode}`;
  const skip = `fill.skip.${p.skipCode}`;
  if (p.rejectCode !== undefined && known(reject)) p.reject = t(reject, p);
  if (p.skipCode !== undefined && known(skip)) p.skip = t(skip);
  return t(key, p);
}

/** Why a stock line was refused, from the catalogue by its code (`stock.reject.<CODE>`, with {max}/{value}). */
export function stockRejectText(r: Pick<StockRejectedLine, 'code' | 'reason' | 'params'>): string {
  const key = `stock.reject.${r.code}`;
  return known(key) ? t(key, r.params) : r.reason;
}

/**
 * What to do next after a failed order import, fitting its code (`errors.importAdvice.<CODE>`,
 * ORDER_IMPORT_ADVICE in shared/errors.ts); null for a code that has none.
 */
export function importAdvice(e: Pick<AppErrorData, 'code'>): string | null {
  const key = importAdviceKey(e.code);
  return known(key) ? t(key) : null;
}

/** 复制错误信息's text (error-report.ts) in the UI's language, the app's version last. */
export function errorReport(e: AppErrorData, version?: string): string {
  return errorReportText(e, errorText(e), (key, params) => t(key as MessageKey, params), version);
}
