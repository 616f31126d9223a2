import type { TextEncoding } from './detect-encoding';

/** A cell as the file holds it: text, or a number when an XLSX cell is numeric (dates are serials). */
export type Cell = string | number | boolean;

/** One data row: its 1-based row number as Excel shows it, and its cells in header order. */
export interface RawRow {
  rowNo: number;
  cells: Cell[];
}

/**
 * Streams a sheet: the header row first, then each data row, with progress. `format` tells what a
 * row's cell count means: in a CSV it is what the file wrote (a short row is missing cells); an
 * XLSX row leaves out its empty cells.
 */
export interface TableSink {
  /** `raw`: the header row's cells as the file holds them (an XLSX's numbers still numbers), for a reader whose first row may be data. */
  header(cells: string[], rowNo: number, format: TableInfo['format'], raw?: readonly Cell[]): void;
  row(row: RawRow): void;
  progress?(rowsDone: number, totalEstimate: number | null): void;
}

export interface TableInfo {
  format: 'csv' | 'xlsx';
  encoding: TextEncoding | null;
  /** The name of the entry read when the file was a .zip. */
  entry?: string;
}
