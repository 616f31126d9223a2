import { stockRejected } from '../../../shared/rules/stock-reject';
import type { StockRejectCode, StockRejectedLine } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { STOCK_SEPARATORS, type StockSep } from '../../../shared/rules/stock-separators';
import type { StockShape } from '../../../shared/rules/stock-shape';
import { cellText, parseTime } from './cells';
import { decodeAuto } from './detect-encoding';
import { readXlsx } from './read-xlsx';
import { sniff } from './sniff';

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

const HEADER_NAMES: Record<string, keyof Omit<ParsedStockItem, 'line'>> = {
  卡号: 'cardNo', 卡密: 'password', 密码: 'password', 激活码: 'code', 兑换码: 'code', 券码: 'code', code: 'code',
  账号: 'login', 帐号: 'login', 登录名: 'login', 用户名: 'login', 有效期: 'expiresAt', 有效期至: 'expiresAt',
  过期时间: 'expiresAt', 到期时间: 'expiresAt', 截止日期: 'expiresAt', 备注: 'extras',
};

/**
 * Reads the merchant's stock: plain text (one item per line, no header), CSV or XLSX with or
 * without a header row, or pasted text. Items are cards (number + password), codes, or accounts
 * (login + password + extras). Lines that cannot be trusted are rejected with their numbers.
 */
export function parseStock(input: { name: string; bytes?: Uint8Array; text?: string }, shape: StockShape, sepChoice: StockSep | 'auto' = 'auto'): ParsedStock {
  if (input.bytes) {
    const kind = sniff(input.bytes);
    if (kind === 'empty') throw new AppError('STOCK_EMPTY', { file: input.name });
    if (kind === 'binary' || kind === 'cfb') throw new AppError('STOCK_NOT_TEXT', { file: input.name });
    if (kind === 'zip') return parseRows(readXlsxRows(input.bytes, input.name), shape, input.name);
    return parseText(decodeAuto(input.bytes).text, shape, sepChoice, input.name);
  }
  return parseText(input.text ?? '', shape, sepChoice, input.name);
}

function readXlsxRows(bytes: Uint8Array, file: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  readXlsx(bytes, file, {
    header: (cells, rowNo) => rows.push({ line: rowNo, cells }),
    row: (r) => rows.push({ line: r.rowNo, cells: r.cells.map((c) => cellText(c)) }),
  });
  return rows;
}

function parseText(text: string, shape: StockShape, sepChoice: StockSep | 'auto', file: string): ParsedStock {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const content = lines.map((l, i) => ({ line: i + 1, text: l.trim() })).filter((l) => l.text !== '');
  if (content.length === 0) throw new AppError('STOCK_EMPTY', { file });
  const rejected: ParsedStock['rejected'] = [];
  const usable = content.filter((l) => {
    if (l.text.length > MAX_LINE) { rejected.push(stockRejected(l.line, 'LINE_TOO_LONG', { max: MAX_LINE })); return false; }
    return true;
  });
  const sep = sepChoice === 'auto' ? detectSep(usable.map((l) => l.text), shape) : sepChoice;
  const rows = usable.map((l) => ({ line: l.line, cells: sep ? splitLine(l.text, sep) : [l.text] }));
  const out = parseRows(rows, shape, file, sep);
  out.rejected.unshift(...rejected);
  out.rejected.sort((a, b) => a.line - b.line);
  return out;
}

function splitLine(s: string, sep: StockSep): string[] {
  const parts = sep === ' ' ? s.split(/\s+/) : s.split(sep);
  return parts.map((p) => p.trim());
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

function parseRows(rows: { line: number; cells: string[] }[], shape: StockShape, file: string, sep: StockSep | null = null): ParsedStock {
  const items: ParsedStockItem[] = [];
  const rejected: ParsedStock['rejected'] = [];
  let map: Partial<Record<keyof Omit<ParsedStockItem, 'line'>, number>> | null = null;
  let start = 0;
  if (rows.length) {
    const first = rows[0].cells.map((c) => c.replace(/\s/g, '').toLowerCase());
    const found: Partial<Record<keyof Omit<ParsedStockItem, 'line'>, number>> = {};
    first.forEach((h, i) => {
      const f = HEADER_NAMES[h];
      if (f && found[f] === undefined) found[f] = i;
    });
    if (Object.keys(found).length > 0) {
      map = found;
      // 卡密 alone is the code of a code-only sheet
      if (shape === 'code' && found.code === undefined && found.password !== undefined) { found.code = found.password; delete found.password; }
      if (shape === 'account' && found.login === undefined && found.cardNo !== undefined) { found.login = found.cardNo; delete found.cardNo; }
      start = 1;
    }
  }
  for (let r = start; r < rows.length; r++) {
    const { line, cells } = rows[r];
    if (cells.every((c) => c.trim() === '')) continue;
    if (cells.some((c) => c.length > MAX_LINE)) { rejected.push(stockRejected(line, 'LINE_TOO_LONG', { max: MAX_LINE })); continue; }
    const item: ParsedStockItem = { line, cardNo: '', password: '', code: '', login: '', extras: '', expiresAt: null };
    let fields = cells.map((c) => unlabel(c.trim()));
    if (map) {
      const m = map;
      const get = (k: keyof typeof m) => (m[k] === undefined ? '' : fields[m[k]!] ?? '');
      item.cardNo = get('cardNo'); item.password = get('password'); item.code = get('code'); item.login = get('login');
      const exp = get('expiresAt');
      if (exp) {
        item.expiresAt = parseTime(exp);
        if (!item.expiresAt) { rejected.push(stockRejected(line, 'BAD_EXPIRY', { value: exp })); continue; }
      }
      const used = new Set(Object.values(m));
      const rest = fields.filter((f, i) => !used.has(i) && f !== '');
      item.extras = get('extras') || (shape === 'account' ? rest.join(' | ') : '');
    } else {
      // Trailing date → the item's expiry.
      if (fields.length > 1) {
        const t = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}( \d{1,2}:\d{2}(:\d{2})?)?$/.test(fields[fields.length - 1]) ? parseTime(fields[fields.length - 1]) : null;
        if (t) { item.expiresAt = t; fields = fields.slice(0, -1); }
      }
      if (shape === 'card') { item.cardNo = fields[0] ?? ''; item.password = fields[1] ?? ''; if (fields.length > 2) item.extras = fields.slice(2).join(' '); }
      else if (shape === 'code') item.code = sep && sep !== ' ' ? fields.join(sep) : fields.join(' ');
      else { item.login = fields[0] ?? ''; item.password = fields[1] ?? ''; item.extras = fields.slice(2).join(' | '); }
    }
    const missing: StockRejectCode | null = shape === 'card' ? (!item.cardNo ? 'MISSING_CARD_NO' : !item.password ? 'MISSING_PASSWORD' : null)
      : shape === 'code' ? (!item.code ? 'MISSING_CODE' : null)
      : (!item.login ? 'MISSING_LOGIN' : !item.password ? 'MISSING_PASSWORD' : null);
    if (missing) { rejected.push(stockRejected(line, missing)); continue; }
    items.push(item);
  }
  if (items.length === 0 && rejected.length === 0) throw new AppError('STOCK_EMPTY', { file });
  return { sep, items, rejected };
}
