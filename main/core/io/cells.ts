import { toBeijingIso } from '../../../shared/rules/classify';
import type { Cell } from './table';

/**
 * Cell text as the merchant meant it: the export's trailing TAB (written to stop Excel turning
 * numbers into floats) and surrounding spaces removed; nothing else touched.
 */
export function cellText(c: Cell | undefined): string {
  if (c === undefined) return '';
  if (typeof c === 'number') return numberText(c);
  if (typeof c === 'boolean') return c ? 'TRUE' : 'FALSE';
  // Fast path: most cells have nothing to trim.
  const n = c.length;
  let a = 0;
  let b = n;
  while (a < b && isSpace(c.charCodeAt(a))) a++;
  while (b > a && isSpace(c.charCodeAt(b - 1))) b--;
  return a === 0 && b === n ? c : c.slice(a, b);
}

/**
 * A cell as the file holds it, for the raw record of a row: text untouched (the export's TAB,
 * spaces, CRs and all), a numeric XLSX cell as its number's text, a boolean as TRUE / FALSE.
 */
export function rawCellText(c: Cell | undefined): string {
  if (c === undefined) return '';
  if (typeof c === 'string') return c;
  return typeof c === 'number' ? numberText(c) : c ? 'TRUE' : 'FALSE';
}

/** What JavaScript's \s matches, plus nothing else: control characters other than these stay. */
function isSpace(code: number): boolean {
  return (code >= 9 && code <= 13) || code === 32 || code === 0x3000 || code === 0xa0 || code === 0xfeff || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x1680 || code === 0x85;
}

/** A numeric XLSX cell as text: integers as written, floats without binary noise (15 significant digits). */
export function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toString();
  return String(Number(n.toPrecision(15)));
}

export const ORDER_NO_RE = /^\d{6}-\d{15}$/;

/** Money text → fen. Accepts "168.99", "168.99\t", "1,234.50", "¥12", "－3.00"; null when not a number. */
export function parseCents(c: Cell | undefined): number | null {
  if (typeof c === 'number') return Math.round(c * 100);
  const s = cellText(c).replace(/[,，\s¥￥]/g, '').replace(/^[－−]/, '-');
  if (s === '') return null;
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[2] === '' && !m[3])) return null;
  const int = m[2] === '' ? 0 : Number(m[2]);
  const frac = (m[3] ?? '').padEnd(3, '0');
  let cents = int * 100 + Number(frac.slice(0, 2));
  if (Number(frac[2]) >= 5) cents += 1; // round half up on the third decimal
  return m[1] ? -cents : cents;
}

/** A count: "1", "1\t", "2.0"; null when empty or not a whole number. */
export function parseIntCell(c: Cell | undefined): number | null {
  if (typeof c === 'number') return Number.isInteger(c) ? c : null;
  const s = cellText(c).replace(/[,，]/g, '');
  if (!/^-?\d+(\.0+)?$/.test(s)) return null;
  return Number.parseInt(s, 10);
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * A time cell → ISO 8601 with +08:00, or null. Accepts the backend's `2026-06-20 10:21:37`,
 * an Excel re-save's `2026/6/6 13:41`, ISO text, and Excel date serials (a numeric cell, whose
 * wall-clock time is Beijing time).
 */
export function parseTime(c: Cell | undefined): string | null {
  if (typeof c === 'number') return serialToIso(c);
  const s = cellText(c);
  if (s === '') return null;
  // Fast path for the backend's own form, "2026-06-20 10:21:37" (most cells of a large export).
  if (s.length === 19 && s[4] === '-' && s[7] === '-' && s[10] === ' ' && s[13] === ':' && s[16] === ':') {
    const y = num4(s, 0), mo = num2(s, 5), d = num2(s, 8), h = num2(s, 11), mi = num2(s, 14), se = num2(s, 17);
    if (y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && se >= 0 && se <= 59) {
      const wall = Date.UTC(y, mo - 1, d, h, mi, se);
      if (new Date(wall).getUTCDate() !== d) return null;
      return `${s.slice(0, 10)}T${s.slice(11)}+08:00`;
    }
  }
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d+)?)?)?$/.exec(s);
  if (m) {
    const [y, mo, d, h, mi, se] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number);
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 59) return null;
    const wall = Date.UTC(y, mo - 1, d, h, mi, se);
    if (new Date(wall).getUTCDate() !== d) return null;
    return toBeijingIso(wall - 8 * 3_600_000);
  }
  if (/^\d{5}(\.\d+)?$/.test(s)) return serialToIso(Number(s));
  return null;
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
}
function num2(s: string, i: number): number {
  return digit(s, i) * 10 + digit(s, i + 1);
}
function num4(s: string, i: number): number {
  return num2(s, i) * 100 + num2(s, i + 2);
}

function serialToIso(serial: number): string | null {
  if (!(serial > 0 && serial < 2958466)) return null;
  const wall = Math.round((EXCEL_EPOCH_MS + serial * 86_400_000) / 1000) * 1000;
  return toBeijingIso(wall - 8 * 3_600_000);
}
