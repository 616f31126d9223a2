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

/** A CSV being written row by row (the same interface as an xlsx sheet's, write-xlsx.ts). */
export function csvWriter(header: readonly string[]): { add(cells: readonly (string | number | null | undefined)[]): void; readonly rows: number; finish(): Uint8Array } {
  const chunks: Buffer[] = [];
  let pending = '\uFEFF' + header.map(headerCell).join(',') + '\r\n';
  let rows = 0;
  return {
    get rows() { return rows; },
    add(cells) {
      rows++;
      pending += cells.map(csvCell).join(',') + '\r\n';
      if (pending.length > 1 << 20) { chunks.push(Buffer.from(pending, 'utf8')); pending = ''; }
    },
    finish() {
      const out = Buffer.concat([...chunks, Buffer.from(pending, 'utf8')]);
      chunks.length = 0;
      pending = '';
      return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
    },
  };
}

/** A whole CSV file: header row then data rows, as bytes Excel opens correctly. */
export function csvFile(header: readonly string[], rows: Iterable<readonly (string | number | null | undefined)[]>): Uint8Array {
  const w = csvWriter(header);
  for (const r of rows) w.add(r);
  return w.finish();
}
