/** What an import of order exports reports. Names follow the glossary (../docs/STYLE.md). */

/** One file of one import, as recorded. */
export interface ImportRecord {
  id: number;
  shopId: number;
  file: string;
  sha256: string;
  format: string;
  encoding: string | null;
  rows: number;
  new: number;
  updated: number;
  unchanged: number;
  damaged: number;
  importedAt: string;
}

/** What an import notes about a file it could still read: a code, its Chinese text ({count} rows). */
export const IMPORT_WARNINGS = {
  DAMAGED_ORDER_NOS: '{count} 行订单号已损坏',
  BAD_TIMES: '{count} 行的时间无法识别',
} as const;
export type ImportWarningCode = keyof typeof IMPORT_WARNINGS;

export interface ImportFileSummary {
  file: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  /** Data rows read (excluding the header). */
  rows: number;
  read: number;
  new: number;
  updated: number;
  unchanged: number;
  damaged: number;
  shippable: number;
  notShippable: number;
  /** The warnings in Chinese, for people and scripts (`vship import --json`). */
  warnings: string[];
  /** The same warnings by code, for the UI to say in its language (`import.warning.<CODE>`). */
  warningCodes: { code: ImportWarningCode; count: number }[];
}

export interface ImportSummary {
  importIds: number[];
  files: ImportFileSummary[];
  /** Orders read (distinct order numbers, damaged rows counted one each). */
  read: number;
  new: number;
  updated: number;
  unchanged: number;
  damaged: number;
  /** Over the orders of this import. */
  shippable: number;
  notShippable: number;
  durationMs: number;
}
