import Papa from 'papaparse';
import { stockRejected } from '../../../shared/rules/stock-reject';
import type { StockRejectCode, StockRejectedLine } from '../../../shared/domain';
import { AppError, type ErrorNote } from '../../../shared/errors';
import { hasControlChars, hasOddSecretChars } from '../../../shared/rules/stock-identity';
import { STOCK_SEPARATORS, type StockSep } from '../../../shared/rules/stock-separators';
import type { StockShape } from '../../../shared/rules/stock-shape';
import { cellText, ORDER_NO_RE, parseTime } from './cells';
import type { Cell } from './table';
import { decodeText } from './detect-encoding';
import { mapHeader } from './header-map';
import { readSpreadsheet } from './read-spreadsheet';
import { controlBytes, sniff } from './sniff';

export interface ParsedStockItem {
  line: number;
  cardNo: string;
  password: string;
  code: string;
  login: string;
  extras: string;
  expiresAt: string | null;
}

export interface ParsedStock {
  sep: StockSep | null;
  items: ParsedStockItem[];
  rejected: StockRejectedLine[];
}

export const MAX_LINE = 1000;
/** A card number, password, code or login longer than this is not one (a pasted paragraph, a row of data). */
export const MAX_SECRET = 200;

type Field = keyof Omit<ParsedStockItem, 'line'>;

const HEADER_NAMES: Record<string, Field> = {
  卡号: 'cardNo', 卡密: 'password', 密码: 'password', 激活码: 'code', 兑换码: 'code', 券码: 'code', code: 'code',
  账号: 'login', 帐号: 'login', 登录名: 'login', 用户名: 'login', 有效期: 'expiresAt', 有效期至: 'expiresAt',
  过期时间: 'expiresAt', 到期时间: 'expiresAt', 截止日期: 'expiresAt', 备注: 'extras',
};

/** `lost`: columns whose XLSX cell is a number Excel cannot hold exactly (digits past the 15th already gone). */
type Row = { line: number; cells: string[]; lost?: number[] };

/**
 * Reads the merchant's stock: plain text (one item per line, no header), CSV (quotes honoured)
 * or XLSX (or either in a .zip) with or without a header row, or pasted text. Items are cards
 * (number + password), codes, or accounts (login + password + extras). Lines that cannot be
 * trusted are rejected with their numbers; a file that is not stock at all is refused whole:
 * an order export (STOCK_IS_ORDER_EXPORT), or lines of another shape than the product's
 * (STOCK_SHAPE_MISMATCH, with the shape they look like).
 */
export function parseStock(input: { name: string; bytes?: Uint8Array; text?: string }, shape: StockShape, sepChoice: StockSep | 'auto' = 'auto'): ParsedStock {
  if (input.bytes) {
    const kind = sniff(input.bytes);
    if (kind === 'empty') throw new AppError('STOCK_EMPTY', { file: input.name });
    if (kind === 'cfb' || (kind === 'binary' && !textWithStrayNuls(input.bytes))) throw new AppError('STOCK_NOT_TEXT', { file: input.name });
    if (kind === 'zip') return parseRows(readSheetRows(input.bytes, input.name), shape, input.name);
    // A supplier file pasted together from two encodings, or cut inside a character, is refused whole.
    const decoded = decodeText(input.bytes, input.name);
    if (decoded.cutAtEnd) throw new AppError('FILE_TRUNCATED', { file: input.name });
    return parseText(decoded.text, shape, sepChoice, input.name);
  }
  return parseText(input.text ?? '', shape, sepChoice, input.name);
}

/**
 * A text file that a NUL or two made look binary to the sniff: its lines are read, and the line
 * with the NUL is refused by number (CONTROL_CHARS) like any other control character. A binary
 * file or UTF-16 text (a NUL every other byte) has far more.
 */
function textWithStrayNuls(b: Uint8Array): boolean {
  const { scanned, nul, control } = controlBytes(b);
  return nul <= Math.max(2, scanned / 1000) && nul + control <= scanned * 0.05;
}

/**
 * Excel keeps 15 significant digits of a number: a 16- or 19-digit card number typed into a
 * General cell is stored with its last digits turned to zeros, and read back it is another card.
 */
const EXACT_LIMIT = 1e15;
/** The same damage in a CSV Excel saved: 6.33800012345679E+18. */
const SCIENTIFIC = /^[+-]?\d(\.\d+)?e[+-]?\d+$/i;

function sheetRow(line: number, cells: readonly Cell[]): Row {
  const lost: number[] = [];
  cells.forEach((c, i) => { if (typeof c === 'number' && Math.abs(c) >= EXACT_LIMIT) lost.push(i); });
  return { line, cells: cells.map((c) => cellText(c)), ...(lost.length ? { lost } : {}) };
}

/** An .xlsx, or a .zip around one .csv/.xlsx: every row, the first one included (it may be a header or an item). */
function readSheetRows(bytes: Uint8Array, file: string): Row[] {
  const rows: Row[] = [];
  readSpreadsheet(file, bytes, {
    header: (cells, rowNo, _format, raw) => rows.push(sheetRow(rowNo, raw ?? cells)),
    row: (r) => rows.push(sheetRow(r.rowNo, r.cells)),
  });
  return rows;
}

function parseText(text: string, shape: StockShape, sepChoice: StockSep | 'auto', file: string): ParsedStock {
  const body = text.replace(/^\uFEFF/, '');
  const lines = body.split(/\r\n|\n|\r/);
  const content: Row[] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].trim();
    if (t !== '') content.push({ line: i + 1, cells: [t] });
  }
  if (content.length === 0) throw new AppError('STOCK_EMPTY', { file });
  refuseOrderExport(content.slice(0, 3).map((l) => splitLoose(l.cells[0])), file);
  const rejected: StockRejectedLine[] = [];
  const usable = content.filter((l) => {
    const t = l.cells[0];
    if (hasControlChars(t)) { rejected.push(stockRejected(l.line, 'CONTROL_CHARS')); return false; }
    if (t.length > MAX_LINE) { rejected.push(stockRejected(l.line, 'LINE_TOO_LONG', { max: MAX_LINE })); return false; }
    return true;
  });
  const texts = usable.map((l) => l.cells[0]);
  const sep = sepChoice === 'auto' ? detectSep(texts, shape) : sepChoice;
  // Columns with quotes are CSV: "卡号","密码" then "6338…","670665". A ---- or | line is not.
  const quoted = body.includes('"') && (sep === ',' || sep === '\t' || (sep === null && texts.some((t) => t.startsWith('"'))));
  const rows = quoted
    ? csvRows(body, sep ?? ',', file).filter((r) => !rejected.some((x) => x.line === r.line))
    : usable.map((l) => ({ line: l.line, cells: sep ? splitLine(l.cells[0], sep) : [l.cells[0]] }));
  const out = parseRows(rows, shape, file, quoted ? sep ?? ',' : sep, rejected.length);
  out.rejected.unshift(...rejected);
  out.rejected.sort((a, b) => a.line - b.line);
  return out;
}

/** CSV with quotes honoured (papaparse), each row with the line it starts on. */
function csvRows(text: string, delimiter: string, file: string): Row[] {
  const rows: Row[] = [];
  let line = 1;
  let pos = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    header: false,
    skipEmptyLines: false,
    step(res: Papa.ParseStepResult<string[]>) {
      if (res.errors.some((e) => e.type === 'Quotes')) throw new AppError('CSV_MALFORMED', { file, row: line });
      const cells = res.data;
      if (!(cells.length === 1 && cells[0].trim() === '')) rows.push({ line, cells: cells.map((c) => c.trim()) });
      const end = res.meta.cursor;
      for (let i = pos; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
      }
      pos = end;
    },
  } as unknown as Papa.ParseConfig<string[]>);
  return rows;
}

function splitLine(s: string, sep: StockSep): string[] {
  const parts = sep === ' ' ? s.split(/\s+/) : s.split(sep);
  return parts.map((p) => p.trim());
}

/** A line cut at commas, tabs and semicolons, quotes dropped: enough to read an order export's header. */
function splitLoose(s: string): string[] {
  return s.split(/[,\t;]/).map((c) => c.trim().replace(/^"+|"+$/g, '').trim());
}

/**
 * An order export is not stock: its header names (订单号, 订单状态, 商品 …, ORDER_FIELDS of
 * header-map.ts) say so. Three known order columns, or 订单号 and any other, in one of the
 * first rows.
 */
export function orderHeaderColumns(cells: readonly string[]): string[] | null {
  if (cells.length < 2) return null;
  const { index, names } = mapHeader(cells);
  const fields = Object.keys(index) as (keyof typeof index)[];
  if (fields.length >= 3 || (index.orderNo !== undefined && fields.length >= 2)) {
    return fields.map((f) => index[f]!).sort((a, b) => a - b).map((i) => names[i]).slice(0, 5);
  }
  return null;
}

function refuseOrderExport(rows: string[][], file: string): void {
  for (const cells of rows) {
    const cols = orderHeaderColumns(cells);
    if (cols) throw new AppError('STOCK_IS_ORDER_EXPORT', { file, notes: [{ key: 'ORDER_HEADER', params: { columns: cols.join('、') } }] });
  }
}

const ORDER_NO_IN = /(?:^|[^\d])\d{6}-\d{15}(?:[^\d]|$)/;
const ORDER_WORDS = /待发货|待付款|已发货|待收货|待签收|已签收|已收货|已取消|退款成功|交易关闭|无售后|售后/;

/** A row of an order export without its header: an order number beside an order status or among many cells. */
function looksLikeOrderRow(cells: readonly string[]): boolean {
  const hasNo = cells.some((c) => ORDER_NO_RE.test(c)) || (cells.length === 1 && ORDER_NO_IN.test(cells[0]));
  if (!hasNo) return false;
  const all = cells.length === 1 ? splitLoose(cells[0]) : cells;
  return all.length >= 5 || all.some((c) => ORDER_WORDS.test(c));
}

/** The separator most lines share; a code file needs none. */
export function detectSep(lines: string[], shape: StockShape): StockSep | null {
  if (lines.length === 0) return null;
  for (const sep of STOCK_SEPARATORS) {
    const hits = lines.filter((l) => l.includes(sep)).length;
    if (hits >= Math.ceil(lines.length * 0.8)) return sep;
  }
  return shape === 'code' ? null : STOCK_SEPARATORS.find((s) => lines.some((l) => l.includes(s))) ?? null;
}

/** Strips a label the merchant's supplier may have left in: "卡号：123", "密码:abc". */
function unlabel(s: string): string {
  return s.replace(/^(卡号|卡密|密码|激活码|兑换码|账号|帐号|有效期至?)\s*[:：]\s*/, '');
}

const DATE_LIKE = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}( \d{1,2}:\d{2}(:\d{2})?)?$/;
/** Separators that mean two parts (number + password); a comma or space may be part of a code's line otherwise. */
const PAIR_SEPS: ReadonlySet<string> = new Set(['----', '|', '\t', ',']);
/** Separators no code holds: found on a line even when most lines have none. */
const STRONG_SEPS = ['----', '|', '\t'] as const;
/** Example line numbers a shape question names. */
const SHAPE_EXAMPLES = 5;

/** What a line of another shape looks like: an account has a login (mail, phone) or extras; else a card. */
function pairKind(fields: readonly string[]): 'card' | 'account' {
  return fields.length >= 3 || /@|^1\d{10}$/.test(fields[0]) ? 'account' : 'card';
}

function shapeMismatch(file: string, looks: 'card' | 'code' | 'account', lines: number[]): AppError {
  const key = looks === 'card' ? 'LOOKS_LIKE_CARD' : looks === 'code' ? 'LOOKS_LIKE_CODE' : 'LOOKS_LIKE_ACCOUNT';
  const notes: ErrorNote[] = [{ key }];
  if (lines.length) notes.push({ key: 'SHAPE_LINES', params: { lines: lines.slice(0, SHAPE_EXAMPLES).join('、') } });
  return new AppError('STOCK_SHAPE_MISMATCH', { file, notes });
}

function parseRows(rows: Row[], shape: StockShape, file: string, sep: StockSep | null = null, before = 0): ParsedStock {
  const items: ParsedStockItem[] = [];
  const rejected: ParsedStock['rejected'] = [];
  refuseOrderExport(rows.slice(0, 3).map((r) => r.cells), file);
  let map: Partial<Record<Field, number>> | null = null;
  let start = 0;
  if (rows.length) {
    const first = rows[0].cells.map((c) => c.replace(/\s/g, '').toLowerCase());
    const found: Partial<Record<Field, number>> = {};
    first.forEach((h, i) => {
      const f = HEADER_NAMES[h];
      if (f && found[f] === undefined) found[f] = i;
    });
    // A header row is mostly names (卡号, 密码 … and perhaps a column VShip does not use, 面值); a
    // data row that happens to hold one such word (a remark 备注) is not.
    const named = first.filter((h) => HEADER_NAMES[h]).length;
    if (named > 0 && named * 2 >= first.filter((h) => h !== '').length) {
      const dataLines = rows.slice(1, 1 + SHAPE_EXAMPLES).map((r) => r.line);
      // The header names the shape: 卡号+密码 into a code product, 激活码 alone into a card product.
      if (shape === 'code' && found.code === undefined && found.password !== undefined && (found.cardNo !== undefined || found.login !== undefined)) {
        throw shapeMismatch(file, found.login !== undefined ? 'account' : 'card', dataLines);
      }
      // 激活码 (or 卡密 alone) into a card or account product: codes.
      if (shape !== 'code' && found.cardNo === undefined && found.login === undefined && (found.code !== undefined || found.password !== undefined)) {
        throw shapeMismatch(file, 'code', dataLines);
      }
      if (shape === 'card' && found.cardNo === undefined && found.login !== undefined) throw shapeMismatch(file, 'account', dataLines);
      // 卡密 alone is the code of a code-only sheet
      if (shape === 'code' && found.code === undefined && found.password !== undefined) { found.code = found.password; delete found.password; }
      if (shape === 'account' && found.login === undefined && found.cardNo !== undefined) { found.login = found.cardNo; delete found.cardNo; }
      map = found;
      start = 1;
    }
  }
  // Lines of another shape than the product's: pairs in a code product, lone values in a card or account product.
  const pairs: { line: number; kind: 'card' | 'account'; sep: StockSep }[] = [];
  const singles: number[] = [];
  const orderRows: number[] = [];
  let counted = 0;
  for (let r = start; r < rows.length; r++) {
    const { line, cells } = rows[r];
    if (cells.every((c) => c.trim() === '')) continue;
    counted++;
    if (cells.some((c) => hasControlChars(c))) { rejected.push(stockRejected(line, 'CONTROL_CHARS')); continue; }
    if (cells.some((c) => c.length > MAX_LINE)) { rejected.push(stockRejected(line, 'LINE_TOO_LONG', { max: MAX_LINE })); continue; }
    if (digitsLost(rows[r], map)) { rejected.push(stockRejected(line, 'DIGITS_LOST')); continue; }
    if (looksLikeOrderRow(cells)) { orderRows.push(line); rejected.push(stockRejected(line, 'ORDER_ROW')); continue; }
    const item: ParsedStockItem = { line, cardNo: '', password: '', code: '', login: '', extras: '', expiresAt: null };
    let fields = cells.map((c) => unlabel(c.trim()));
    if (map) {
      const m = map;
      const get = (k: keyof typeof m) => (m[k] === undefined ? '' : fields[m[k]!] ?? '');
      item.cardNo = get('cardNo'); item.password = get('password'); item.code = get('code'); item.login = get('login');
      const exp = get('expiresAt');
      if (exp) {
        item.expiresAt = parseTime(exp);
        if (!item.expiresAt) { rejected.push(stockRejected(line, DATE_LIKE.test(exp) ? 'BAD_DATE' : 'BAD_EXPIRY', { value: exp })); continue; }
      }
      const used = new Set(Object.values(m));
      const rest = fields.filter((f, i) => !used.has(i) && f !== '');
      item.extras = get('extras') || (shape === 'account' ? rest.join(' | ') : '');
    } else {
      // Trailing date → the item's expiry; a date that does not exist (2026-02-30) is an error, not part of the secret.
      if (fields.length > 1 && DATE_LIKE.test(fields[fields.length - 1])) {
        const last = fields[fields.length - 1];
        const t = parseTime(last);
        if (!t) { rejected.push(stockRejected(line, 'BAD_DATE', { value: last })); continue; }
        item.expiresAt = t;
        fields = fields.slice(0, -1);
      }
      const parts = fields.filter((f) => f !== '');
      if (shape === 'code') {
        // A code line holding a card's separator, whether most lines share it (sep) or only this one does.
        const pairSep = sep && PAIR_SEPS.has(sep) ? sep : sep === null ? STRONG_SEPS.find((x) => fields[0].includes(x)) : undefined;
        const pieces = pairSep && pairSep !== sep ? splitLine(fields[0], pairSep).filter((f) => f !== '') : parts;
        if (pairSep && pieces.length >= 2) pairs.push({ line, kind: pairKind(pieces), sep: pairSep });
      }
      if (shape !== 'code' && fields.length === 1) singles.push(line);
      if (shape === 'card') { item.cardNo = fields[0] ?? ''; item.password = fields[1] ?? ''; if (fields.length > 2) item.extras = fields.slice(2).join(' '); }
      else if (shape === 'code') item.code = sep && sep !== ' ' ? fields.join(sep) : fields.join(' ');
      else { item.login = fields[0] ?? ''; item.password = fields[1] ?? ''; item.extras = fields.slice(2).join(' | '); }
    }
    const bad = itemProblem(shape, item);
    if (bad) { rejected.push(bad === 'SECRET_TOO_LONG' ? stockRejected(line, bad, { max: MAX_SECRET }) : stockRejected(line, bad)); continue; }
    items.push(item);
  }
  // Most lines of the other shape: a question about the product's kind, not a list of bad lines.
  // More than half of the lines (those refused before parseRows saw them counted too).
  const most = (n: number) => n * 2 > counted + before;
  if (most(orderRows.length)) {
    throw new AppError('STOCK_IS_ORDER_EXPORT', { file, notes: [{ key: 'ORDER_ROWS', params: { lines: orderRows.slice(0, SHAPE_EXAMPLES).join('、') } }] });
  }
  if (most(pairs.length)) {
    const accounts = pairs.filter((p) => p.kind === 'account').length;
    throw shapeMismatch(file, accounts * 2 >= pairs.length ? 'account' : 'card', pairs.map((p) => p.line));
  }
  if (most(singles.length)) throw shapeMismatch(file, 'code', singles);
  // A few such lines among good ones: each refused (a code holding a separator would reach a buyer as is).
  let kept = items;
  if (pairs.length) {
    const at = new Map(pairs.map((p) => [p.line, p.sep]));
    kept = items.filter((it) => !at.has(it.line));
    for (const it of items) {
      const s = at.get(it.line);
      if (s) rejected.push(stockRejected(it.line, 'SEPARATOR_INSIDE', { sep: s === '\t' ? 'TAB' : s }));
    }
    rejected.sort((a, b) => a.line - b.line);
  }
  if (kept.length === 0 && rejected.length === 0 && before === 0) throw new AppError('STOCK_EMPTY', { file });
  return { sep, items: kept, rejected };
}

/** A number Excel has already changed, in a column that is a card number, password, code or login (a remark or 面值 may be one). */
function digitsLost(row: Row, map: Partial<Record<Field, number>> | null): boolean {
  const other = map ? new Set([map.extras, map.expiresAt]) : new Set<number | undefined>();
  const secretCols = (i: number) => (map ? !other.has(i) && Object.values(map).includes(i) : true);
  if (row.lost?.some(secretCols)) return true;
  return row.cells.some((c, i) => secretCols(i) && SCIENTIFIC.test(c.trim()));
}

/** Why an item read from a line cannot be stock: a part missing, too long, or with a space inside. */
function itemProblem(shape: StockShape, item: ParsedStockItem): StockRejectCode | null {
  const missing: StockRejectCode | null = shape === 'card' ? (!item.cardNo ? 'MISSING_CARD_NO' : !item.password ? 'MISSING_PASSWORD' : null)
    : shape === 'code' ? (!item.code ? 'MISSING_CODE' : null)
    : (!item.login ? 'MISSING_LOGIN' : !item.password ? 'MISSING_PASSWORD' : null);
  if (missing) return missing;
  const secrets = [item.cardNo, item.password, item.code, item.login];
  if (secrets.some((s) => s.length > MAX_SECRET)) return 'SECRET_TOO_LONG';
  if (secrets.some((s) => hasOddSecretChars(s))) return 'ODD_CHARS';
  if (secrets.some((s) => /\s/.test(s))) return 'SPACE_INSIDE';
  return null;
}
