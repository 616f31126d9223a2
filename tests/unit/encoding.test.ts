import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeAuto, decodeText, scanRows } from '../../main/core/io/detect-encoding';
import { cfbKind, sniff } from '../../main/core/io/sniff';

describe('encoding detection', () => {
  const text = '订单号,商品\n260607-400000294410900,京东E卡（100元）𠮷\n';
  it('reads UTF-8, UTF-8 with BOM and GB18030 to the same text', () => {
    expect(decodeAuto(Buffer.from(text))).toEqual({ encoding: 'utf-8', text });
    expect(decodeAuto(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({ encoding: 'utf-8-bom', text });
    expect(decodeAuto(iconv.encode(text, 'gb18030'))).toEqual({ encoding: 'gb18030', text });
  });
  it('reads plain GBK (a subset of GB18030)', () => {
    const gbk = iconv.encode('订单号,待发货', 'gbk');
    expect(decodeAuto(gbk).text).toBe('订单号,待发货');
  });
});

describe('sniffing', () => {
  it('tells text, zip, compound files and binary apart', () => {
    expect(sniff(new Uint8Array())).toBe('empty');
    expect(sniff(Buffer.from('订单号,商品\n'))).toBe('text');
    expect(sniff(Buffer.from([0x50, 0x4b, 3, 4, 0, 0]))).toBe('zip');
    expect(sniff(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe('cfb');
    expect(sniff(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))).toBe('binary');
  });
  it('knows an encrypted xlsx from a legacy xls', () => {
    const name = Buffer.from('EncryptedPackage', 'utf16le');
    expect(cfbKind(Buffer.concat([Buffer.alloc(600), name]))).toBe('encrypted-xlsx');
    expect(cfbKind(Buffer.concat([Buffer.alloc(600), Buffer.from('Workbook', 'utf16le')]))).toBe('legacy-xls');
  });
});

describe('telling a file of two encodings from a GBK one', () => {
  const utf8 = Buffer.from('订单号,商品\n260607-400000294410900,京东E卡（100元）\n', 'utf8');
  const gbkRows = iconv.encode('260607-400000294410901,腾讯视频VIP月卡\n260607-400000294410902,"买家留言\n换行的"\n', 'gb18030');

  it('refuses UTF-8 rows followed by GBK rows, naming the GBK rows (a quoted line break is not a row)', () => {
    expect(() => decodeText(Buffer.concat([utf8, gbkRows]), 'a.csv')).toThrow(expect.objectContaining({ code: 'MIXED_ENCODING', row: 3, where: expect.objectContaining({ notes: [{ key: 'MIXED_ROWS', params: { first: 3, last: 4 } }] }) }));
  });

  it('reads a GBK file as GB18030 even when a row of it happens to be valid UTF-8 in one place', () => {
    const gbk = iconv.encode('订单号,商品,状态\n260607-400000294410900,京东E卡（100元）𠮷,待发货\n', 'gb18030');
    expect(decodeText(gbk, 'g.csv')).toEqual({ encoding: 'gb18030', text: iconv.decode(gbk, 'gb18030'), cutAtEnd: false });
    expect(scanRows(gbk).utf8.rows).toBe(0);
  });

  it('knows a UTF-8 or GBK file whose last character is cut off', () => {
    expect(decodeText(utf8.subarray(0, utf8.length - 3), 'u.csv')).toMatchObject({ encoding: 'utf-8', cutAtEnd: true });
    const gbk = iconv.encode('订单号,商品\n260607-400000294410900,京东\n', 'gb18030');
    expect(decodeText(gbk.subarray(0, gbk.length - 2), 'g.csv')).toMatchObject({ encoding: 'gb18030', cutAtEnd: true });
    expect(decodeText(gbk.subarray(0, gbk.length - 1), 'g.csv')).toMatchObject({ encoding: 'gb18030', cutAtEnd: false });
  });
});
