import Papa from 'papaparse';
import { AppError } from '../../../shared/errors';
import { decodeAuto } from './detect-encoding';
import type { TableInfo, TableSink } from './table';

/**
 * Reads a CSV export: encoding detected (UTF-8, UTF-8 BOM, GB18030), delimiter comma (tab or
 * semicolon when the header says so), every cell kept as text. Row numbers are the line
 * numbers Excel would show (a quoted cell with line breaks still counts as one row).
 */
export function readCsv(bytes: Uint8Array, file: string, sink: TableSink): TableInfo {
  const { encoding, text } = decodeAuto(bytes);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = countOf(firstLine, ',') > 0 ? ',' : countOf(firstLine, '\t') > 0 ? '\t' : countOf(firstLine, ';') > 0 ? ';' : ',';
  const parsed = Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: false, newline: undefined });
  const badQuote = parsed.errors.find((e) => e.type === 'Quotes');
  if (badQuote) throw new AppError('CSV_MALFORMED', { file, row: (badQuote.row ?? 0) + 1 });
  const data = parsed.data;
  let seenHeader = false;
  let rows = 0;
  const total = data.length;
  for (let i = 0; i < data.length; i++) {
    const cells = data[i];
    if (cells.length === 1 && cells[0].trim() === '') continue; // blank line
    if (!seenHeader) {
      if (cells.every((c) => c.trim() === '')) continue;
      seenHeader = true;
      sink.header(cells, i + 1);
      continue;
    }
    if (cells.every((c) => c.trim() === '' )) continue;
    sink.row({ rowNo: i + 1, cells });
    rows++;
    if (sink.progress && rows % 5000 === 0) sink.progress(rows, total);
  }
  sink.progress?.(rows, rows);
  return { format: 'csv', encoding };
}

function countOf(s: string, ch: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s[i] === ch) n++;
  return n;
}
