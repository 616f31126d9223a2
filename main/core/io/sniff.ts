/** What a file's first bytes say it is, whatever its name claims. */
export type Sniffed = 'zip' | 'cfb' | 'text' | 'binary' | 'empty';

const ZIP = [0x50, 0x4b];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes.byteLength === 0) return 'empty';
  if (startsWith(bytes, ZIP) && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7)) return 'zip';
  if (startsWith(bytes, CFB)) return 'cfb';
  return looksBinary(bytes) ? 'binary' : 'text';
}

function startsWith(b: Uint8Array, magic: number[]): boolean {
  if (b.byteLength < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (b[i] !== magic[i]) return false;
  return true;
}

/** NUL bytes and other control characters (not tab, LF, CR, FF) among a file's first 8 KB. */
export function controlBytes(b: Uint8Array): { scanned: number; nul: number; control: number } {
  const scanned = Math.min(b.byteLength, 8192);
  let nul = 0;
  let control = 0;
  for (let i = 0; i < scanned; i++) {
    const c = b[i];
    if (c === 0) nul++;
    else if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) control++;
  }
  return { scanned, nul, control };
}

/** NUL bytes or many control characters in the first 8 KB: not a text file (UTF-16 is not an export encoding). */
function looksBinary(b: Uint8Array): boolean {
  const { scanned, nul, control } = controlBytes(b);
  return nul > 0 || control > scanned * 0.05;
}

/**
 * A compound (OLE/CFB) file is either a legacy .xls or an encrypted .xlsx: Excel wraps a
 * password-protected workbook in CFB with an "EncryptedPackage" stream. Directory names are UTF-16LE.
 */
export function cfbKind(bytes: Uint8Array): 'encrypted-xlsx' | 'legacy-xls' {
  const needle = utf16le('EncryptedPackage');
  return indexOf(bytes, needle) >= 0 ? 'encrypted-xlsx' : 'legacy-xls';
}

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) out[i * 2] = s.charCodeAt(i);
  return out;
}

function indexOf(hay: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    if (hay[i] !== needle[0]) continue;
    for (let j = 1; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
