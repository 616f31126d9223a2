import type { EvidenceMime } from '../../../../shared/domain';

/**
 * An evidence file's type, read from its first bytes (never its name: a `.png` that is a zip or a
 * renamed `.exe` is refused, a JPEG named `.png` is a JPEG). Null for anything not an image VShip
 * shows or a PDF.
 */
export function sniffMime(b: Uint8Array): EvidenceMime | null {
  const at = (i: number, ...xs: number[]) => xs.every((x, k) => b[i + k] === x);
  const ascii = (i: number, s: string) => at(i, ...Array.from(s, (c) => c.charCodeAt(0)));
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'image/gif';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  if (ascii(0, '%PDF-')) return 'application/pdf';
  // `BM` alone starts many texts: a bitmap also names a known DIB header size at byte 14.
  if (ascii(0, 'BM') && b.length >= 18) {
    const dib = b[14]! | (b[15]! << 8) | (b[16]! << 16) | (b[17]! << 24);
    if ([12, 40, 52, 56, 64, 108, 124].includes(dib)) return 'image/bmp';
  }
  return null;
}
