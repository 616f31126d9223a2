/**
 * The words of an error that are not its text, free of the UI's state (so they are tested as
 * they are): the key of an order import's advice, and 复制错误信息's lines — what the UI says,
 * then the code, the place and the app's version. The code lives here, never in the UI's text.
 */
import type { AppErrorData, ErrorCode, ErrorParams } from '../../../shared/errors';

/** `errors.importAdvice.<CODE>`: what to do after an order import stopped with `code`. */
export function importAdviceKey(code: ErrorCode): string {
  return `errors.importAdvice.${code}`;
}

/** `say(key, params)` is the UI's t(); `text` what the UI showed for the error. */
export function errorReportText(e: AppErrorData, text: string, say: (key: string, params: ErrorParams) => string, version?: string): string {
  const lines = [say('errors.report.message', { message: text }), say('errors.report.code', { code: e.code })];
  if (e.file) lines.push(say('errors.report.file', { file: e.file }));
  if (e.row !== undefined) lines.push(say('errors.report.row', { row: e.row }));
  if (e.column) lines.push(say('errors.report.column', { column: e.column }));
  else if (e.columnNo !== undefined) lines.push(say('errors.report.columnNo', { column: e.columnNo }));
  if (version) lines.push(say('errors.report.version', { version }));
  return lines.join('\n');
}
