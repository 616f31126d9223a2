import { isUtf8 } from 'node:buffer';
import { AppError } from '../../../shared/errors';

/**
 * Text encoding of a CSV as PDD exports and Excel/WPS re-saves write it: UTF-8 (with or without
 * BOM) or GB18030 (a superset of GBK). Detected by decoding, never assumed from the name:
 * bytes that are valid UTF-8 are UTF-8; anything else is read as GB18030.
 */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

export function detectEncoding(bytes: Uint8Array): TextEncoding {
  return decodeAuto(bytes).encoding;
}

/** Detects and decodes in one pass (the strict UTF-8 attempt is the decode when it succeeds). */
export function decodeAuto(bytes: Uint8Array): { encoding: TextEncoding; text: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8-bom', text: new TextDecoder('utf-8').decode(bytes.subarray(3)) };
  }
  try {
    return { encoding: 'utf-8', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { encoding: 'gb18030', text: new TextDecoder('gb18030').decode(bytes) };
  }
}

export interface DecodedText {
  encoding: TextEncoding;
  text: string;
  /** The bytes end inside a character: the file was cut off. */
  cutAtEnd: boolean;
}

/**
 * Like decodeAuto, but refuses a file that is neither UTF-8 nor GBK throughout (MIXED_ENCODING,
 * naming the rows that disagree): read wholly as GB18030, the UTF-8 part of two exports pasted
 * together turns to plausible-looking mojibake. Tells a file whose last character is cut off.
 */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  const { encoding, body, cutAtEnd } = chooseEncoding(bytes, file);
  if (encoding !== 'gb18030') return { encoding, text: new TextDecoder('utf-8').decode(body), cutAtEnd };
  const text = new TextDecoder('gb18030').decode(body);
  // GB18030 decodes every complete sequence; a lone lead byte at the very end is a cut character.
  return { encoding, text, cutAtEnd: text.endsWith('\uFFFD') && body[body.length - 1] >= 0x81 };
}

/** A CSV's encoding, chosen from its bytes without decoding them: the body after any BOM, and whether its last character is cut off. */
export interface ChosenEncoding {
  encoding: TextEncoding;
  body: Uint8Array;
  /** UTF-8 with a cut last character (the decoder's own end tells a GB18030 one). */
  cutAtEnd: boolean;
}

/**
 * decodeText's decision, for a reader that decodes in pieces: valid UTF-8 (checked natively, no
 * string made) is UTF-8; otherwise the rows decide as in decodeText (MIXED_ENCODING refused).
 */
export function chooseEncoding(bytes: Uint8Array, file: string): ChosenEncoding {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const utf8: TextEncoding = bom ? 'utf-8-bom' : 'utf-8';
  if (isUtf8(body)) return { encoding: utf8, body, cutAtEnd: false };
  const s = scanRows(body);
  if (s.utf8.rows === 0) return { encoding: 'gb18030', body, cutAtEnd: false };
  if (s.other.rows === 0) return { encoding: utf8, body, cutAtEnd: s.cutAtEnd };
  const odd = s.other.rows <= s.utf8.rows ? s.other : s.utf8;
  throw new AppError('MIXED_ENCODING', { file, row: odd.first, notes: [{ key: 'MIXED_ROWS', params: { first: odd.first, last: odd.last } }] });
}

interface RowClass { rows: number; first: number; last: number }

/**
 * Classifies each row (quoted line breaks do not end one, as in the CSV): "utf8" when its bytes
 * beyond ASCII are all valid UTF-8, at least two characters of it; "other" when any is not.
 * UTF-8 Chinese read as GBK looks plausible, GBK read as UTF-8 fails at once, and GBK text almost
 * never forms two valid UTF-8 sequences without an invalid one in the same row — so a file with
 * rows of both kinds holds two encodings. Row numbers are 1-based, as Excel shows them.
 */
export function scanRows(b: Uint8Array): { utf8: RowClass; other: RowClass; cutAtEnd: boolean } {
  const utf8: RowClass = { rows: 0, first: 0, last: 0 };
  const other: RowClass = { rows: 0, first: 0, last: 0 };
  let row = 1;
  let quoted = false;
  let seqs = 0; // valid multi-byte sequences in this row
  let invalid = false;
  let need = 0; // continuation bytes still expected
  let lo = 0x80; // range of the next continuation byte (narrower after E0, ED, F0, F4)
  let hi = 0xbf;
  // A file with no LF at all ends its lines with CR alone (as old Mac Excel saves).
  const lineEnd = b.indexOf(0x0a) < 0 ? 0x0d : 0x0a;
  const endRow = (): void => {
    const c = invalid ? other : seqs >= 2 ? utf8 : null;
    if (c) {
      if (c.rows++ === 0) c.first = row;
      c.last = row;
    }
    seqs = 0;
    invalid = false;
  };
  for (let i = 0; i < b.length; i++) {
    const x = b[i];
    if (need > 0) {
      if (x >= lo && x <= hi) {
        lo = 0x80;
        hi = 0xbf;
        if (--need === 0) seqs++;
        continue;
      }
      invalid = true;
      need = 0;
      lo = 0x80;
      hi = 0xbf;
      // fall through: the byte starts something new
    }
    if (x < 0x80) {
      if (x === 0x22) quoted = !quoted;
      else if (x === lineEnd && !quoted) {
        endRow();
        row++;
      }
    } else if (x >= 0xc2 && x <= 0xdf) need = 1;
    else if (x >= 0xe0 && x <= 0xef) {
      need = 2;
      if (x === 0xe0) lo = 0xa0;
      else if (x === 0xed) hi = 0x9f;
    } else if (x >= 0xf0 && x <= 0xf4) {
      need = 3;
      if (x === 0xf0) lo = 0x90;
      else if (x === 0xf4) hi = 0x8f;
    } else invalid = true;
  }
  const cutAtEnd = need > 0;
  endRow();
  return { utf8, other, cutAtEnd };
}
