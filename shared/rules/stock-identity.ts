/**
 * The identity of a stock item for duplicate checks: the card number, code or login (whatever
 * the product's shape) in a normal form, so that look-alikes of one card — in lower case, without
 * its dashes, with spaces, with a zero-width space, in full-width digits — are one card. A false
 * "duplicate" only holds back a line the merchant can see; a missed one sells a card twice. The
 * stored secret stays exactly as given; only the comparison uses this form.
 *
 * The form: NFKC (full-width → half-width, compatibility letters), then format and control
 * characters removed (zero-width spaces and joiners, bidi marks, soft hyphen, C0/C1), case folded,
 * and every space and dash removed (ASCII -, the Unicode dash punctuation ‐ ‑ ‒ – — ―, the minus
 * sign −, the katakana prolonged-sound mark ー that IMEs type for a dash).
 */
export function identityKey(s: string): string {
  // Fast path: printable ASCII (the bulk of real stock) needs neither NFKC nor the Unicode classes.
  if (PRINTABLE_ASCII.test(s)) return s.replace(ASCII_DROP, '').toLowerCase();
  return s.normalize('NFKC').toLowerCase().replace(DROP, '');
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const ASCII_DROP = /[ -]/g;
/**
 * Format (Cf) and control (Cc) characters, separators and spaces (Z, \s), dashes (Pd), − and ー;
 * and the blanks that are letters or marks to Unicode but show nothing: the Hangul fillers (after
 * NFKC U+3164 and U+FFA0 are U+1160), the combining grapheme joiner, the braille blank, the
 * variation selectors.
 */
const DROP = /[\p{Cf}\p{Cc}\p{Z}\s\p{Pd}\u2212\u30FC\uFF70\u115F\u1160\u3164\uFFA0\u034F\u2800\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu;

/**
 * Characters no line of stock may carry: the buyer would receive something invisible or a
 * terminal escape. C0 controls except tab/CR/LF (those are whitespace, refused inside a secret as
 * spaces), DEL, C1, every format character (Cf: zero-width space/joiners, bidi marks and isolates,
 * word joiner, BOM, soft hyphen, interlinear annotation marks, the invisible tag characters
 * U+E0000–E007F), lone surrogates, and the blanks Unicode counts as letters (Hangul fillers,
 * combining grapheme joiner, braille blank).
 */
export const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\p{Cf}\p{Cs}\u115F\u1160\u3164\uFFA0\u034F\u2800]/u;

/**
 * What a card number, password, code or login must not hold besides (a remark may, as in 会员❤️):
 * variation selectors (invisible), private-use characters (no font shows them the same), and
 * U+FFFD, the mark of bytes that could not be decoded — the secret is not what the supplier sent.
 */
export const SECRET_ODD_CHARS = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}\p{Co}\uFFFD]/u;

export function hasControlChars(s: string): boolean {
  return CONTROL_CHARS.test(s);
}

export function hasOddSecretChars(s: string): boolean {
  return SECRET_ODD_CHARS.test(s);
}
