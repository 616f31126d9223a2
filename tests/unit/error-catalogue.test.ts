import { describe, expect, it } from 'vitest';
import en from '../../renderer/src/i18n/en.json';
import zhCN from '../../renderer/src/i18n/zh-CN.json';
import { IMPORT_WARNINGS, LEFT_OUT_REASONS, SHIP_NOTES, STOCK_REJECT_REASONS } from '../../shared/domain';
import { ERROR_CODES, ERROR_NOTES, formatErrorMessage } from '../../shared/errors';
import { RULES } from '../../shared/rules/platform/catalogue';
import { SUGGEST_REASONS } from '../../shared/rules/suggest';

const CJK = /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/;
/** English text may quote what the merchant sees in Chinese (a column header such as “订单号”). */
const unquoted = (s: string) => s.replace(/“[^”]*”/g, '');
const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const zh = zhCN as Record<string, string>;
const english = en as Record<string, string>;

describe('the UI catalogue translates every error by its code', () => {
  it('has every error code, in Chinese as the core says it and in English without Chinese', () => {
    for (const [code, text] of Object.entries(ERROR_CODES)) {
      expect(zh[`errors.${code}`], code).toBe(text);
      expect(english[`errors.${code}`], code).toMatch(/\S/);
      expect(unquoted(english[`errors.${code}`]), code).not.toMatch(CJK);
    }
  });

  it('has every stock-import reject code, with the same parameters in both languages', () => {
    for (const [code, text] of Object.entries(STOCK_REJECT_REASONS)) {
      expect(zh[`stock.reject.${code}`], code).toBe(text);
      const e = english[`stock.reject.${code}`];
      expect(e, code).toMatch(/\S/);
      expect(e, code).not.toMatch(CJK);
      expect(params(e), code).toEqual(params(text));
    }
  });

  it('has every note on an exported order, Chinese as the core says it, the same parameters in English', () => {
    for (const [code, text] of Object.entries(SHIP_NOTES)) {
      expect(zh[`export.note.${code}`], code).toBe(text);
      const e = english[`export.note.${code}`];
      expect(e, code).toMatch(/\S/);
      expect(e, code).not.toMatch(CJK);
      expect(params(e), code).toEqual(params(text));
    }
    for (const code of Object.keys(LEFT_OUT_REASONS)) expect(Object.keys(zh).some((k) => k.startsWith('export.') && k.endsWith(code)), code).toBe(true);
  });

  it('has every note the core adds to an error, with the same parameters in both languages', () => {
    for (const [key, text] of Object.entries(ERROR_NOTES)) {
      expect(zh[`errors.note.${key}`], key).toBe(text);
      const e = english[`errors.note.${key}`];
      expect(e, key).toMatch(/\S/);
      expect(unquoted(e), key).not.toMatch(CJK);
      expect(params(e), key).toEqual(params(text));
    }
  });

  it('has every import warning, with its {count} in both languages', () => {
    for (const [code, text] of Object.entries(IMPORT_WARNINGS)) {
      expect(zh[`import.warning.${code}`], code).toBe(text);
      const e = english[`import.warning.${code}`];
      expect(e, code).toMatch(/\S/);
      expect(unquoted(e), code).not.toMatch(CJK);
      expect(params(e), code).toEqual(params(text));
    }
  });

  it('has every reason of a product suggestion, with the same parameters in both languages', () => {
    for (const [code, text] of Object.entries(SUGGEST_REASONS)) {
      expect(zh[`suggest.${code}`], code).toBe(text);
      const e = english[`suggest.${code}`];
      expect(e, code).toMatch(/\S/);
      expect(unquoted(e), code).not.toMatch(CJK);
      expect(params(e), code).toEqual(params(text));
    }
    expect(Object.keys(zh).filter((k) => k.startsWith('suggest.')).sort()).toEqual(Object.keys(SUGGEST_REASONS).map((c) => `suggest.${c}`).sort());
  });

  it('says a note in Chinese in the core message, a referenced reject code included', () => {
    expect(formatErrorMessage('ROW_TOO_LONG', { file: 'a.csv', row: 3, columnNo: 28, notes: [{ key: 'TOO_MANY_CELLS', params: { header: 27, cells: 30 } }] }))
      .toBe('文件「a.csv」 第 3 行 第 28 列：这一行的单元格比表头多，文件可能被截断或错位（表头 27 列，此行 30 列）');
    expect(formatErrorMessage('ASSIGN_BAD_ITEM', { notes: [{ key: 'ITEM_REJECTED', params: { n: 2, rejectCode: 'MISSING_PASSWORD' } }, { key: 'ITEM_REJECTED', params: { n: 3, rejectCode: 'LINE_TOO_LONG', max: 1000 } }] }))
      .toBe('填入的内容无法识别（第 2 个：缺少密码；第 3 个：超过 1000 个字符）');
  });
});

describe('the UI catalogue says every platform rule in both languages', () => {
  it('has each rule’s title, explanation, fix and every message: Chinese as RULES says it, English without Chinese, the same parameters', () => {
    for (const [id, def] of Object.entries(RULES)) {
      const texts: [string, string][] = [['title', def.title], ['explain', def.explain], ['fix', def.fix],
        ...Object.entries(def.messages).map(([key, text]): [string, string] => [`message.${key}`, text])];
      for (const [part, text] of texts) {
        const key = `rules.${id}.${part}`;
        expect(zh[key], key).toBe(text);
        const e = english[key];
        expect(e, key).toMatch(/\S/);
        expect(unquoted(e), key).not.toMatch(CJK);
        expect(params(e), key).toEqual(params(text));
      }
    }
  });

  it('has no rule key for a rule or a message the catalogue does not know', () => {
    const known = new Set(Object.entries(RULES).flatMap(([id, def]) => [
      `rules.${id}.title`, `rules.${id}.explain`, `rules.${id}.fix`, ...Object.keys(def.messages).map((k) => `rules.${id}.message.${k}`),
    ]));
    for (const catalogue of [zh, english]) {
      expect(Object.keys(catalogue).filter((k) => k.startsWith('rules.') && !known.has(k))).toEqual([]);
    }
  });
});
