/**
 * ECMA-376 Part 1 §22.9.2.19, ST_Xstring: the text of a shared or inline string (and of a cached
 * formula string) may hold `_xHHHH_`, HHHH one UTF-16 code unit in hex, for a character XML 1.0
 * cannot carry or would not keep: Excel writes a control character as `_x0001_` …, and a carriage
 * return as `_x000D_` (an XML parser turns a literal CR into LF). A literal `_xHHHH_` in the text
 * has its leading underscore escaped as `_x005F_`, so `_x005F_x000D_` is the text `_x000D_`.
 *
 * The standard says "hexadecimal character", so both cases are read (Excel writes upper case,
 * Office's notes write `_x005f_`). A character beyond the BMP is two escapes, one per surrogate
 * (`_xD83D__xDE00_`). Anything else is text: `_x00`, `_x00G0_`, `_x0041` stay as they are.
 * Decode one `<t>` at a time: an escape never spans two runs of rich text.
 */
const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function decodeXstring(s: string): string {
  // Fast path: nearly every cell of a real export holds no escape.
  if (s.indexOf('_x') < 0) return s;
  return s.replace(ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
