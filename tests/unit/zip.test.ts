import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { LIMITS, formatBytes, withLimits } from '../../main/core/io/limits';
import { listZip, readZipEntry, readZipEntryChunks } from '../../main/core/io/zip';
import { corruptZipEntry, toZip } from '../fixtures/orders';

describe('reading a zip without trusting it', () => {
  const csv = Buffer.from('订单号,商品\n260607-400000294410900,京东E卡\n'.repeat(50), 'utf8');

  it('reads deflated and stored entries, checked, and counts what it unpacked', () => {
    const zip = Buffer.from(zipSync({ 'a.csv': [csv, { level: 6 }], 'b.csv': [csv, { level: 0 }], '订单/c.csv': [csv, { level: 9 }] }));
    const entries = listZip(zip, 'x.zip', 'zip');
    expect(entries.map((e) => [e.name, e.method])).toEqual([['a.csv', 8], ['b.csv', 0], ['订单/c.csv', 8]]);
    const budget = { used: 0 };
    for (const e of entries) expect(Buffer.from(readZipEntry(zip, e, 'x.zip', 'zip', LIMITS, budget)).equals(csv)).toBe(true);
    expect(budget.used).toBe(3 * csv.length);
  });

  it('refuses an entry whose CRC or size lies: ZIP_CHECKSUM in a .zip, XLSX_CORRUPT in an .xlsx', () => {
    const zip = toZip([{ name: 'orders.csv', bytes: csv }]);
    for (const change of [{ crc: true }, { sizeDelta: -1 }, { sizeDelta: 1 }]) {
      const bad = corruptZipEntry(zip, 'orders.csv', change);
      const [e] = listZip(bad, 'x.zip', 'zip');
      expect(() => readZipEntry(bad, e!, 'x.zip', 'zip', LIMITS, { used: 0 })).toThrow(expect.objectContaining({ code: 'ZIP_CHECKSUM' }));
      expect(() => readZipEntry(bad, e!, 'x.xlsx', 'xlsx', LIMITS, { used: 0 })).toThrow(expect.objectContaining({ code: 'XLSX_CORRUPT' }));
    }
  });

  it('streams an entry in chunks with the same checks: the bytes whole, a lying CRC or size refused, the limits before a byte', () => {
    const big = Buffer.concat(Array.from({ length: 40 }, () => csv)); // several packed chunks once inflated
    const zip = Buffer.from(zipSync({ 'a.csv': [big, { level: 6 }], 'b.csv': [big, { level: 0 }] }));
    for (const e of listZip(zip, 'x.zip', 'zip')) {
      const chunks: Uint8Array[] = [];
      const budget = { used: 0 };
      readZipEntryChunks(zip, e, 'x.zip', 'zip', LIMITS, budget, (c) => chunks.push(c.slice()));
      expect(Buffer.concat(chunks).equals(big), e.name).toBe(true);
      expect(budget.used).toBe(big.length);
    }
    const one = toZip([{ name: 'orders.csv', bytes: big }]);
    for (const change of [{ crc: true }, { sizeDelta: -1 }, { sizeDelta: 1 }]) {
      const bad = corruptZipEntry(one, 'orders.csv', change);
      const [e] = listZip(bad, 'x.zip', 'zip');
      expect(() => readZipEntryChunks(bad, e!, 'x.zip', 'zip', LIMITS, { used: 0 }, () => {})).toThrow(expect.objectContaining({ code: 'ZIP_CHECKSUM' }));
    }
    const [e] = listZip(one, 'x.zip', 'zip');
    let read = 0;
    expect(() => readZipEntryChunks(one, e!, 'x.zip', 'zip', withLimits({ maxEntryBytes: big.length - 1 }), { used: 0 }, () => { read++; })).toThrow(expect.objectContaining({ code: 'UNPACKED_TOO_LARGE' }));
    expect(read).toBe(0);
    // A reader's own error passes through unchanged, not as a corrupt zip.
    const mine = new Error('reader');
    expect(() => readZipEntryChunks(one, e!, 'x.zip', 'zip', LIMITS, { used: 0 }, () => { throw mine; })).toThrow(mine);
  });

  it('refuses from the declared sizes before inflating: per entry, in total, and by ratio', () => {
    const zip = toZip([{ name: 'orders.csv', bytes: csv }]);
    const [e] = listZip(zip, 'x.zip', 'zip');
    const refuse = (over: Parameters<typeof withLimits>[0], used = 0) =>
      expect(() => readZipEntry(zip, e!, 'x.zip', 'zip', withLimits(over), { used })).toThrow(expect.objectContaining({ code: 'UNPACKED_TOO_LARGE' }));
    refuse({ maxEntryBytes: csv.length - 1 });
    refuse({ maxTotalUnpackedBytes: csv.length + 10 }, 11);
    refuse({ ratioFloorBytes: 100, maxRatio: 2 });
  });

  it('says sizes as the merchant reads them', () => {
    expect([formatBytes(1.5 * 2 ** 30), formatBytes(200 * 2 ** 20), formatBytes(512 * 1024), formatBytes(80)]).toEqual(['1.5 GB', '200 MB', '512 KB', '80 B']);
  });
});
