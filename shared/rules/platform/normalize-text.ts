/**
 * The normal forms the diversion check (./diversion) reads a merchant's text in, each with a map
 * from every UTF-16 unit back to the raw span it came from, so a hit is highlighted in what the
 * merchant typed.
 *
 * - `light`: per code point NFKC (full-width → ASCII, ① → 1, 𝐯 → v), invisible characters
 *   dropped (format Cf: zero-width spaces/joiners, BOM, soft hyphen, U+180E; marks Mn/Me:
 *   variation selectors, the keycap U+20E3, the combining grapheme joiner), ASCII lower-cased,
 *   other circled digits (❶ ➀ ⓵) as digits. Punctuation and spaces stay: e-mails and links are
 *   read here.
 * - `dense`: `light` with every separator removed (punctuation, symbols, spaces, emoji used as
 *   spacers; `+` and ➕ stay, they mean 加), Chinese numerals as digits, look-alikes folded
 *   (薇/徽 → 微, 伩 → 信, 威信/v信/vx/wx/weixin → 微信, 扣扣/企鹅 → qq). Words and numbers are
 *   read here: "微 . 信", "q_q", "幺三八 1234 5678" become 微信, qq, 13812345678.
 *
 * Chinese numerals are folded everywhere, not only inside digit runs: 一次 → 1次, 两个月 → 2个月.
 * That is harmless because every digit rule asks for a run of 5 or more digits with no digit on
 * either side, which ordinary words never make.
 *
 * Holes (variables, item values) become one HOLE character in both forms: not a separator, not a
 * digit, not a letter, so nothing matches across it.
 */

export const HOLE = '\u0001';

export interface NormalText {
  text: string;
  /** For each UTF-16 unit of `text`: the raw span [start, end) it came from. */
  start: number[];
  end: number[];
}

export interface NormalViews { light: NormalText; dense: NormalText }

/** Shows nothing: format characters and combining/enclosing marks (variation selectors, keycap). */
const INVISIBLE = /^[\p{Cf}\p{Mn}\p{Me}\p{Cc}]$/u;
/** Blanks that Unicode counts as letters: Hangul fillers, the braille blank. */
const BLANKS = new Set([0x115f, 0x1160, 0x3164, 0xffa0, 0x2800]);
/** What the dense form drops between characters. */
const SEPARATOR = /^[\p{P}\p{S}\p{Z}\s]$/u;

/** Circled digits NFKC leaves alone: ❶–❿, ➀–➉, ➊–➓, ⓵–⓾ are 1–10; ⓫–⓴ 11–20; ⓿ 0. */
function circledDigit(cp: number): string | null {
  if (cp >= 0x2776 && cp <= 0x277f) return String(cp - 0x2775);
  if (cp >= 0x2780 && cp <= 0x2789) return String(cp - 0x277f);
  if (cp >= 0x278a && cp <= 0x2793) return String(cp - 0x2789);
  if (cp >= 0x24f5 && cp <= 0x24fe) return String(cp - 0x24f4);
  if (cp >= 0x24eb && cp <= 0x24f4) return String(cp - 0x24e0);
  if (cp === 0x24ff) return '0';
  return null;
}

/** One character for one character, in the dense form (before separators are judged: ○ is a zero). */
const SINGLE: ReadonlyMap<string, string> = new Map(Object.entries({
  〇: '0', 零: '0', '○': '0',
  一: '1', 壹: '1', 幺: '1',
  二: '2', 贰: '2', 貳: '2', 两: '2', 俩: '2',
  三: '3', 叁: '3', 參: '3',
  四: '4', 肆: '4',
  五: '5', 伍: '5',
  六: '6', 陆: '6', 陸: '6',
  七: '7', 柒: '7',
  八: '8', 捌: '8',
  九: '9', 玖: '9',
  薇: '微', 徽: '微', 徾: '微', 溦: '微', 伩: '信',
  ν: 'v', ѵ: 'v', '➕': '+',
}));

/** Several characters for the canonical token, in the dense form (after separators are gone). */
const MULTI = /威信|围信|维信|危信|亻言|(?<![a-z])(?:v信|wei信|weixin|wechat|vx|wx(?!id))|微xin|扣扣|抠抠|蔻蔻|寇寇|叩叩|口口(?=\d)|企鹅/g;
function multiFor(m: string): string {
  if (m === '亻言') return '信';
  if (m.endsWith('信') || m.startsWith('w') || m.startsWith('v') || m === '微xin') return '微信';
  return 'qq';
}

/**
 * Both normal forms of `raw`; `holes` are raw spans [start, end) that are not the merchant's words.
 */
export function normalizeText(raw: string, holes: readonly (readonly [number, number])[] = []): NormalViews {
  const light = lightForm(raw, holes);
  return { light, dense: denseForm(light) };
}

/** The dense form of a word from a list (platforms, soft words), to match against dense text. */
export function normalizeWord(word: string): string {
  return denseForm(lightForm(word, [])).text;
}

function lightForm(raw: string, holes: readonly (readonly [number, number])[]): NormalText {
  const out: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const push = (s: string, a: number, b: number) => {
    for (let k = 0; k < s.length; k++) { out.push(s[k]); start.push(a); end.push(b); }
  };
  const sorted = holes.length > 1 ? [...holes].sort((x, y) => x[0] - y[0]) : holes;
  let h = 0;
  let i = 0;
  while (i < raw.length) {
    while (h < sorted.length && sorted[h][1] <= i) h++;
    if (h < sorted.length && sorted[h][0] <= i) {
      push(HOLE, i, sorted[h][1]);
      i = sorted[h][1];
      h++;
      continue;
    }
    const cp = raw.codePointAt(i)!;
    const n = cp > 0xffff ? 2 : 1;
    if (cp < 0x80) {
      if ((cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) || cp === 0x7f) extend(end, i + n);
      else push(cp >= 0x41 && cp <= 0x5a ? String.fromCharCode(cp + 32) : raw[i], i, i + n);
    } else if (cp >= 0x4e00 && cp <= 0x9fff) {
      push(raw[i], i, i + 1);
    } else {
      const ch = raw.slice(i, i + n);
      const circled = circledDigit(cp);
      if (circled) push(circled, i, i + n);
      else if (BLANKS.has(cp)) push(' ', i, i + n);
      else if (INVISIBLE.test(ch)) extend(end, i + n);
      else {
        for (const c of ch.normalize('NFKC')) {
          if (INVISIBLE.test(c)) continue;
          push(c.length === 1 && c >= 'A' && c <= 'Z' ? c.toLowerCase() : c, i, i + n);
        }
      }
    }
    i += n;
  }
  return { text: out.join(''), start, end };
}

/** An invisible character belongs to the one before it (the keycap after 1, the VS after ❤). */
function extend(end: number[], to: number): void {
  if (end.length) end[end.length - 1] = to;
}

function denseForm(light: NormalText): NormalText {
  const t = light.text;
  let out = '';
  const start: number[] = [];
  const end: number[] = [];
  for (let i = 0; i < t.length; i++) {
    let c = t[i];
    let n = 1;
    const code = c.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < t.length) { c = t.slice(i, i + 2); n = 2; }
    let keep: string | null;
    if (code < 0x80) {
      keep = (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || c === '+' || c === HOLE ? c : null;
    } else {
      keep = SINGLE.get(c) ?? (SEPARATOR.test(c) ? null : c);
    }
    if (keep !== null) {
      for (let k = 0; k < keep.length; k++) { start.push(light.start[i]); end.push(light.end[i + n - 1]); }
      out += keep;
    }
    i += n - 1;
  }
  if (out.search(MULTI) < 0) return { text: out, start, end };
  // Fold the look-alike words; each token maps to the whole raw span it replaced.
  let text = '';
  const s2: number[] = [];
  const e2: number[] = [];
  let last = 0;
  const copy = (a: number, b: number) => {
    text += out.slice(a, b);
    for (let k = a; k < b; k++) { s2.push(start[k]); e2.push(end[k]); }
  };
  for (const m of out.matchAll(MULTI)) {
    copy(last, m.index);
    const rep = multiFor(m[0]);
    const a = start[m.index];
    const b = end[m.index + m[0].length - 1];
    for (let k = 0; k < rep.length; k++) { s2.push(a); e2.push(b); }
    text += rep;
    last = m.index + m[0].length;
  }
  copy(last, out.length);
  return { text, start: s2, end: e2 };
}
