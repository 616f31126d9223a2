/**
 * The renderer's words for an error: advice that fits each order-import error's code, in both
 * languages, and 复制错误信息's text carrying the code the UI's text leaves out.
 */
import { describe, expect, it } from 'vitest';
import en from '../../renderer/src/i18n/en.json';
import zhCN from '../../renderer/src/i18n/zh-CN.json';
import { errorReportText, importAdviceKey } from '../../renderer/src/lib/error-report';
import { ERROR_CODES, fillParams, formatErrorMessage, ORDER_IMPORT_ADVICE, type AppErrorData, type ErrorCode } from '../../shared/errors';

const CJK = /[\u3400-\u9fff]/;
const zh = zhCN as Record<string, string>;
const english = en as Record<string, string>;
/** The Chinese UI's words, as t() says them (the renderer's i18n needs a window). */
const say = (key: string, params?: Record<string, string | number>) => fillParams(zh[key] ?? key, params);
const importAdvice = ({ code }: { code: ErrorCode }): string | null => (importAdviceKey(code) in zh ? say(importAdviceKey(code)) : null);
/** errorText in Chinese reads as the core's message (error-catalogue.test.ts). */
const errorReport = (e: AppErrorData, version?: string) => errorReportText(e, formatErrorMessage(e.code, e), say, version);
const REDOWNLOAD = '请在商家后台「订单查询 → 批量导出」重新下载';

describe('advice after a failed order import', () => {
  it('tells a PNG or an empty file to be downloaded again from the seller centre', () => {
    expect(importAdvice({ code: 'NOT_SPREADSHEET' })).toBe(REDOWNLOAD);
    expect(importAdvice({ code: 'EMPTY_FILE' })).toBe(REDOWNLOAD);
  });

  it('has advice for every code the order readers throw, Chinese as the core says it, English without Chinese', () => {
    const readers = ['NOT_SPREADSHEET', 'EMPTY_FILE', 'HEADER_ONLY', 'NO_ORDER_NO_COLUMN', 'XLSX_ENCRYPTED', 'XLSX_CORRUPT', 'XLS_LEGACY',
      'ZIP_NO_SHEET', 'ZIP_MANY_SHEETS', 'ZIP_CORRUPT', 'ZIP_CHECKSUM', 'CSV_MALFORMED', 'ROW_TOO_LONG', 'ROW_TOO_SHORT', 'FILE_TRUNCATED',
      'DUPLICATE_COLUMN', 'MIXED_ENCODING', 'CELL_TOO_LONG', 'TOO_MANY_COLUMNS', 'UNPACKED_TOO_LARGE', 'TOO_MANY_STRINGS', 'FILE_TOO_LARGE', 'HOST_BUSY'];
    expect(Object.keys(ORDER_IMPORT_ADVICE)).toEqual(expect.arrayContaining(readers));
    for (const [code, text] of Object.entries(ORDER_IMPORT_ADVICE) as [string, string][]) {
      expect(code in ERROR_CODES, code).toBe(true);
      expect(zh[`errors.importAdvice.${code}`], code).toBe(text);
      expect(english[`errors.importAdvice.${code}`], code).toMatch(/\S/);
      expect((english[`errors.importAdvice.${code}`] ?? '').replace(/“[^”]*”/g, ''), code).not.toMatch(CJK);
      // Advice adds to the error's text; it does not say it again.
      expect(ERROR_CODES[code as keyof typeof ERROR_CODES].includes(text), code).toBe(false);
    }
  });

  it('points every damaged or unreadable file back to the seller centre’s export', () => {
    for (const code of ['NOT_SPREADSHEET', 'EMPTY_FILE', 'XLSX_CORRUPT', 'ZIP_CORRUPT', 'ZIP_CHECKSUM', 'CSV_MALFORMED', 'ROW_TOO_LONG', 'ROW_TOO_SHORT',
      'FILE_TRUNCATED', 'CELL_TOO_LONG', 'TOO_MANY_COLUMNS', 'UNPACKED_TOO_LARGE', 'TOO_MANY_STRINGS'] as const) {
      expect(importAdvice({ code }), code).toContain('「订单查询 → 批量导出」重新下载');
    }
    expect(importAdvice({ code: 'HOST_BUSY' })).not.toContain('重新下载');
    expect(importAdvice({ code: 'FILE_TOO_LARGE' })).toContain('缩短时间范围');
  });

  it('has none for an error that is not about the file', () => {
    expect(importAdvice({ code: 'ORDER_NOT_FOUND' })).toBeNull();
  });
});

describe('复制错误信息', () => {
  it('carries what the UI says, the code, the file, row, column and the version; the UI text has no code', () => {
    const e = { code: 'ROW_TOO_SHORT' as const, message: 'x', file: 'a.csv', row: 3, column: '售后状态' };
    expect(formatErrorMessage(e.code, e)).not.toContain('ROW_TOO_SHORT');
    expect(errorReport(e, '0.1.0').split('\n')).toEqual([
      '错误信息：文件「a.csv」 第 3 行 「售后状态」列：这一行的单元格比表头少，文件可能被截断或错位',
      '错误代码：ROW_TOO_SHORT',
      '文件：a.csv',
      '行：第 3 行',
      '列：售后状态',
      '版本：VShip 0.1.0',
    ]);
  });

  it('names a column by number when it has no header, and leaves out what it does not know', () => {
    expect(errorReport({ code: 'ROW_TOO_LONG', message: 'x', file: 'b.csv', row: 12345, columnNo: 28 }).split('\n')).toEqual([
      '错误信息：文件「b.csv」 第 12345 行 第 28 列：这一行的单元格比表头多，文件可能被截断或错位',
      '错误代码：ROW_TOO_LONG',
      '文件：b.csv',
      '行：第 12345 行',
      '列：第 28 列',
    ]);
  });
});
