import { describe, expect, it } from 'vitest';
import { sniffMime } from '../../main/core/services/evidence/file-type';
import { kindFromName } from '../../main/core/services/evidence/kind';
import { bmp, damaged, gif, jpeg, pdf, png, screenshotNames, webp } from '../fixtures/evidence';

describe('sniffMime: the type from the bytes, never the name', () => {
  it('knows each allowed type by its signature', () => {
    expect([png(), jpeg(), webp(), bmp(), gif(), pdf()].map(sniffMime)).toEqual(['image/png', 'image/jpeg', 'image/webp', 'image/bmp', 'image/gif', 'application/pdf']);
  });

  it('refuses a zip, a program, text, an empty file; keeps a PNG cut short a PNG', () => {
    expect(sniffMime(damaged.zipAsPng().bytes)).toBeNull();
    expect(sniffMime(damaged.exeAsJpg().bytes)).toBeNull();
    expect(sniffMime(damaged.textAsPng().bytes)).toBeNull();
    expect(sniffMime(new Uint8Array(0))).toBeNull();
    expect(sniffMime(damaged.truncatedPng().bytes)).toBe('image/png');
  });

  it('does not take text that happens to start with BM, or a RIFF that is not WebP, for an image', () => {
    expect(sniffMime(new Uint8Array(Buffer.from('BM is a text file, not a bitmap')))).toBeNull();
    const wav = webp();
    wav.set(Buffer.from('WAVE'), 8);
    expect(sniffMime(wav)).toBeNull();
    expect(sniffMime(png().subarray(0, 7))).toBeNull();
  });
});

describe('kindFromName: the kind when the merchant names none', () => {
  it.each([
    [screenshotNames.merchant('260101-123456789012345'), 'official'],
    [screenshotNames.phone('13812345678'), 'official'],
    ['移动官网.png', 'official'],
    [screenshotNames.wechat(), 'chat'],
    [screenshotNames.qq(), 'chat'],
    ['和买家的对话.png', 'chat'],
    ['聊天记录 充值问题.png', 'chat'],
    ['微信图片_20261128 充值到账.png', 'official'],
    ['供应商充值单.pdf', 'supplier'],
    ['进货凭证.jpg', 'supplier'],
    [screenshotNames.windows('260101-123456789012345'), 'other'],
    ['IMG_0001.JPG', 'other'],
  ])('%s → %s', (name, kind) => {
    expect(kindFromName(name)).toBe(kind);
  });
});
