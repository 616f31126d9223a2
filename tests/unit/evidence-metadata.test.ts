import { describe, expect, it } from 'vitest';
import { numbersIn } from '../../main/core/services/evidence/match';
import { parseMetaTime, readEvidenceMeta } from '../../main/core/services/evidence/metadata';
import { damaged, jpeg, pdf, png, screenshotNames, xmpPacket } from '../fixtures/evidence';

describe('parseMetaTime', () => {
  it('reads a time without a zone as Beijing wall-clock time, and keeps a zone it is given', () => {
    expect(parseMetaTime('2026:11:28 15:30:12')).toBe('2026-11-28T15:30:12+08:00');
    expect(parseMetaTime('2026-11-28T07:30:12Z')).toBe('2026-11-28T15:30:12+08:00');
    expect(parseMetaTime('2026-11-28 15:30:12+0900')).toBe('2026-11-28T14:30:12+08:00');
    expect(parseMetaTime('2026:11:28 15:30:12', '+09:00')).toBe('2026-11-28T14:30:12+08:00');
    expect(parseMetaTime('Sat, 28 Nov 2026 07:30:12 GMT')).toBe('2026-11-28T15:30:12+08:00');
  });

  it('gives nothing for an empty, absurd or unreadable time', () => {
    for (const s of ['0000:00:00 00:00:00', '', '2026:13:01 00:00:00', 'yesterday', '1970:01:01 00:00:00']) expect(parseMetaTime(s)).toBeNull();
  });
});

describe('readEvidenceMeta', () => {
  it('a PNG: Creation Time before tIME, Comment and XMP description texts', async () => {
    const m = await readEvidenceMeta(png({ time: '2026-11-28T01:00:00Z', text: { 'Creation Time': '2026:11:28 08:59:00', Comment: 'Order 260101-123456789012345' }, itxt: { 'XML:com.adobe.xmp': xmpPacket('充值 13812345678 &amp; 到账'), Description: '官网截图' } }), 'image/png');
    expect(m).toEqual({ capturedAt: '2026-11-28T08:59:00+08:00', capturedFrom: 'png', texts: ['Order 260101-123456789012345', '充值 13812345678 & 到账', '官网截图'] });
    expect((await readEvidenceMeta(png({ time: '2026-11-28T01:00:00Z' }), 'image/png')).capturedAt).toBe('2026-11-28T09:00:00+08:00');
  });

  it('a JPEG: EXIF DateTimeOriginal (Beijing), ImageDescription, UserComment (UNICODE), XPComment', async () => {
    const m = await readEvidenceMeta(jpeg({ exif: { dateTimeOriginal: '2026:11:28 15:30:12', imageDescription: '260101-123456789012345', userComment: '已充值 13812345678', xpComment: '备注：QQ 12345678' } }), 'image/jpeg');
    expect(m.capturedAt).toBe('2026-11-28T15:30:12+08:00');
    expect(m.capturedFrom).toBe('exif');
    expect([...m.texts].sort()).toEqual(['260101-123456789012345', '已充值 13812345678', '备注：QQ 12345678'].sort());
  });

  it('falls back to the file time, and to nothing; a damaged file gives what it can, never an error', async () => {
    const at = Date.parse('2026-11-28T12:00:00+08:00');
    expect(await readEvidenceMeta(pdf(), 'application/pdf', at)).toEqual({ capturedAt: '2026-11-28T12:00:00+08:00', capturedFrom: 'file', texts: [] });
    expect(await readEvidenceMeta(jpeg(), 'image/jpeg')).toEqual({ capturedAt: null, capturedFrom: null, texts: [] });
    const cut = png({ text: { Comment: '260101-123456789012345' }, seed: 9 });
    expect((await readEvidenceMeta(cut.subarray(0, cut.length - 200), 'image/png')).texts).toEqual(['260101-123456789012345']);
    expect(await readEvidenceMeta(damaged.truncatedPng().bytes.subarray(0, 40), 'image/png')).toEqual({ capturedAt: null, capturedFrom: null, texts: [] });
    const badJpeg = jpeg({ exif: { imageDescription: 'x' } }).subarray(0, 30);
    expect((await readEvidenceMeta(badJpeg, 'image/jpeg', at)).capturedFrom).toBe('file');
  });
});

describe('numbersIn: the order numbers and whole runs of digits of a name', () => {
  it('finds order numbers and does not take their parts for recharge numbers', () => {
    expect(numbersIn(screenshotNames.windows('260101-123456789012345'))).toEqual({ orderNos: ['260101-123456789012345'], runs: ['153012'] });
    expect(numbersIn(screenshotNames.merchant('260101-123456789012345'))).toEqual({ orderNos: ['260101-123456789012345'], runs: [] });
  });

  it('takes whole runs only: a phone inside a longer number is not that phone; full-width digits are digits', () => {
    expect(numbersIn(screenshotNames.phone('13812345678')).runs).toEqual(['13812345678']);
    expect(numbersIn('913812345678 充值.png').runs).toEqual(['913812345678']);
    expect(numbersIn('１３８１２３４５６７８.png').runs).toEqual(['13812345678']);
    expect(numbersIn('a1234b.png').runs).toEqual([]);
    // An order number with a digit glued to it is no order number.
    expect(numbersIn('1260101-123456789012345.png').orderNos).toEqual([]);
  });
});
