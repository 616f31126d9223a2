/**
 * The one CSV writer for every file VShip hands to the merchant (messages now; shipment files and
 * other exports next): UTF-8 with a BOM so Excel reads the Chinese, CRLF lines, every cell quoted
 * so order numbers stay text (header names bare unless they need quotes).
 *
 * Formula rule (OWASP "CSV injection"): a text cell that begins with `=`, `+`, `-`, `@`, a tab or
 * a carriage return would be run by Excel/WPS as a formula (a buyer's 充值号码 of
 * `=HYPERLINK(…)` lands at the start of a delivery message), so it is written with a leading `'`
 * — Excel shows the text as typed. Only text is guarded: a number passed as a number (an amount
 * such as -3.00) is written as it is. Order numbers (`260620-…`) begin with a digit and are untouched.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell's text as a spreadsheet will not evaluate it. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One cell, quoted; text guarded against formulas; null/undefined empty. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '""';
  const text = typeof value === 'number' ? String(value) : neutraliseFormula(value);
  return `"${text.replace(/"/g, '""')}"`;
}

/** A header name: bare when it needs no quotes (as the files VShip wrote before), else as a cell. */
const headerCell = (name: string) => (/[",\r\n]/.test(name) || FORMULA_START.test(name) ? csvCell(name) : name);

/** A whole CSV file: header row then data rows, as bytes Excel opens correctly. */
export function csvFile(header: readonly string[], rows: Iterable<readonly (string | number | null | undefined)[]>): Uint8Array {
  const lines = [header.map(headerCell).join(',')];
  for (const r of rows) lines.push(r.map(csvCell).join(','));
  return new TextEncoder().encode('\uFEFF' + lines.join('\r\n') + '\r\n');
}
