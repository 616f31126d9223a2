import { AppError } from '../../../shared/errors';
import { formatBytes, LIMITS, type IoLimits } from './limits';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';
import { cfbKind, sniff } from './sniff';
import type { TableInfo, TableSink } from './table';
import { checkEntryLimits, listZip, readZipEntry, type UnpackBudget } from './zip';

/**
 * Reads any order export the merchant may drop: .csv, .xlsx, or a .zip holding exactly one of
 * them. The content decides, not the name (a .csv that is really a PNG is refused). Nothing beyond
 * the limits (limits.ts) is read.
 */
export function readSpreadsheet(name: string, bytes: Uint8Array, sink: TableSink, limits: IoLimits = LIMITS): TableInfo {
  checkFileSize(name, bytes.byteLength, limits);
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
      return readCsv(bytes, name, sink, limits);
    case 'zip':
      return readZipOrXlsx(name, bytes, sink, limits);
  }
}

function checkFileSize(file: string, size: number, limits: IoLimits): void {
  if (size > limits.maxFileBytes) throw new AppError('FILE_TOO_LARGE', { file, notes: [{ key: 'SIZE_LIMIT', params: { limit: formatBytes(limits.maxFileBytes) } }] });
}

function readZipOrXlsx(name: string, bytes: Uint8Array, sink: TableSink, limits: IoLimits): TableInfo {
  const looksXlsx = !name.toLowerCase().endsWith('.zip');
  const entries = listZip(bytes, name, looksXlsx ? 'xlsx' : 'zip');
  const names = entries.map((e) => e.name);
  const budget: UnpackBudget = { used: 0 };
  if (names.includes('[Content_Types].xml') && names.some((n) => n.startsWith('xl/'))) {
    readXlsx(bytes, name, sink, undefined, limits, budget, entries);
    return { format: 'xlsx', encoding: null };
  }
  const sheets = names.filter((n) => !n.endsWith('/') && !n.startsWith('__MACOSX/') && !/(^|\/)\._/.test(n) && /\.(csv|xlsx)$/i.test(n));
  if (sheets.length === 0) {
    if (names.some((n) => /\.xls$/i.test(n))) throw new AppError('XLS_LEGACY', { file: name, notes: [{ key: 'ZIP_HOLDS_XLS' }] });
    throw new AppError('ZIP_NO_SHEET', { file: name });
  }
  if (sheets.length > 1) throw new AppError('ZIP_MANY_SHEETS', { file: name, detail: sheets.slice(0, 5).join('、') });
  const entry = entries.find((e) => e.name === sheets[0])!;
  const label = `${name} › ${entry.name}`;
  // The file inside is held to the file limit by its declared size, before a byte is inflated
  // (a 10 MB zip can honestly hold 1.4 GB of CSV, within the entry limit meant for an xlsx's sheet).
  checkEntryLimits(entry, name, limits, budget);
  checkFileSize(label, entry.size, limits);
  const inner = readZipEntry(bytes, entry, name, 'zip', limits, budget);
  const info = readSpreadsheetInner(label, inner, sink, limits, budget);
  return { ...info, entry: entry.name };
}

function readSpreadsheetInner(label: string, bytes: Uint8Array, sink: TableSink, limits: IoLimits, budget: UnpackBudget): TableInfo {
  checkFileSize(label, bytes.byteLength, limits);
  const kind = sniff(bytes);
  if (kind === 'zip') {
    readXlsx(bytes, label, sink, undefined, limits, budget);
    return { format: 'xlsx', encoding: null };
  }
  if (kind === 'empty') throw new AppError('EMPTY_FILE', { file: label });
  if (kind === 'cfb') throw new AppError(cfbKind(bytes) === 'encrypted-xlsx' ? 'XLSX_ENCRYPTED' : 'XLS_LEGACY', { file: label });
  if (kind === 'binary') throw new AppError('NOT_SPREADSHEET', { file: label });
  return readCsv(bytes, label, sink, limits);
}
