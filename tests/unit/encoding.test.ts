import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeAuto } from '../../main/core/io/detect-encoding';
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
