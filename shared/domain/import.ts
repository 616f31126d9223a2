/** What an import of order exports reports. Names follow the glossary (../docs/STYLE.md). */
export type { ImportRecord } from '../contract/import';

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
  warnings: string[];
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
