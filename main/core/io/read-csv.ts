import Papa from 'papaparse';
import { AppError } from '../../../shared/errors';
import { chooseEncoding } from './detect-encoding';
import { cellTooLong, LIMITS, tooManyColumns, type IoLimits } from './limits';
import type { RawRow, TableInfo, TableSink } from './table';

/**
 * How a CSV is read in pieces: bytes decoded at a time (the text of a file is never held whole,
 * only this much and the row it ends in), and the characters read first to decide the delimiter
 * and line end (with at least one line end). Tests make both tiny.
 */
export interface CsvChunking { pieceBytes: number; headChars: number }
const CHUNKING: CsvChunking = { pieceBytes: 1 << 20, headChars: 1 << 20 };

/**
 * Reads a CSV export: encoding detected (UTF-8, UTF-8 BOM, GB18030), delimiter comma (tab or
 * semicolon when the header says so), every cell kept as text. Row numbers are the line
 * numbers Excel would show (a quoted cell with line breaks still counts as one row).
 *
 * Streams: the bytes are decoded a piece at a time (`chunking`), each piece's complete rows
 * checked and parsed and handed on, the unfinished row carried into the next piece. So a file of
 * a million rows costs the memory of a few megabytes of text, never the whole text.
 *
 * A file cut off (an interrupted download) is refused, FILE_TRUNCATED: it ends inside quotes or
 * inside a character, or its last row has no line break and fewer cells than the header. A last
 * row without a line break but with all its cells is whole.
 */
export function readCsv(bytes: Uint8Array, file: string, sink: TableSink, limits: IoLimits = LIMITS, chunking: CsvChunking = CHUNKING): TableInfo {
  const { pieceBytes, headChars } = chunking;
  const { encoding, body, cutAtEnd: cutUtf8 } = chooseEncoding(bytes, file);
  const decoder = new TextDecoder(encoding === 'gb18030' ? 'gb18030' : 'utf-8');
  let at = 0;
  const nextPiece = (): string => {
    const end = Math.min(body.length, at + pieceBytes);
    const text = decoder.decode(body.subarray(at, end), { stream: end < body.length });
    at = end;
    return text;
  };
  // The first pieces (1 M characters with a line end, or the whole file) decide the delimiter and line end.
  let buf = '';
  // (a line end with a character after it: a \r at the very end may be the first half of \r\n)
  while (at < body.length && (buf.length < headChars || buf.search(/[\r\n][^]/) < 0)) buf += nextPiece();
  const firstLine = buf.slice(0, buf.search(/[\r\n]|$/));
  const delimiter = countOf(firstLine, ',') > 0 ? ',' : countOf(firstLine, '\t') > 0 ? '\t' : countOf(firstLine, ';') > 0 ? ';' : ',';
  // Decided once here and given to papaparse, so that the shape check splits rows as it does
  // (a file saved with CR-only line ends, as old Mac Excel writes, is one line to a \n-only reader).
  const newline = guessNewline(buf);
  const head = buf.slice(0, 1 << 20);
  // A rough row count for the progress bar, from the line density of the first 64 K characters.
  const sample = buf.slice(0, 65536);
  const charsPerByte = buf.length / Math.max(1, at);
  const total = Math.max(1, Math.round((countOf(sample, '\n') / Math.max(1, sample.length)) * charsPerByte * body.length));
  const shape = new ShapeCheck(delimiter, newline, file, limits, () => header ?? headerNames(head, delimiter));

  let header: string[] | null = null;
  let rows = 0;
  let index = 0;
  let badQuote: { row: number; code: string } | null = null;
  // Each data row is handed on one row late: only the last one's completeness depends on the end of the file.
  let pending: RawRow | null = null;
  let lastCells: string[] = [];
  const emit = (r: RawRow): void => {
    sink.row(r);
    rows++;
    if (sink.progress && rows % 5000 === 0) sink.progress(rows, total);
  };
  const parse = (text: string): void => {
    // papaparse gives no row for an empty text, where the whole file's parse has one empty line.
    const results = text === '' ? { data: [['']], errors: [] } : Papa.parse<string[]>(text, { delimiter, newline, header: false, skipEmptyLines: false });
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
  };
  for (;;) {
    const final = at >= body.length;
    shape.scan(buf, final);
    if (final) break;
    // The complete rows go to papaparse without their last line end (it would make an empty row
    // of it); the rest waits for the next piece. After a bad quote rows are only checked for
    // their limits (the quote error comes at the end, as the first thing said wrong).
    const end = shape.lastRowEnd;
    if (end > 0) {
      if (!shape.badQuote) parse(buf.slice(0, end - newline.length));
      buf = buf.slice(end);
      shape.shift(end);
    }
    buf += nextPiece();
  }
  const cutAtEnd = cutUtf8 || (encoding === 'gb18030' && buf.endsWith('\uFFFD') && body[body.length - 1] >= 0x81);
  if (shape.badQuote) throw shape.quoteError(shape.badQuote);
  if (buf !== '' || index === 0) parse(buf);
  const quote = badQuote as { row: number; code: string } | null;
  // papaparse says MissingQuotes only when a quoted cell is still open at the end of the input.
  if (quote && quote.code === 'MissingQuotes' && !swallowedRows(lastCells)) throw new AppError('FILE_TRUNCATED', { file, row: quote.row });
  if (quote) throw shape.openQuote ? shape.quoteError(shape.openQuote) : new AppError('CSV_MALFORMED', { file, row: quote.row });
  const last = pending as RawRow | null;
  if (last) {
    const endsLine = buf.endsWith('\n') || buf.endsWith('\r');
    if (cutAtEnd || (!endsLine && last.cells.length < (header as string[] | null ?? []).length)) throw new AppError('FILE_TRUNCATED', { file, row: last.rowNo });
    emit(last);
  } else if (cutAtEnd) {
    throw new AppError('FILE_TRUNCATED', { file, row: index });
  }
  sink.progress?.(rows, rows);
  return { format: 'csv', encoding };
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

const BLANK = /[^\S\r\n]/;

/**
 * One pass over the text as papaparse will split it (a quote opens a cell only at its start; `""`
 * inside is a quote; a quote closes before a delimiter or line break, blanks allowed between),
 * a piece at a time: refuses a cell longer than the limit or a row with too many cells, with its
 * row and column; finds where the first quoted cell went wrong: a closing quote followed by more
 * text (`badQuote`), or a quote still open at the end (`openQuote`); and says where the last
 * complete row ends (`lastRowEnd`), so the text before it can be parsed on its own. It stops
 * short of a quote it cannot judge until more text comes.
 */
class ShapeCheck {
  private readonly d: number;
  private readonly lineEnd: number;
  private readonly crlf: boolean;
  /** Where the scan goes on; where the current cell and row began (indexes into the current text). */
  private i = 0;
  private start = 0;
  private rowStart = 0;
  private row = 1;
  private col = 0;
  private quoted = false;
  lastRowEnd = 0;
  badQuote: CellAt | null = null;
  openQuote: CellAt | null = null;

  constructor(delimiter: string, newline: '\n' | '\r\n' | '\r', private readonly file: string, private readonly limits: IoLimits, private readonly names: () => string[]) {
    this.d = delimiter.charCodeAt(0);
    this.lineEnd = newline === '\r' ? 13 : 10;
    this.crlf = newline === '\r\n';
  }

  /** The text now starts `k` characters later (the complete rows before were handed on). */
  shift(k: number): void {
    this.i -= k;
    this.start -= k;
    this.rowStart -= k;
    this.lastRowEnd = 0;
  }

  /** An unbalanced quote, said where its cell began: the row, and the column by its header name. */
  quoteError(at: CellAt): AppError {
    const name = at.row > 1 ? this.names()[at.col] : undefined;
    return new AppError('CSV_MALFORMED', { file: this.file, row: at.row, ...(name ? { column: name } : {}), columnNo: at.col + 1 });
  }

  scan(text: string, final: boolean): void {
    const { d, lineEnd } = this;
    const n = text.length;
    const max = this.limits.maxCellChars;
    const endCell = (end: number): void => {
      if (end - this.start > max) {
        const raw = text.slice(this.start, end);
        const length = raw.startsWith('"') ? raw.slice(1, raw.endsWith('"') ? -1 : undefined).replace(/""/g, '"').length : raw.length;
        if (length > max) throw cellTooLong(this.file, this.row, { name: this.names()[this.col], no: this.col + 1 }, length, max);
      }
      this.col++;
    };
    const endRow = (): void => {
      if (this.col > this.limits.maxColumns) throw tooManyColumns(this.file, this.row, this.col, this.limits.maxColumns);
    };
    let i = this.i;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (this.quoted) {
        if (c !== 34) continue;
        if (i + 1 === n && !final) break; // is it `""`, or the end of the cell? The next piece says.
        const next = text.charCodeAt(i + 1);
        if (next === 34) { i++; continue; }
        let j = i + 1;
        while (j < n && text.charCodeAt(j) !== d && BLANK.test(text[j])) j++;
        if (j === n && !final) break;
        const after = text.charCodeAt(j);
        if (i + 1 === n || (j < n && (after === d || after === 10 || after === 13))) this.quoted = false;
        else this.badQuote ??= { row: this.row, col: this.col };
      } else if (c === 34 && i === this.start) {
        this.quoted = true;
      } else if (c === d) {
        endCell(i);
        this.start = i + 1;
      } else if (c === lineEnd) {
        const cr = lineEnd === 10 && text.charCodeAt(i - 1) === 13;
        endCell(cr ? i - 1 : i);
        endRow();
        // A row ends where papaparse ends one: at its line end (a lone \n in a \r\n file is not one).
        if (!this.crlf || cr) this.lastRowEnd = i + 1;
        this.start = this.rowStart = i + 1;
        this.row++;
        this.col = 0;
      }
    }
    this.i = i;
    if (!final) return;
    this.openQuote = this.quoted ? { row: this.row, col: this.col } : null;
    if (this.start < n) {
      endCell(n);
      endRow();
    }
  }
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
