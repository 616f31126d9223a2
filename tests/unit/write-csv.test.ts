import { describe, expect, it } from 'vitest';
import { csvCell, csvFile, neutraliseFormula } from '../../main/core/io/write-csv';

describe('the CSV writer never lets a cell run as a formula', () => {
  it('prefixes text that begins with =, +, -, @, a tab or a carriage return with a single quote', () => {
    for (const s of ['=1+1', '+86 138', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://x","点我")']) {
      expect(neutraliseFormula(s), JSON.stringify(s)).toBe(`'${s}`);
    }
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
  });

  it('leaves ordinary text, order numbers and numbers as they are', () => {
    for (const s of ['260620-123456789012345', '京东E卡 100元', 'a=b', ' =1', '', "'quoted"]) expect(neutraliseFormula(s)).toBe(s);
    expect(csvCell(-3)).toBe('"-3"');
    expect(csvCell(-3.5)).toBe('"-3.5"');
    expect(csvCell(null)).toBe('""');
  });

  it('writes UTF-8 with a BOM, CRLF lines, every data cell quoted', () => {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csvFile(['订单号', '内容'], [['260620-1', '=1+1'], ['260620-2', 'a"b']]));
    expect(text).toBe('\uFEFF订单号,内容\r\n"260620-1","\'=1+1"\r\n"260620-2","a""b"\r\n');
  });
});
