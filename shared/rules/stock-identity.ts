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
/** Format (Cf) and control (Cc) characters, separators and spaces (Z, \s), dashes (Pd), − and ー. */
const DROP = /[\p{Cf}\p{Cc}\p{Z}\s\p{Pd}\u2212\u30FC\uFF70]/gu;

/**
 * Characters a secret must not carry: the buyer would receive something invisible or a terminal
 * escape. C0 controls except tab/CR/LF (those are whitespace, refused inside a secret as spaces),
 * DEL, C1, and the invisible format characters (zero-width space/joiners, bidi marks and
 * isolates, word joiner, BOM, soft hyphen, interlinear annotation marks).
 */
export const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB]/;

export function hasControlChars(s: string): boolean {
  return CONTROL_CHARS.test(s);
}
