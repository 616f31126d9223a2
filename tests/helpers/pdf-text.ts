import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF as Chromium (Skia) writes it: classic objects, Flate streams, fonts with
 * ToUnicode maps (Type 0 and the Type 3 fonts Skia makes of CFF fonts such as Noto CJK). Enough
 * to check what a delivery record's PDF says; not a general PDF reader. Pages are joined by a
 * form feed, text objects (BT…ET) by a newline.
 */

interface Obj { dict: string; stream: Buffer | null }

function objects(pdf: Buffer): Map<number, Obj> {
  const s = pdf.toString('latin1');
  const out = new Map<number, Obj>();
  const re = /(\d+) 0 obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const start = m.index + m[0].length;
    const end = s.indexOf('endobj', start);
    if (end < 0) break;
    const body = s.slice(start, end);
    const at = body.search(/\bstream\r?\n/);
    let dict = body;
    let stream: Buffer | null = null;
    if (at >= 0) {
      dict = body.slice(0, at);
      const from = start + at + body.slice(at).match(/^stream\r?\n/)![0].length;
      const lenM = /\/Length (\d+)(?! 0 R)/.exec(dict);
      const to = lenM ? from + Number(lenM[1]) : s.lastIndexOf('endstream', end);
      let raw = pdf.subarray(from, to);
      if (/\/FlateDecode/.test(dict)) {
        try { raw = inflateSync(raw); } catch { /* leave as is */ }
      }
      stream = raw;
    }
    out.set(Number(m[1]), { dict, stream });
    re.lastIndex = end;
  }
  return out;
}

const ref = (text: string, key: string): number | null => {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(text);
  return m ? Number(m[1]) : null;
};

/** The body of a `<< … >>` dictionary value of `key` (resolved through a reference), nesting respected. */
function subDict(objs: Map<number, Obj>, text: string, key: string): string | null {
  const r = new RegExp(`/${key}\\s*(<<|(\\d+) 0 R)`).exec(text);
  if (!r) return null;
  if (r[2]) return objs.get(Number(r[2]))?.dict ?? null;
  let depth = 0;
  const from = r.index + r[0].length - 2;
  for (let i = from; i < text.length - 1; i++) {
    if (text.startsWith('<<', i)) { depth++; i++; } else if (text.startsWith('>>', i)) { depth--; i++; if (depth === 0) return text.slice(from, i + 1); }
  }
  return null;
}

interface CMap { bytes: number; map: Map<number, string> }

const hexText = (h: string): string => {
  let out = '';
  for (let i = 0; i + 4 <= h.length; i += 4) out += String.fromCharCode(parseInt(h.slice(i, i + 4), 16));
  return out;
};

function parseCMap(text: string): CMap {
  const map = new Map<number, string>();
  let bytes = 1;
  const cs = /begincodespacerange\s*<([0-9a-fA-F]+)>/.exec(text);
  if (cs) bytes = cs[1].length / 2;
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const p of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) map.set(parseInt(p[1], 16), hexText(p[2]));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const p of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<([0-9a-fA-F]+)>|\[([^\]]*)\])/g)) {
      const lo = parseInt(p[1], 16);
      const hi = parseInt(p[2], 16);
      if (p[4] !== undefined) {
        const base = hexText(p[4]);
        for (let c = lo; c <= hi; c++) map.set(c, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + (c - lo)));
      } else {
        const list = [...p[5].matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => hexText(x[1]));
        for (let c = lo; c <= hi; c++) map.set(c, list[c - lo] ?? '');
      }
    }
  }
  return { bytes, map };
}

function literalBytes(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\') { out.push(c.charCodeAt(0)); continue; }
    const n = s[++i];
    const esc: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
    if (n in esc) out.push(esc[n]);
    else if (/[0-7]/.test(n)) {
      let oct = n;
      while (oct.length < 3 && /[0-7]/.test(s[i + 1] ?? '')) oct += s[++i];
      out.push(parseInt(oct, 8) & 255);
    }
  }
  return out;
}

function decode(bytes: number[], cmap: CMap | undefined): string {
  if (!cmap) return String.fromCharCode(...bytes);
  let out = '';
  for (let i = 0; i + cmap.bytes <= bytes.length; i += cmap.bytes) {
    let code = 0;
    for (let k = 0; k < cmap.bytes; k++) code = code * 256 + bytes[i + k];
    out += cmap.map.get(code) ?? '';
  }
  return out;
}

function pageText(content: string, fonts: Map<string, CMap>): string {
  let out = '';
  let font: CMap | undefined;
  // Tokens: names, literal strings (balanced parentheses), hex strings, arrays' brackets, operators.
  const re = /\/([^\s/<>[\]()]+)|\(((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*)\)|<([0-9a-fA-F\s]*)>|(\[)|(\])|([A-Za-z'"*]+)|(-?[\d.]+)/g;
  let lastName = '';
  let pending: number[][] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(content))) {
    if (m[1] !== undefined) lastName = m[1];
    else if (m[2] !== undefined) pending.push(literalBytes(m[2]));
    else if (m[3] !== undefined) {
      const h = m[3].replace(/\s/g, '');
      const b: number[] = [];
      for (let i = 0; i + 2 <= h.length; i += 2) b.push(parseInt(h.slice(i, i + 2), 16));
      pending.push(b);
    } else if (m[6] !== undefined) {
      const op = m[6];
      if (op === 'Tf') font = fonts.get(lastName);
      else if (op === 'Tj' || op === 'TJ' || op === "'" || op === '"') out += pending.map((b) => decode(b, font)).join('');
      else if (op === 'ET') out += '\n';
      if (op !== 'Tf') pending = op === 'TJ' || op === 'Tj' || op === "'" || op === '"' || op === 'BT' || op === 'ET' ? [] : pending;
    }
  }
  return out;
}

/** The text of every page, in page order as the objects hold them. */
export function pdfText(pdf: Uint8Array): string {
  const objs = objects(Buffer.from(pdf));
  const cmaps = new Map<number, CMap>();
  const pages: string[] = [];
  for (const [, o] of objs) {
    if (!/\/Type\s*\/Page\b(?!s)/.test(o.dict)) continue;
    const res = subDict(objs, o.dict, 'Resources') ?? '';
    const fontDict = subDict(objs, res, 'Font') ?? '';
    const fonts = new Map<string, CMap>();
    for (const f of fontDict.matchAll(/\/([^\s/<>]+)\s+(\d+) 0 R/g)) {
      const fontObj = objs.get(Number(f[2]));
      const tu = fontObj ? ref(fontObj.dict, 'ToUnicode') : null;
      if (tu === null) continue;
      if (!cmaps.has(tu)) cmaps.set(tu, parseCMap(objs.get(tu)?.stream?.toString('latin1') ?? ''));
      fonts.set(f[1], cmaps.get(tu)!);
    }
    const contents = /\/Contents\s*\[([^\]]*)\]/.exec(o.dict)?.[1] ?? /\/Contents\s+(\d+ 0 R)/.exec(o.dict)?.[1] ?? '';
    const text = [...contents.matchAll(/(\d+) 0 R/g)].map((c) => objs.get(Number(c[1]))?.stream?.toString('latin1') ?? '').join('\n');
    pages.push(pageText(text, fonts));
  }
  return pages.join('\f');
}

/** How many pages the PDF has (its page objects). */
export const pdfPageCount = (pdf: Uint8Array): number => (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
