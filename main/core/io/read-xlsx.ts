import { SaxesParser } from 'saxes';
import { AppError } from '../../../shared/errors';
import { cellTooLong, LIMITS, tooManyColumns, type IoLimits } from './limits';
import type { Cell, TableSink } from './table';
import { decodeXstring } from './xstring';
import { checkEntryLimits, listZip, readZipEntry, readZipEntryChunks, type UnpackBudget, type ZipEntry } from './zip';

/**
 * Reads the first worksheet of an .xlsx, row by row. Own reader rather than exceljs's streaming
 * one: exceljs decodes each inflated chunk with TextDecoder without `stream: true`, so a Chinese
 * character split across a chunk boundary becomes U+FFFD. Here one streaming decoder spans the
 * whole part, so no character is ever cut. `chunkSize` exists so tests can force tiny chunks.
 *
 * Only the parts needed are inflated, each checked (zip.ts): a part whose size or CRC lies is
 * XLSX_CORRUPT, a bomb UNPACKED_TOO_LARGE. An XLSX row may leave out empty cells, so a row with
 * fewer cells than the header is normal here (unlike CSV); a cut-off file has lost its central
 * directory, and a cut-off part fails its CRC, so truncation needs no rule of its own.
 */
export function readXlsx(
  bytes: Uint8Array, file: string, sink: TableSink, chunkSize = 1 << 16,
  limits: IoLimits = LIMITS, budget: UnpackBudget = { used: 0 }, listed?: ZipEntry[],
): void {
  const entries = listed ?? listZip(bytes, file, 'xlsx');
  const byName = new Map(entries.map((e) => [e.name, e]));
  const part = (name: string): Uint8Array | null => {
    const e = byName.get(name);
    return e ? readZipEntry(bytes, e, file, 'xlsx', limits, budget) : null;
  };
  const sheetPath = firstSheetPath(part('xl/workbook.xml'), part('xl/_rels/workbook.xml.rels'), [...byName.keys()], file);
  const sheet = byName.get(sheetPath);
  if (!sheet) throw new AppError('XLSX_CORRUPT', { file, notes: [{ key: 'XLSX_PART_MISSING', params: { part: sheetPath } }] });
  // The sheet is held to the limits first (as when it was read first), its declared size reserved
  // in the budget (its chunks are checked against that size at the end).
  checkEntryLimits(sheet, file, limits, budget);
  budget.used += sheet.size;
  // Read before the sheet's rows, and let go of its XML once read.
  let sst = part('xl/sharedStrings.xml');
  const shared = sst ? readSharedStrings(sst, file, chunkSize, limits) : [];
  sst = null;
  // The sheet streams from the zip: its XML (a gigabyte at a million rows) is never held whole.
  readSheet((chunk) => readZipEntryChunks(bytes, sheet, file, 'xlsx', limits, { used: budget.used - sheet.size }, chunk), shared, file, sink, chunkSize, limits);
}

export function firstSheetPath(wb: Uint8Array | null, rels: Uint8Array | null, names: string[], file: string): string {
  if (!wb) {
    const any = names.filter((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k)).sort();
    if (any.length) return any[0];
    throw new AppError('XLSX_CORRUPT', { file, notes: [{ key: 'XLSX_PART_MISSING', params: { part: 'workbook.xml' } }] });
  }
  let rid: string | null = null;
  parseAll(wb, 1 << 20, file, (p) => {
    p.on('opentag', (t) => {
      if (rid === null && t.name === 'sheet') rid = attr(t.attributes, 'r:id') ?? attrSuffix(t.attributes, ':id');
    });
  });
  let target: string | null = null;
  if (rid && rels) {
    parseAll(rels, 1 << 20, file, (p) => {
      p.on('opentag', (t) => {
        if (t.name === 'Relationship' && attr(t.attributes, 'Id') === rid) target = attr(t.attributes, 'Target');
      });
    });
  }
  if (!target) return 'xl/worksheets/sheet1.xml';
  const tg = target as string;
  return tg.startsWith('/') ? tg.slice(1) : 'xl/' + tg.replace(/^\.\//, '');
}

function attr(attrs: Record<string, unknown>, name: string): string | null {
  const v = attrs[name];
  return typeof v === 'string' ? v : null;
}
function attrSuffix(attrs: Record<string, unknown>, suffix: string): string | null {
  for (const k of Object.keys(attrs)) if (k.endsWith(suffix) && typeof attrs[k] === 'string') return attrs[k] as string;
  return null;
}

/** Feeds a whole XML part to saxes in chunks through one streaming UTF-8 decoder. */
/** XML bytes handed on in chunks: a part held whole, or one streaming from the zip. */
type XmlSource = Uint8Array | ((onChunk: (chunk: Uint8Array) => void) => void);

function parseAll(xml: XmlSource, chunkSize: number, file: string, setup: (p: SaxesParser) => void): void {
  const p = new SaxesParser();
  let err: Error | null = null;
  p.on('error', (e) => { err ??= e; });
  setup(p);
  const dec = new TextDecoder('utf-8');
  const feed = (chunk: Uint8Array): void => {
    for (let at = 0; at < chunk.byteLength; at += chunkSize) {
      p.write(dec.decode(chunk.subarray(at, Math.min(at + chunkSize, chunk.byteLength)), { stream: true }));
      if (err) throw new AppError('XLSX_CORRUPT', { file, detail: (err as Error).message.slice(0, 120) });
    }
  };
  if (typeof xml === 'function') xml(feed);
  else feed(xml);
  p.write(dec.decode());
  p.close();
  if (err) throw new AppError('XLSX_CORRUPT', { file, detail: (err as Error).message.slice(0, 120) });
}

/**
 * A cell's text as the XML holds it may run to 7 characters per character (`_x000D_`): it is held
 * to this bound while it is read, and its decoded text to the limit itself.
 */
const ESCAPED_CHARS = 7;

/**
 * Shared strings: the text of each <si>, rich-text runs joined, phonetic hints (<rPh>) left out,
 * each run's `_xHHHH_` escapes decoded (ST_Xstring, io/xstring.ts).
 */
function readSharedStrings(xml: Uint8Array, file: string, chunkSize: number, limits: IoLimits): string[] {
  const out: string[] = [];
  let cur = '';
  let run = '';
  let inT = false;
  let inPh = 0;
  const tooLong = (n: number) => cellTooLong(file, undefined, undefined, n, limits.maxCellChars);
  parseAll(xml, chunkSize, file, (p) => {
    p.on('opentag', (t) => {
      if (t.name === 'si') cur = '';
      else if (t.name === 't' && inPh === 0) { inT = true; run = ''; }
      else if (t.name === 'rPh') inPh++;
    });
    p.on('closetag', (t) => {
      if (t.name === 'si') {
        if (out.length >= limits.maxSharedStrings) throw new AppError('TOO_MANY_STRINGS', { file, notes: [{ key: 'STRINGS_LIMIT', params: { max: limits.maxSharedStrings } }] });
        out.push(cur);
      } else if (t.name === 't' && inT) {
        inT = false;
        cur += decodeXstring(run);
        run = '';
        if (cur.length > limits.maxCellChars) throw tooLong(cur.length);
      } else if (t.name === 'rPh') inPh--;
    });
    p.on('text', (s) => {
      if (inT) {
        run += s;
        if (cur.length + run.length > ESCAPED_CHARS * limits.maxCellChars) throw tooLong(cur.length + decodeXstring(run).length);
      }
    });
  });
  return out;
}

/**
 * "AB12" → 27 (0-based column index); -1 when the reference is not letters then digits, or has
 * more than the three letters of Excel's last column (XFD) — a huge index would otherwise pad the
 * row with millions of empty cells.
 */
function colIndex(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  if (i === 0 || i > 3 || !/^\d+$/.test(ref.slice(i))) return -1;
  return n - 1;
}

function readSheet(xml: XmlSource, shared: string[], file: string, sink: TableSink, chunkSize: number, limits: IoLimits): void {
  let rowNo = 0;
  let cells: Cell[] = [];
  let col = -1;
  let type = 'n';
  // The cell's <v> as written, and the decoded text of its inline string's runs (<is><t>).
  let text = '';
  let inline = '';
  let run = '';
  let inV = false;
  let inT = false;
  let inPh = 0;
  let header: string[] | null = null;
  let rows = 0;
  let totalRows: number | null = null;
  const where = () => ({ name: header?.[col], no: col + 1 });
  const emit = () => {
    // Trailing empty cells carry no data; an all-empty row is skipped like Excel's "blank line".
    while (cells.length && (cells[cells.length - 1] === '' || cells[cells.length - 1] === undefined)) cells.pop();
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = '';
    if (cells.length === 0) return;
    if (!header) {
      header = cells.map((c) => String(c));
      sink.header(header, rowNo, 'xlsx', cells);
    } else {
      sink.row({ rowNo, cells });
      rows++;
      if (sink.progress && rows % 5000 === 0) sink.progress(rows, totalRows);
    }
  };
  parseAll(xml, chunkSize, file, (p) => {
    p.on('opentag', (t) => {
      switch (t.name) {
        case 'dimension': {
          const ref = attr(t.attributes, 'ref');
          const m = ref ? /:[A-Z]+(\d+)$/.exec(ref) : null;
          if (m) totalRows = Math.max(0, Number(m[1]) - 1);
          break;
        }
        case 'row': {
          const r = attr(t.attributes, 'r');
          // Excel's rows are 1 to 1,048,576; anything else would be stored as the row a line came from.
          if (r !== null && (!/^[1-9]\d{0,6}$/.test(r) || Number(r) > 1_048_576)) throw new AppError('XLSX_CORRUPT', { file, row: rowNo + 1, notes: [{ key: 'XLSX_BAD_ROW_REF', params: { ref: r.slice(0, 40) } }] });
          rowNo = r ? Number(r) : rowNo + 1;
          cells = [];
          col = -1;
          break;
        }
        case 'c': {
          const r = attr(t.attributes, 'r');
          if (r) {
            col = colIndex(r);
            if (col < 0) throw new AppError('XLSX_CORRUPT', { file, row: rowNo, notes: [{ key: 'XLSX_BAD_CELL_REF', params: { ref: r.slice(0, 40) } }] });
          } else col++;
          if (col >= limits.maxColumns) throw tooManyColumns(file, rowNo, col + 1, limits.maxColumns);
          type = attr(t.attributes, 't') ?? 'n';
          text = '';
          inline = '';
          break;
        }
        case 'v': inV = true; break;
        case 't': if (inPh === 0) { inT = true; run = ''; } break;
        case 'rPh': inPh++; break;
      }
    });
    p.on('text', (s) => {
      if (inV) text += s;
      else if (inT) run += s;
      else return;
      if (text.length + inline.length + run.length > ESCAPED_CHARS * limits.maxCellChars) {
        throw cellTooLong(file, rowNo, where(), decodeXstring(text).length + inline.length + decodeXstring(run).length, limits.maxCellChars);
      }
    });
    p.on('closetag', (t) => {
      switch (t.name) {
        case 'v': inV = false; break;
        case 't':
          if (inT) {
            inT = false;
            inline += decodeXstring(run);
            run = '';
          }
          break;
        case 'rPh': inPh--; break;
        case 'c': {
          let v: Cell;
          if (type === 's') {
            const i = Number(text);
            if (!Number.isInteger(i) || i < 0 || i >= shared.length) throw new AppError('XLSX_CORRUPT', { file, row: rowNo, notes: [{ key: 'XLSX_BAD_SHARED_STRING' }] });
            v = shared[i];
          } else if (type === 'n') {
            v = text === '' ? '' : Number(text);
            if (typeof v === 'number' && Number.isNaN(v)) v = text;
          } else if (type === 'b') {
            v = text === '1';
          } else if (type === 'str' || type === 'inlineStr') {
            // A formula's cached text (<v>) and an inline string (<is>) are ST_Xstring too.
            v = decodeXstring(text) + inline;
          } else {
            v = text + inline; // d (ISO date text), e (error text)
          }
          const length = typeof v === 'string' ? v.length : text.length;
          if (length > limits.maxCellChars) throw cellTooLong(file, rowNo, where(), length, limits.maxCellChars);
          while (cells.length < col) cells.push('');
          cells[col] = v;
          break;
        }
        case 'row': emit(); break;
      }
    });
  });
  sink.progress?.(rows, rows);
}
