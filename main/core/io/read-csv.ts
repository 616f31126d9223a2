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
  let seenHeader = false;
  let rows = 0;
  let index = 0;
  // A rough row count for the progress bar, from the line density of the first 64 K characters.
  const sample = text.slice(0, 65536);
  const total = Math.max(1, Math.round((countOf(sample, '\n') / Math.max(1, sample.length)) * text.length));
  let badQuote: number | null = null;
  // Chunked, so each block of rows is handed on and freed rather than held as one huge array.
  // papaparse streams a string input synchronously when given `chunk` (its typings only model files).
  Papa.parse<string[]>(text, {
    delimiter,
    header: false,
    skipEmptyLines: false,
    chunkSize: 1 << 20,
    chunk(results: Papa.ParseResult<string[]>) {
      if (badQuote === null) {
        const q = results.errors.find((e) => e.type === 'Quotes');
        if (q) badQuote = index + (q.row ?? 0) + 1;
      }
      const data = results.data;
      for (let i = 0; i < data.length; i++, index++) {
        const cells = data[i];
        if (cells.length === 1 && cells[0].trim() === '') continue; // blank line
        if (cells.every((c) => c.trim() === '')) continue;
        if (!seenHeader) {
          seenHeader = true;
          sink.header(cells, index + 1);
          continue;
        }
        sink.row({ rowNo: index + 1, cells });
        rows++;
        if (sink.progress && rows % 5000 === 0) sink.progress(rows, total);
      }
    },
  } as unknown as Papa.ParseConfig<string[]>);
  if (badQuote !== null) throw new AppError('CSV_MALFORMED', { file, row: badQuote });
  sink.progress?.(rows, rows);
  return { format: 'csv', encoding };
}

function countOf(s: string, ch: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s[i] === ch) n++;
  return n;
}
