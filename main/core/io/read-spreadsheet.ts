import { unzipSync } from 'fflate';
import { AppError } from '../../../shared/errors';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';
import { cfbKind, sniff } from './sniff';
import type { TableInfo, TableSink } from './table';

/**
 * Reads any order export the merchant may drop: .csv, .xlsx, or a .zip holding exactly one of
 * them. The content decides, not the name (a .csv that is really a PNG is refused).
 */
export function readSpreadsheet(name: string, bytes: Uint8Array, sink: TableSink): TableInfo {
  const kind = sniff(bytes);
  const lower = name.toLowerCase();
  switch (kind) {
    case 'empty':
      throw new AppError('EMPTY_FILE', { file: name });
    case 'cfb':
      throw new AppError(cfbKind(bytes) === 'encrypted-xlsx' ? 'XLSX_ENCRYPTED' : 'XLS_LEGACY', { file: name });
    case 'binary':
      throw new AppError(lower.endsWith('.xls') ? 'XLS_LEGACY' : 'NOT_SPREADSHEET', { file: name });
    case 'text':
      if (lower.endsWith('.xlsx') || lower.endsWith('.zip')) throw new AppError(lower.endsWith('.zip') ? 'ZIP_CORRUPT' : 'XLSX_CORRUPT', { file: name });
      return readCsv(bytes, name, sink);
    case 'zip':
      return readZipOrXlsx(name, bytes, sink);
  }
}

function readZipOrXlsx(name: string, bytes: Uint8Array, sink: TableSink): TableInfo {
  let names: string[];
  try {
    names = listZip(bytes);
  } catch (e) {
    throw new AppError(name.toLowerCase().endsWith('.zip') ? 'ZIP_CORRUPT' : 'XLSX_CORRUPT', { file: name, detail: (e as Error).message });
  }
  if (names.includes('[Content_Types].xml') && names.some((n) => n.startsWith('xl/'))) {
    readXlsx(bytes, name, sink);
    return { format: 'xlsx', encoding: null };
  }
  const sheets = names.filter((n) => !n.endsWith('/') && !n.startsWith('__MACOSX/') && !/(^|\/)\._/.test(n) && /\.(csv|xlsx)$/i.test(n));
  if (sheets.length === 0) {
    if (names.some((n) => /\.xls$/i.test(n))) throw new AppError('XLS_LEGACY', { file: name, notes: [{ key: 'ZIP_HOLDS_XLS' }] });
    throw new AppError('ZIP_NO_SHEET', { file: name });
  }
  if (sheets.length > 1) throw new AppError('ZIP_MANY_SHEETS', { file: name, detail: sheets.slice(0, 5).join('、') });
  const entry = sheets[0];
  let inner: Uint8Array;
  try {
    inner = unzipSync(bytes, { filter: (f) => f.name === entry })[entry];
  } catch (e) {
    throw new AppError('ZIP_CORRUPT', { file: name, detail: (e as Error).message });
  }
  const label = `${name} › ${entry}`;
  const info = readSpreadsheetInner(label, inner, sink);
  return { ...info, entry };
}

function readSpreadsheetInner(label: string, bytes: Uint8Array, sink: TableSink): TableInfo {
  const kind = sniff(bytes);
  if (kind === 'zip') {
    readXlsx(bytes, label, sink);
    return { format: 'xlsx', encoding: null };
  }
  if (kind === 'empty') throw new AppError('EMPTY_FILE', { file: label });
  if (kind === 'cfb') throw new AppError(cfbKind(bytes) === 'encrypted-xlsx' ? 'XLSX_ENCRYPTED' : 'XLS_LEGACY', { file: label });
  if (kind === 'binary') throw new AppError('NOT_SPREADSHEET', { file: label });
  return readCsv(bytes, label, sink);
}

/** Entry names from the zip's central directory, without inflating anything. */
function listZip(bytes: Uint8Array): string[] {
  const names: string[] = [];
  unzipSync(bytes, {
    filter: (f) => {
      names.push(f.name);
      return false;
    },
  });
  return names;
}
