import { createHash } from 'node:crypto';
import * as XLSX from '@e965/xlsx';
import type { FilePayload } from '../../../../shared/contract';
import type { ColumnRole, TemplateProfile } from '../../../../shared/domain';
import { AppError } from '../../../../shared/errors';
import { builtInProfile, guessColumns, isOrderNoHeader } from '../../../../shared/rules/export-columns';
import { toBeijingIso } from '../../../../shared/rules/classify';
import type { Db } from '../../db/open';
import { cellText } from '../../io/cells';
import { formatBytes, withLimits } from '../../io/limits';
import { readCsv } from '../../io/read-csv';
import { firstSheetPath, readXlsx } from '../../io/read-xlsx';
import { cfbKind, sniff } from '../../io/sniff';
import type { Cell } from '../../io/table';
import { plainWorkbook, unpackXlsx, type XlsxTarget } from '../../io/write-xlsx';
import { packEntry, writeZip } from '../../io/zip';
import { nowMs } from '../clock';
import { appendLedger } from '../ledger';

/**
 * The template the backend gives for 无物流单条导入, read once per shop: which sheet, which row
 * is the header, what each column is filled with. Its bytes are kept (in the database, with the
 * profile) so each export fills the template itself: other sheets, widths and formatting stay.
 * A legacy .xls is read with SheetJS and kept as an .xlsx of the same sheet and header.
 */

/**
 * A template is a header and a few rows: far below an order export's limits, so a bomb dressed
 * as a template is refused before it costs the browser-mode host its memory.
 */
export const TEMPLATE_LIMITS = withLimits({ maxFileBytes: 20 * 1024 * 1024, maxEntryBytes: 64 * 1024 * 1024, maxTotalUnpackedBytes: 128 * 1024 * 1024 });

/** How far down a title row may push the header. */
const HEADER_SCAN_ROWS = 10;

export interface ReadTemplate {
  profile: TemplateProfile;
  /** What each export fills: an .xlsx (for xlsx and xls templates) or the CSV's header. */
  bytes: Uint8Array;
  target: XlsxTarget | null;
}

/** The header row (the first of the first rows naming 订单号) and the example row under it. */
function findHeader(rows: string[][], file: string): { headerRow: number; header: string[]; example: string[] } {
  for (let i = 0; i < Math.min(rows.length, HEADER_SCAN_ROWS); i++) {
    if (rows[i].some(isOrderNoHeader)) {
      const header = rows[i].map((c) => c.trim());
      while (header.length && header[header.length - 1] === '') header.pop();
      const next = rows[i + 1] ?? [];
      const example = next.some((c) => c.trim() !== '') ? header.map((_h, j) => (next[j] ?? '').trim()) : [];
      return { headerRow: i + 1, header, example };
    }
  }
  throw new AppError('TEMPLATE_NO_ORDER_COLUMN', { file });
}

/** The first rows of a table read by one of our readers, as text, by 1-based row number. */
function collectRows(read: (sink: { header(c: string[], rowNo: number, f: unknown, raw?: readonly Cell[]): void; row(r: { rowNo: number; cells: Cell[] }): void }) => void): string[][] {
  const rows: string[][] = [];
  read({
    header(cells, rowNo, _f, raw) { rows[rowNo - 1] = (raw ?? cells).map((c) => cellText(c)); },
    row(r) { if (r.rowNo <= HEADER_SCAN_ROWS + 2) rows[r.rowNo - 1] = r.cells.map((c) => cellText(c)); },
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}

function sheetNames(parts: Map<string, Uint8Array>): string[] {
  const wb = parts.get('xl/workbook.xml');
  if (!wb) return [];
  const xml = new TextDecoder().decode(wb);
  return [...xml.matchAll(/<sheet\b[^>]*?\bname="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"));
}

/** Reads a template file: its profile with the guessed roles, and what to fill. */
export function readTemplateFile(file: FilePayload): ReadTemplate {
  const { name, bytes } = file;
  if (bytes.byteLength > TEMPLATE_LIMITS.maxFileBytes) throw new AppError('FILE_TOO_LARGE', { file: name, notes: [{ key: 'SIZE_LIMIT', params: { limit: formatBytes(TEMPLATE_LIMITS.maxFileBytes) } }] });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const kind = sniff(bytes);
  const base = { builtIn: false, name, sha256, multiItem: 'rows' as const, setAt: null };
  if (kind === 'zip') {
    const parts = unpackXlsx(bytes, name, TEMPLATE_LIMITS);
    if (!parts.has('xl/workbook.xml')) throw new AppError('TEMPLATE_NOT_SPREADSHEET', { file: name });
    const rows = collectRows((sink) => readXlsx(bytes, name, sink as never, undefined, TEMPLATE_LIMITS));
    const { headerRow, header, example } = findHeader(rows, name);
    const sheetPath = firstSheetPath(parts.get('xl/workbook.xml') ?? null, parts.get('xl/_rels/workbook.xml.rels') ?? null, [...parts.keys()], name);
    const names = sheetNames(parts);
    return {
      profile: { ...base, format: 'xlsx', sheet: names[0] ?? 'Sheet1', headerRow, columns: guessColumns(header, example), example, otherSheets: names.slice(1) },
      bytes, target: { sheetPath, headerRow },
    };
  }
  if (kind === 'cfb') {
    if (cfbKind(bytes) === 'encrypted-xlsx') throw new AppError('XLSX_ENCRYPTED', { file: name });
    let wb: XLSX.WorkBook;
    try {
      wb = XLSX.read(bytes, { type: 'buffer', cellDates: false, raw: false, sheetRows: HEADER_SCAN_ROWS + 2 });
    } catch (e) {
      throw new AppError('TEMPLATE_NOT_SPREADSHEET', { file: name, detail: e instanceof Error ? e.message : String(e) });
    }
    const sheet = wb.SheetNames[0];
    if (!sheet) throw new AppError('TEMPLATE_NOT_SPREADSHEET', { file: name });
    const rows = (XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[sheet], { header: 1, raw: false, defval: '', blankrows: true }))
      .map((r) => r.map((c) => String(c ?? '')));
    const { header, example } = findHeader(rows, name);
    // The .xls is filled as an .xlsx with the same sheet name and header (its other sheets are not carried over).
    const widths = header.map((h) => Math.max(12, h.length * 2 + 4));
    const xlsx = writeZip([...plainWorkbook(sheet, header, widths)].map(([n, d]) => packEntry(n, d)));
    return {
      profile: { ...base, format: 'xls', sheet, headerRow: 1, columns: guessColumns(header, example), example, otherSheets: [] },
      bytes: xlsx, target: { sheetPath: 'xl/worksheets/sheet1.xml', headerRow: 1 },
    };
  }
  if (kind === 'text') {
    const rows = collectRows((sink) => readCsv(bytes, name, sink as never));
    const { header, example } = findHeader(rows, name);
    return {
      profile: { ...base, format: 'csv', sheet: '', headerRow: 1, columns: guessColumns(header, example), example, otherSheets: [] },
      bytes: new TextEncoder().encode(header.join(',')), target: null,
    };
  }
  throw new AppError('TEMPLATE_NOT_SPREADSHEET', { file: name });
}

/** The merchant's choices over the guessed roles: by column position. */
export function applyChoices(profile: TemplateProfile, choices: { index: number; role: ColumnRole; value?: string }[] | undefined, multiItem?: 'rows' | 'join'): TemplateProfile {
  const columns = profile.columns.map((c) => ({ ...c }));
  const seen = new Set<number>();
  for (const ch of choices ?? []) {
    const c = columns.find((x) => x.index === ch.index);
    if (!c || seen.has(ch.index)) throw new AppError('TEMPLATE_COLUMN_INVALID', { file: profile.name, detail: String(ch.index + 1) });
    seen.add(ch.index);
    c.role = ch.role;
    if (ch.role === 'fixed' || ch.role === 'shipMethod') c.value = ch.value ?? c.value ?? '';
    else delete c.value;
  }
  if (!columns.some((c) => c.role === 'orderNo')) throw new AppError('TEMPLATE_NO_ORDER_COLUMN', { file: profile.name });
  return { ...profile, columns, multiItem: multiItem ?? profile.multiItem };
}

interface TemplateRow { name: string; format: string; sha256: string; bytes: Buffer; profile: string; set_at: string }

/** The shop's template (null: none given, the built-in layout applies). */
export function storedTemplate(db: Db, shopId: number): { profile: TemplateProfile; bytes: Uint8Array; target: XlsxTarget | null } | null {
  const r = db.prepare('SELECT name, format, sha256, bytes, profile, set_at FROM export_templates WHERE shop_id = ?').get(shopId) as TemplateRow | undefined;
  if (!r) return null;
  const p = JSON.parse(r.profile) as TemplateProfile & { target?: XlsxTarget | null };
  const { target = null, ...profile } = p;
  return { profile: { ...profile, setAt: r.set_at }, bytes: new Uint8Array(r.bytes), target };
}

export function templateProfile(db: Db, shopId: number): TemplateProfile {
  return storedTemplate(db, shopId)?.profile ?? builtInProfile();
}

export function setTemplate(db: Db, shopId: number, file: FilePayload, columns?: { index: number; role: ColumnRole; value?: string }[], multiItem?: 'rows' | 'join'): TemplateProfile {
  const read = readTemplateFile(file);
  const profile = applyChoices(read.profile, columns, multiItem);
  const at = toBeijingIso(nowMs());
  db.transaction(() => {
    db.prepare(`INSERT INTO export_templates (shop_id, name, format, sha256, bytes, profile, set_at) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(shop_id) DO UPDATE SET name = excluded.name, format = excluded.format, sha256 = excluded.sha256, bytes = excluded.bytes, profile = excluded.profile, set_at = excluded.set_at`)
      .run(shopId, file.name, profile.format, profile.sha256, Buffer.from(read.bytes), JSON.stringify({ ...profile, target: read.target }), at);
    appendLedger(db, { shopId, event: 'export.template', subject: `template:${profile.sha256.slice(0, 16)}`, detail: { name: file.name, columns: profile.columns.map((c) => [c.header, c.role]) } });
  }).immediate();
  return { ...profile, setAt: at };
}

export function clearTemplate(db: Db, shopId: number): TemplateProfile {
  db.transaction(() => {
    if (db.prepare('DELETE FROM export_templates WHERE shop_id = ?').run(shopId).changes) appendLedger(db, { shopId, event: 'export.template.clear', subject: `shop:${shopId}` });
  }).immediate();
  return builtInProfile();
}
