import { AppError } from '../../../shared/errors';
import { MAX_IMPORT_FILE_BYTES } from '../../../shared/rules/file-limits';

export { formatBytes } from '../../../shared/rules/file-limits';

/**
 * How much of a file VShip will read before it refuses it. No order export may take the app down:
 * each limit is far above what a real export reaches and far below what exhausts the machine, and
 * each has its own error code. Measured on the fixture generator (tests/fixtures/orders.ts): a
 * 100,000-order XLSX is 15 MB on disk and unpacks to 92 MB of sheet XML plus 11 MB of shared
 * strings (312,000 of them), a ratio of 9:1 for the sheet; a 1,000,000-order export is therefore
 * ~0.4 GB as CSV and ~1 GB unpacked as XLSX, with ~3.1 million shared strings.
 */
export interface IoLimits {
  /** Bytes of the file as dropped (FILE_TOO_LARGE). The file is held whole in memory. */
  maxFileBytes: number;
  /** Characters in one cell (CELL_TOO_LONG): Excel's own limit. */
  maxCellChars: number;
  /** Cells in one row (TOO_MANY_COLUMNS): Excel's last column, XFD. */
  maxColumns: number;
  /** Unpacked bytes of one zip entry or xlsx part (UNPACKED_TOO_LARGE). */
  maxEntryBytes: number;
  /** Unpacked bytes of all entries read from one file, a .zip and the .xlsx inside it together. */
  maxTotalUnpackedBytes: number;
  /** Unpacked : packed ratio allowed for an entry larger than `ratioFloorBytes` (zip bombs). */
  maxRatio: number;
  /** Entries up to this size are not held to `maxRatio` (small XML parts compress very well). */
  ratioFloorBytes: number;
  /** Shared strings of one workbook (TOO_MANY_STRINGS). */
  maxSharedStrings: number;
}

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

export const LIMITS: Readonly<IoLimits> = Object.freeze({
  // 2.5× a 1,000,000-order CSV; also keeps a CSV below V8's longest string (~536 million characters).
  maxFileBytes: MAX_IMPORT_FILE_BYTES,
  maxCellChars: 32_767,
  maxColumns: 16_384,
  // 1.5× the sheet of a 1,000,000-order XLSX (~0.92 GB); allocated once, bounded while inflating.
  maxEntryBytes: 1.5 * GiB,
  maxTotalUnpackedBytes: 2 * GiB,
  // Real sheets compress 5–10:1; deflate cannot exceed ~1,030:1.
  maxRatio: 200,
  ratioFloorBytes: 16 * MiB,
  // 1.6× the ~3.1 million of a 1,000,000-order XLSX.
  maxSharedStrings: 5_000_000,
});

/** The limits with some replaced (tests lower them to exercise a refusal with a small file). */
export function withLimits(over?: Partial<IoLimits>): Readonly<IoLimits> {
  return over ? { ...LIMITS, ...over } : LIMITS;
}


/** A cell over `max` characters, at its row and column (its header name, else its number) when known. */
export function cellTooLong(file: string, row: number | undefined, column: { name?: string; no: number } | undefined, length: number, max: number): AppError {
  const name = column?.name?.trim();
  return new AppError('CELL_TOO_LONG', {
    file, ...(row !== undefined ? { row } : {}), ...(column ? (name ? { column: name } : { columnNo: column.no }) : {}),
    notes: [{ key: 'CELL_LIMIT', params: { length, max } }],
  });
}

/** A row of `count` cells, over `max`. */
export function tooManyColumns(file: string, row: number, count: number, max: number): AppError {
  return new AppError('TOO_MANY_COLUMNS', { file, row, notes: [{ key: 'COLUMN_LIMIT', params: { count, max } }] });
}
