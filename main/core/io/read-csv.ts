import Papa from 'papaparse';
import { AppError } from '../../../shared/errors';
import { decodeText, type DecodedText } from './detect-encoding';
import { cellTooLong, formatBytes, LIMITS, tooManyColumns, type IoLimits } from './limits';
import type { RawRow, TableInfo, TableSink } from './table';

/**
 * Reads a CSV export: encoding detected (UTF-8, UTF-8 BOM, GB18030), delimiter comma (tab or
 * semicolon when the header says so), every cell kept as text. Row numbers are the line
 * numbers Excel would show (a quoted cell with line breaks still counts as one row).
 *
 * A file cut off (an interrupted download) is refused, FILE_TRUNCATED: it ends inside quotes or
 * inside a character, or its last row has no line break and fewer cells than the header. A last
 * row without a line break but with all its cells is whole.
 */
export function readCsv(bytes: Uint8Array, file: string, sink: TableSink, limits: IoLimits = LIMITS): TableInfo {
  const { encoding, text, cutAtEnd } = decode(bytes, file, limits);
  const firstLine = text.slice(0, text.search(/[\r\n]|$/));
  const delimiter = countOf(firstLine, ',') > 0 ? ',' : countOf(firstLine, '\t') > 0 ? '\t' : countOf(firstLine, ';') > 0 ? ';' : ',';
  // Decided once here and given to papaparse, so that the shape check below splits rows as it does
  // (a file saved with CR-only line ends, as old Mac Excel writes, is one line to a \n-only reader).
  const newline = guessNewline(text);
  // Before papaparse: it re-parses a row that spans chunks from its start for every chunk, so one
  // huge cell would cost time and memory quadratic in its size; chunks are made to hold a whole row.
  const shape = checkShape(text, delimiter, newline === '\r' ? 13 : 10, file, limits);
  const longestRow = shape.longest;
  // A quoted cell whose closing quote is followed by more text (papaparse's InvalidQuotes): named
  // where its quote opened, before any row is read — the rows after it would be split wrongly.
  if (shape.badQuote) throw quoteError(text, delimiter, file, shape.badQuote);
  let header: string[] | null = null;
  let rows = 0;
  let index = 0;
  // A rough row count for the progress bar, from the line density of the first 64 K characters.
  const sample = text.slice(0, 65536);
  const total = Math.max(1, Math.round((countOf(sample, '\n') / Math.max(1, sample.length)) * text.length));
  let badQuote: { row: number; code: string } | null = null;
  // Each data row is handed on one row late: only the last one's completeness depends on the end of the file.
  let pending: RawRow | null = null;
  let lastCells: string[] = [];
  const emit = (r: RawRow): void => {
    sink.row(r);
    rows++;
    if (sink.progress && rows % 5000 === 0) sink.progress(rows, total);
  };
  // Chunked, so each block of rows is handed on and freed rather than held as one huge array.
  // papaparse streams a string input synchronously when given `chunk` (its typings only model files).
  Papa.parse<string[]>(text, {
    delimiter,
    newline,
    header: false,
    skipEmptyLines: false,
    chunkSize: Math.max(1 << 20, 2 * longestRow + 1024),
    chunk(results: Papa.ParseResult<string[]>) {
      if (badQuote === null) {
        const q = results.errors.find((e) => e.type === 'Quotes');
        if (q) badQuote = { row: index + (q.row ?? 0) + 1, code: q.code };
      }
      const data = results.data;
      for (let i = 0; i < data.length; i++, index++) {
        const cells = data[i];
        lastCells = cells;
        checkCells(cells, index + 1, header, file, limits);
        if (cells.length === 1 && cells[0].trim() === '') continue; // blank line
        if (cells.every((c) => c.trim() === '')) continue;
        if (!header) {
          header = cells;
          sink.header(cells, index + 1, 'csv');
          continue;
        }
        if (pending) emit(pending);
        pending = { rowNo: index + 1, cells };
      }
    },
  } as unknown as Papa.ParseConfig<string[]>);
  const quote = badQuote as { row: number; code: string } | null;
  // papaparse says MissingQuotes only when a quoted cell is still open at the end of the input.
  if (quote && quote.code === 'MissingQuotes' && !swallowedRows(lastCells)) throw new AppError('FILE_TRUNCATED', { file, row: quote.row });
  if (quote) throw shape.openQuote ? quoteError(text, delimiter, file, shape.openQuote) : new AppError('CSV_MALFORMED', { file, row: quote.row });
  const last = pending as RawRow | null;
  if (last) {
    const endsLine = text.endsWith('\n') || text.endsWith('\r');
    if (cutAtEnd || (!endsLine && last.cells.length < (header as string[] | null ?? []).length)) throw new AppError('FILE_TRUNCATED', { file, row: last.rowNo });
    emit(last);
  } else if (cutAtEnd) {
    throw new AppError('FILE_TRUNCATED', { file, row: index });
  }
  sink.progress?.(rows, rows);
  return { format: 'csv', encoding };
}

function decode(bytes: Uint8Array, file: string, limits: IoLimits): DecodedText {
  try {
    return decodeText(bytes, file);
  } catch (e) {
    // A CSV beyond V8's longest string cannot be held as text at all.
    if ((e as { code?: string }).code === 'ERR_STRING_TOO_LONG') throw new AppError('FILE_TOO_LARGE', { file, notes: [{ key: 'SIZE_LIMIT', params: { limit: formatBytes(Math.min(limits.maxFileBytes, 512 * 1024 * 1024)) } }] });
    throw e;
  }
}

/**
 * A quote still open at the end of the file is a cell cut off, unless the open cell runs over
 * several lines: then it is a stray quote further up, which swallowed the rows after it.
 * (papaparse gives the open cell as the last cell of the last row.)
 */
function swallowedRows(lastCells: string[]): boolean {
  return ((lastCells[lastCells.length - 1] ?? '').match(/\r\n|\n|\r/g)?.length ?? 0) > 2;
}

/**
 * The line end papaparse would guess (its guessLineEndings, outside quotes, in the first 1 MB):
 * \n when one comes before any \r, else \r\n when most \r are followed by \n, else \r.
 */
export function guessNewline(text: string): '\n' | '\r\n' | '\r' {
  const head = text.slice(0, 1 << 20).replace(/"[^]*?"/g, '');
  const r = head.split('\r');
  const firstN = head.indexOf('\n');
  if (r.length === 1 || (firstN >= 0 && firstN < r[0].length)) return '\n';
  let withN = 0;
  for (const part of r) if (part[0] === '\n') withN++;
  return withN >= r.length / 2 ? '\r\n' : '\r';
}

/** Where a quoted cell began (1-based row, 0-based column). */
interface CellAt { row: number; col: number }

/** An unbalanced quote, said where its cell began: the row, and the column by its header name. */
function quoteError(text: string, delimiter: string, file: string, at: CellAt): AppError {
  const name = at.row > 1 ? headerNames(text, delimiter)[at.col] : undefined;
  return new AppError('CSV_MALFORMED', { file, row: at.row, ...(name ? { column: name } : {}), columnNo: at.col + 1 });
}

const BLANK = /[^\S\r\n]/;

/**
 * One pass over the text as papaparse will split it (a quote opens a cell only at its start; `""`
 * inside is a quote; a quote closes before a delimiter or line break, blanks allowed between):
 * refuses a cell longer than the limit or a row with too many cells, with its row and column, and
 * gives the longest row — and where the first quoted cell went wrong: a closing quote followed by
 * more text (`badQuote`), or a quote still open at the end (`openQuote`).
 */
function checkShape(text: string, delimiter: string, lineEnd: number, file: string, limits: IoLimits): { longest: number; badQuote: CellAt | null; openQuote: CellAt | null } {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  const max = limits.maxCellChars;
  let start = 0; // of the current cell
  let rowStart = 0;
  let row = 1;
  let col = 0;
  let quoted = false;
  let longest = 0;
  let badQuote: CellAt | null = null;
  const endCell = (end: number): void => {
    if (end - start > max) {
      const raw = text.slice(start, end);
      const length = raw.startsWith('"') ? raw.slice(1, raw.endsWith('"') ? -1 : undefined).replace(/""/g, '"').length : raw.length;
      if (length > max) {
        throw cellTooLong(file, row, { name: headerNames(text, delimiter)[col], no: col + 1 }, length, max);
      }
    }
    col++;
  };
  const endRow = (): void => {
    if (col > limits.maxColumns) throw tooManyColumns(file, row, col, limits.maxColumns);
  };
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c !== 34) continue;
      const next = text.charCodeAt(i + 1);
      if (next === 34) { i++; continue; }
      let j = i + 1;
      while (j < n && text.charCodeAt(j) !== d && BLANK.test(text[j])) j++;
      const after = text.charCodeAt(j);
      if (i + 1 === n || (j < n && (after === d || after === 10 || after === 13))) quoted = false;
      else badQuote ??= { row, col };
    } else if (c === 34 && i === start) {
      quoted = true;
    } else if (c === d) {
      endCell(i);
      start = i + 1;
    } else if (c === lineEnd) {
      endCell(lineEnd === 10 && text.charCodeAt(i - 1) === 13 ? i - 1 : i);
      endRow();
      if (i - rowStart > longest) longest = i - rowStart;
      start = rowStart = i + 1;
      row++;
      col = 0;
    }
  }
  const openQuote = quoted ? { row, col } : null;
  if (start < n) {
    endCell(n);
    endRow();
  }
  return { longest: Math.max(longest, n - rowStart), badQuote, openQuote };
}

/** The header's cells, for naming a column in an error (only then parsed). */
function headerNames(text: string, delimiter: string): string[] {
  const first = Papa.parse<string[]>(text.slice(0, 1 << 20), { delimiter, preview: 1 }).data[0];
  return first ?? [];
}

/** Limits on a row as parsed (limits.ts): the same as checkShape, on the cells papaparse gives, in case the two ever split a row differently. */
function checkCells(cells: string[], rowNo: number, header: string[] | null, file: string, limits: IoLimits): void {
  if (cells.length > limits.maxColumns) throw tooManyColumns(file, rowNo, cells.length, limits.maxColumns);
  for (let c = 0; c < cells.length; c++) {
    if (cells[c].length > limits.maxCellChars) throw cellTooLong(file, rowNo, { name: header?.[c], no: c + 1 }, cells[c].length, limits.maxCellChars);
  }
}

function countOf(s: string, ch: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s[i] === ch) n++;
  return n;
}
