import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from '../../shared/wire';

describe('bridge wire format', () => {
  it('carries file bytes exactly beside the JSON', () => {
    const a = new Uint8Array([0, 1, 2, 255, 0xe4, 0xb8]);
    const b = new Uint8Array(100_000).map((_, i) => i % 251);
    const v = { shopId: 1, files: [{ name: '订单.csv', bytes: a }, { name: 'b.xlsx', bytes: b }], s: '260607-400000294410900' };
    const back = decodeWire(encodeWire(v)) as typeof v;
    expect(back.files[0].name).toBe('订单.csv');
    expect(Array.from(back.files[0].bytes)).toEqual(Array.from(a));
    expect(Buffer.from(back.files[1].bytes).equals(Buffer.from(b))).toBe(true);
    expect(back.s).toBe('260607-400000294410900');
  });
  it('carries a Node Buffer (what readFileSync gives) as bytes, not as its toJSON', () => {
    const file = Buffer.from('PK\u0003\u0004 xlsx bytes');
    const back = decodeWire(encodeWire({ name: 'a.xlsx', bytes: file })) as { bytes: Uint8Array };
    expect(back.bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(back.bytes).equals(file)).toBe(true);
  });
  it('refuses a truncated frame', () => {
    const buf = encodeWire({ bytes: new Uint8Array(10) });
    expect(() => decodeWire(buf.subarray(0, buf.byteLength - 3))).toThrow();
  });
});
