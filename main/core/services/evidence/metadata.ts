import exifr from 'exifr';
import { inflateSync } from 'node:zlib';
import type { CapturedFrom, EvidenceMime } from '../../../../shared/domain';
import { toBeijingIso } from '../../../../shared/rules/classify';

/**
 * What a file says about itself: when it was captured and the texts it carries (where a tool or
 * the merchant wrote an order or recharge number). Metadata is optional: a damaged or bare file
 * gives nothing, never an error.
 */
export interface EvidenceMeta {
  /** Beijing ISO (+08:00), or null. */
  capturedAt: string | null;
  capturedFrom: CapturedFrom | null;
  /** Comment / description texts (PNG tEXt/iTXt/zTXt, EXIF ImageDescription/UserComment/XPComment, XMP dc:description). */
  texts: string[];
}

/** PNG text keywords whose values may name an order (the spec's own, and what tools write). */
const PNG_TEXT_KEYS = new Set(['comment', 'description', 'title', 'subject']);
const XMP_KEY = 'XML:com.adobe.xmp';
/** A text chunk larger than this (after inflating) is not read: nobody names an order in a megabyte. */
const MAX_TEXT = 64 * 1024;

export async function readEvidenceMeta(bytes: Uint8Array, mime: EvidenceMime, modifiedAt?: number): Promise<EvidenceMeta> {
  let found: { at: string | null; texts: string[]; from: CapturedFrom } = { at: null, texts: [], from: 'png' };
  try {
    if (mime === 'image/png') found = { ...pngMeta(bytes), from: 'png' };
    else if (mime === 'image/jpeg') found = { ...(await exifMeta(bytes)), from: 'exif' };
  } catch {
    // A damaged file keeps whatever was read before the damage; metadata is never required.
  }
  const texts = [...new Set(found.texts.map((t) => t.trim()).filter(Boolean))];
  if (found.at) return { capturedAt: found.at, capturedFrom: found.from, texts };
  if (modifiedAt !== undefined && modifiedAt > 0) return { capturedAt: toBeijingIso(modifiedAt), capturedFrom: 'file', texts };
  return { capturedAt: null, capturedFrom: null, texts };
}

const BEIJING = '+08:00';

/**
 * `2026:11:28 15:30:12` (EXIF), `2026-11-28T15:30:12`, with or without a zone; a time without a
 * zone is Beijing wall-clock time (phones and PCs in China write local time). RFC 1123 dates
 * (`Sat, 28 Nov 2026 07:30:12 GMT`, as some PNG writers put in Creation Time) too. Null when
 * unreadable or absurd (`0000:00:00 00:00:00`, before 1990).
 */
export function parseMetaTime(raw: string, zone?: string): string | null {
  const s = raw.trim();
  const m = /^(\d{4})[:\-/.](\d{1,2})[:\-/.](\d{1,2})[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(s);
  let ms: number;
  if (m) {
    const [, y, mo, d, h, mi, sec, z] = m;
    const tz = (z ?? zone ?? BEIJING).replace(/^([+-]\d{2})(\d{2})$/, '$1:$2').toUpperCase();
    const iso = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}T${h!.padStart(2, '0')}:${mi}:${sec ?? '00'}${tz}`;
    ms = Date.parse(iso);
    if (!Number.isFinite(ms)) return null;
    // Date.parse rolls 2026-02-30 over; a field out of range is not a time.
    if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31 || Number(h) > 23) return null;
  } else if (/[a-z]{3},?\s+\d{1,2}\s+[a-z]{3}\s+\d{4}/i.test(s)) {
    ms = Date.parse(s);
  } else return null;
  if (!Number.isFinite(ms) || ms < Date.UTC(1990, 0, 1)) return null;
  return toBeijingIso(ms);
}

/** The chunks of a PNG up to IEND or as far as the bytes go (a truncated file keeps its first chunks). */
function pngMeta(b: Uint8Array): { at: string | null; texts: string[] } {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const latin1 = (from: number, to: number) => Buffer.from(b.subarray(from, to)).toString('latin1');
  const texts: string[] = [];
  let creation: string | null = null;
  let time: string | null = null;
  for (let p = 8; p + 8 <= b.length;) {
    const len = v.getUint32(p);
    const type = latin1(p + 4, p + 8);
    const start = p + 8;
    const end = start + len;
    if (type === 'IEND' || end > b.length) break;
    if (type === 'tIME' && len === 7) {
      const t = new Date(Date.UTC(v.getUint16(start), b[start + 2]! - 1, b[start + 3], b[start + 4], b[start + 5], b[start + 6]));
      time = Number.isFinite(t.getTime()) ? parseMetaTime(t.toISOString()) : null;
    } else if (type === 'tEXt' || type === 'zTXt' || type === 'iTXt') {
      const t = pngText(type, b.subarray(start, end));
      if (t) {
        const key = t.key.toLowerCase();
        if (key === 'creation time') creation ??= parseMetaTime(t.text);
        else if (t.key === XMP_KEY) texts.push(...xmpDescriptions(t.text));
        else if (PNG_TEXT_KEYS.has(key)) texts.push(t.text);
      }
    }
    p = end + 4;
  }
  // Creation Time is when the picture was taken; tIME is its last change (an editor's save).
  return { at: creation ?? time, texts };
}

function pngText(type: string, d: Uint8Array): { key: string; text: string } | null {
  const nul = d.indexOf(0);
  if (nul < 1) return null;
  const key = Buffer.from(d.subarray(0, nul)).toString('latin1');
  const inflate = (x: Uint8Array) => inflateSync(x, { maxOutputLength: MAX_TEXT });
  if (type === 'tEXt') return { key, text: Buffer.from(d.subarray(nul + 1, nul + 1 + MAX_TEXT)).toString('latin1') };
  if (type === 'zTXt') return { key, text: inflate(d.subarray(nul + 2)).toString('latin1') };
  // iTXt: keyword, compression flag and method, language tag, translated keyword, UTF-8 text.
  const compressed = d[nul + 1] === 1;
  const lang = d.indexOf(0, nul + 3);
  const translated = lang < 0 ? -1 : d.indexOf(0, lang + 1);
  if (translated < 0) return null;
  const body = d.subarray(translated + 1);
  return { key, text: (compressed ? inflate(body) : Buffer.from(body.subarray(0, MAX_TEXT))).toString('utf8') };
}

/** The dc:description (and dc:title) texts of an XMP packet. */
function xmpDescriptions(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<dc:(?:description|title)\b[^>]*>([\s\S]*?)<\/dc:(?:description|title)>/g)) {
    const inner = m[1]!;
    const items = [...inner.matchAll(/<rdf:li\b[^>]*>([\s\S]*?)<\/rdf:li>/g)].map((x) => x[1]!);
    out.push(...(items.length ? items : [inner]).map(xmlText));
  }
  for (const m of xml.matchAll(/\bdc:description="([^"]*)"/g)) out.push(xmlText(m[1]!));
  return out;
}

const xmlText = (s: string) => s.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** EXIF (IFD0 + EXIF IFD) and XMP of a JPEG, through exifr with values left raw. */
async function exifMeta(b: Uint8Array): Promise<{ at: string | null; texts: string[] }> {
  const r = (await exifr.parse(b, { tiff: true, exif: true, xmp: true, ifd1: false, gps: false, interop: false, userComment: true, reviveValues: false, translateValues: false, mergeOutput: true } as never)) as Record<string, unknown> | undefined;
  if (!r) return { at: null, texts: [] };
  const str = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : undefined);
  const zone = str('OffsetTimeOriginal') ?? str('OffsetTime');
  const raw = str('DateTimeOriginal') ?? str('CreateDate');
  const texts: string[] = [];
  const desc = r.ImageDescription ?? r.description;
  for (const d of Array.isArray(desc) ? desc : [desc]) {
    if (typeof d === 'string') texts.push(d);
    else if (d && typeof d === 'object' && typeof (d as { value?: unknown }).value === 'string') texts.push((d as { value: string }).value);
  }
  const uc = r.UserComment ?? r.userComment;
  if (uc instanceof Uint8Array) texts.push(userComment(uc));
  else if (typeof uc === 'string') texts.push(uc);
  for (const k of ['XPComment', 'XPSubject', 'XPTitle']) {
    const x = r[k];
    if (x instanceof Uint8Array) texts.push(Buffer.from(x).toString('utf16le').replace(/\0+$/, ''));
    else if (typeof x === 'string') texts.push(x);
  }
  return { at: raw ? parseMetaTime(raw, zone && /^[+-]\d{2}:\d{2}$/.test(zone) ? zone : undefined) : null, texts: texts.map((t) => t.replace(/\0/g, '')) };
}

/** EXIF UserComment: an 8-byte charset (ASCII, UNICODE = UCS-2 of either byte order, JIS, undefined) then the text. */
function userComment(b: Uint8Array): string {
  const head = Buffer.from(b.subarray(0, 8)).toString('latin1');
  const body = Buffer.from(b.subarray(8));
  if (head.startsWith('UNICODE')) {
    const units = Buffer.from(body.subarray(0, body.length & ~1));
    // The byte order is the TIFF's, which exifr does not hand back: ASCII digits tell (00 31 or 31 00).
    let even = 0, odd = 0;
    for (let i = 0; i + 1 < units.length; i += 2) { if (units[i] === 0) even++; if (units[i + 1] === 0) odd++; }
    return (even > odd ? units.swap16() : units).toString('utf16le');
  }
  return body.toString('utf8');
}
