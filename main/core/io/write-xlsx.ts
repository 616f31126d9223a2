import { AppError } from '../../../shared/errors';
import { LIMITS, type IoLimits } from './limits';
import { listZip, packEntry, readZipEntry, writeZip, type PackedEntry, type UnpackBudget } from './zip';

/**
 * Writes rows into an .xlsx: the merchant's template (its sheet's rows under the header replaced,
 * every other part — other sheets, column widths, formatting, the header itself — kept byte for
 * byte), or a plain workbook of our own. Own writer rather than exceljs: exceljs writes only
 * asynchronously, so it cannot run inside the SQLite transaction an export is (a crash must leave
 * orders either exported with their file or not at all), and it rewrites the whole template from
 * its model, dropping what it does not model.
 *
 * Every data cell is a text cell (an inline string) in a style with the `@` number format, so
 * Excel never shows `2.60607E+20`, never drops a leading zero, and never evaluates a text that
 * begins with `=`, `+`, `-` or `@` (a string cell is not a formula, and `@` keeps it text when the
 * merchant edits it). The text itself is written exactly.
 */

export interface XlsxTarget {
  /** Path of the sheet to fill inside the zip, e.g. `xl/worksheets/sheet1.xml`. */
  sheetPath: string;
  /** 1-based row of the header: rows up to it are kept, rows below are replaced. */
  headerRow: number;
}

const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { fatal: false });

/** Characters XML 1.0 cannot hold are written as OOXML's `_xHHHH_`, and a literal `_xHHHH_` is escaped, so every character survives. */
const NEEDS_ESCAPE = /[&<>"_\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
export function xmlText(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s
    .replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F${m.slice(1)}`)
    .replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'))
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
    // A lone surrogate is not a character XML can hold either.
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase()}_`);
}

export function colName(i: number): string {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The parts of an .xlsx, in their order. */
export function unpackXlsx(bytes: Uint8Array, file: string, limits: IoLimits = LIMITS): Map<string, Uint8Array> {
  const budget: UnpackBudget = { used: 0 };
  const parts = new Map<string, Uint8Array>();
  for (const e of listZip(bytes, file, 'xlsx')) {
    if (e.name.endsWith('/')) continue;
    parts.set(e.name, readZipEntry(bytes, e, file, 'xlsx', limits, budget));
  }
  return parts;
}

/** A prepared template: its parts, with the text style added once, ready to take rows again and again. */
export interface PreparedTemplate {
  parts: Map<string, Uint8Array>;
  target: XlsxTarget;
  /** The sheet's XML before and after its data rows. */
  head: string;
  tail: string;
  /** The style index of each column's text cells (default: the plain text style). */
  styleOf: (col: number) => number;
  /** Every other part, compressed once for all the files written from this template. */
  packed: Map<string, PackedEntry>;
}

/** Reads a template once; `fill` then writes any number of files from it. */
export function prepareTemplate(parts: Map<string, Uint8Array>, target: XlsxTarget, file: string): PreparedTemplate {
  const out = new Map(parts);
  const sheetXml = parts.get(target.sheetPath);
  if (!sheetXml) throw new AppError('XLSX_CORRUPT', { file, notes: [{ key: 'XLSX_PART_MISSING', params: { part: target.sheetPath } }] });
  const xml = dec.decode(sheetXml);

  // The example row's styles (the row under the header) become the data cells' styles, with `@`.
  const exampleStyles = new Map<number, number>();
  const rows = [...xml.matchAll(/<row\b[^>]*?\br="(\d+)"[^>]*?(?:\/>|>([\s\S]*?)<\/row>)/g)];
  const example = rows.find((m) => Number(m[1]) === target.headerRow + 1);
  if (example?.[2]) {
    for (const c of example[2].matchAll(/<c\b[^>]*?\br="([A-Z]+)\d+"[^>]*?\bs="(\d+)"/g)) exampleStyles.set(colIndex(c[1]), Number(c[2]));
  }
  const styles = parts.get('xl/styles.xml');
  const { xml: stylesXml, textStyle } = addTextStyles(styles ? dec.decode(styles) : MIN_STYLES, [...new Set(exampleStyles.values())]);
  out.set('xl/styles.xml', enc.encode(stylesXml));
  if (!styles) {
    // A workbook without styles needs the part declared.
    const ct = dec.decode(out.get('[Content_Types].xml') ?? new Uint8Array());
    if (!ct.includes('/xl/styles.xml')) out.set('[Content_Types].xml', enc.encode(ct.replace('</Types>', '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>')));
  }
  dropCalcChain(out);

  // Keep rows up to the header; the data rows go between head and tail.
  let head: string;
  let tail: string;
  const selfClosing = xml.match(/<sheetData\s*\/>/);
  if (selfClosing) {
    head = xml.slice(0, selfClosing.index) + '<sheetData>';
    tail = '</sheetData>' + xml.slice(selfClosing.index! + selfClosing[0].length);
  } else {
    const open = xml.indexOf('<sheetData');
    const close = xml.lastIndexOf('</sheetData>');
    if (open < 0 || close < 0) throw new AppError('XLSX_CORRUPT', { file, detail: 'sheetData' });
    const openEnd = xml.indexOf('>', open) + 1;
    const kept = rows.filter((m) => Number(m[1]) <= target.headerRow).map((m) => m[0]).join('');
    head = xml.slice(0, openEnd) + kept;
    tail = xml.slice(close);
  }
  // Merged cells and tables over the old data rows would point at rows that are gone.
  tail = tail.replace(/<mergeCells\b[\s\S]*?<\/mergeCells>/, (m) => {
    const keep = [...m.matchAll(/<mergeCell\b[^>]*?ref="[A-Z]+(\d+)(?::[A-Z]+(\d+))?"[^>]*\/>/g)].filter((x) => Number(x[2] ?? x[1]) <= target.headerRow).map((x) => x[0]);
    return keep.length ? `<mergeCells count="${keep.length}">${keep.join('')}</mergeCells>` : '';
  });
  const cloned = new Map<number, number>();
  for (const [col, s] of exampleStyles) cloned.set(col, textStyle.get(s) ?? textStyle.get(-1)!);
  const plain = textStyle.get(-1)!;
  const packed = new Map<string, PackedEntry>();
  for (const [name, data] of out) if (name !== target.sheetPath) packed.set(name, packEntry(name, data));
  return { parts: out, target, head, tail, styleOf: (col) => cloned.get(col) ?? plain, packed };
}

/** A file being written row by row: the shipment parts, the messages (100,000 rows) never sit in memory as one string. */
export interface SheetSink {
  add(cells: readonly string[]): void;
  readonly rows: number;
  finish(): Uint8Array;
}

/** Rows (text cells) under a prepared template's header, turned to UTF-8 a megabyte at a time. */
export function sheetWriter(t: PreparedTemplate): SheetSink {
  const { headerRow } = t.target;
  const chunks: Buffer[] = [];
  let pending = '';
  let width = 0;
  let rows = 0;
  return {
    get rows() { return rows; },
    add(cells) {
      const r = headerRow + 1 + rows++;
      pending += `<row r="${r}">`;
      for (let c = 0; c < cells.length; c++) {
        const v = cells[c];
        if (v === '') continue;
        pending += `<c r="${colName(c)}${r}" s="${t.styleOf(c)}" t="inlineStr"><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`;
      }
      pending += '</row>';
      if (pending.length > 1 << 20) { chunks.push(Buffer.from(pending, 'utf8')); pending = ''; }
      width = Math.max(width, cells.length);
    },
    finish() {
      const lastRow = headerRow + rows;
      const head = t.head.replace(/<dimension\s+ref="([A-Z]+\d+)(?::([A-Z]+)\d+)?"\s*\/>/, (_m, first: string, lastCol?: string) => {
        const firstCol = first.replace(/\d+/g, '');
        const endCol = width > 0 ? colName(Math.max(width - 1, lastCol ? colIndex(lastCol) : 0)) : (lastCol ?? firstCol);
        return `<dimension ref="${first}:${endCol}${Math.max(lastRow, 1)}"/>`;
      });
      const sheet = Buffer.concat([Buffer.from(head, 'utf8'), ...chunks, Buffer.from(pending + t.tail, 'utf8')]);
      chunks.length = 0;
      pending = '';
      return writeZip([...t.parts.keys()].map((name) => (name === t.target.sheetPath ? packEntry(name, sheet, 3) : t.packed.get(name)!)));
    },
  };
}

/** One file from a prepared template: `rows` (text cells) under the header. */
export function fillTemplate(t: PreparedTemplate, rows: readonly (readonly string[])[]): Uint8Array {
  const w = sheetWriter(t);
  for (const r of rows) w.add(r);
  return w.finish();
}

/** A plain workbook of our own: one sheet, a bold header, widths for the text. */
export function plainWorkbook(sheet: string, header: readonly string[], widths: readonly number[]): Map<string, Uint8Array> {
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const headerCells = header.map((h, i) => `<c r="${colName(i)}1" s="1" t="inlineStr"><is><t xml:space="preserve">${xmlText(h)}</t></is></c>`).join('');
  const files: Record<string, string> = {
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${xmlText(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    'xl/styles.xml': MIN_STYLES,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:${colName(Math.max(header.length - 1, 0))}1"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData><row r="1">${headerCells}</row></sheetData></worksheet>`,
  };
  return new Map(Object.entries(files).map(([k, v]) => [k, enc.encode(v)]));
}

/** A plain workbook's sheet path and header row. */
export const PLAIN_TARGET: XlsxTarget = { sheetPath: 'xl/worksheets/sheet1.xml', headerRow: 1 };

/** A small workbook in one call (messages, exceptions): bold header, text cells. */
export function simpleXlsx(sheet: string, header: readonly string[], rows: readonly (readonly string[])[], widths?: readonly number[]): Uint8Array {
  const w = widths ?? header.map((h, i) => Math.min(60, Math.max(10, h.length * 2 + 2, ...rows.slice(0, 200).map((r) => (r[i] ?? '').length + 2))));
  return fillTemplate(prepareTemplate(plainWorkbook(sheet, header, w), PLAIN_TARGET, sheet), rows);
}

// Fonts: 0 plain, 1 bold. cellXfs: 0 general, 1 bold header.
const MIN_STYLES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/**
 * Adds text (`@`, built-in format 49) versions of some cell styles to styles.xml: one per given
 * style index (its font, fill, border and alignment kept), and a plain one (key -1).
 */
function addTextStyles(xml: string, bases: number[]): { xml: string; textStyle: Map<number, number> } {
  const m = xml.match(/<cellXfs\b[^>]*?(?:\/>|>([\s\S]*?)<\/cellXfs>)/);
  const textStyle = new Map<number, number>();
  if (!m) {
    // No cellXfs at all: give the stylesheet one with a general and a text style.
    const add = '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>';
    textStyle.set(-1, 1);
    return { xml: xml.replace('</styleSheet>', `${add}</styleSheet>`), textStyle };
  }
  const inner = m[1] ?? '';
  const xfs = [...inner.matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((x) => x[0]);
  const added: string[] = [];
  const toText = (xf: string) => xf
    .replace(/\bnumFmtId="\d+"/, 'numFmtId="49"')
    .replace(/^<xf\b(?![^>]*numFmtId=)/, '<xf numFmtId="49"')
    .replace(/\bapplyNumberFormat="\w+"/, 'applyNumberFormat="1"')
    .replace(/^<xf\b(?![^>]*applyNumberFormat=)/, '<xf applyNumberFormat="1"');
  for (const b of bases) {
    if (!xfs[b]) continue;
    textStyle.set(b, xfs.length + added.length);
    added.push(toText(xfs[b]));
  }
  textStyle.set(-1, xfs.length + added.length);
  added.push('<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>');
  const all = xfs.concat(added);
  const replaced = `<cellXfs count="${all.length}">${all.join('')}</cellXfs>`;
  return { xml: xml.slice(0, m.index) + replaced + xml.slice(m.index! + m[0].length), textStyle };
}

/** calcChain lists formula cells; rows we replaced may have had some, and Excel "repairs" a stale chain. */
function dropCalcChain(parts: Map<string, Uint8Array>): void {
  if (!parts.has('xl/calcChain.xml')) return;
  parts.delete('xl/calcChain.xml');
  const ct = parts.get('[Content_Types].xml');
  if (ct) parts.set('[Content_Types].xml', enc.encode(dec.decode(ct).replace(/<Override\b[^>]*PartName="\/xl\/calcChain\.xml"[^>]*\/>/, '')));
  const rels = parts.get('xl/_rels/workbook.xml.rels');
  if (rels) parts.set('xl/_rels/workbook.xml.rels', enc.encode(dec.decode(rels).replace(/<Relationship\b[^>]*Target="calcChain\.xml"[^>]*\/>/, '')));
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
