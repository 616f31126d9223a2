/**
 * `vship record` and `vship evidence pack` through the built CLI, over a data folder whose orders
 * were filled and exported: the files are written where asked, the process exits (the browser it
 * launched is closed with the core), and wrong command lines are usage errors.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { addEvidenceRows } from '../helpers/evidence-rows';
import { png } from '../fixtures/evidence';
import { useBuiltCli, vship } from '../helpers/cli';
import { useTempDirs } from '../helpers/data-dir';
import { deliveredShop } from '../helpers/delivered-shop';

useBuiltCli();
const tempDir = useTempDirs();

function folder() {
  const dir = tempDir();
  const s = deliveredShop(dir, { count: 8 });
  const orderNo = s.exported[0];
  addEvidenceRows(s.db, dir, s.shopId, orderNo, [{ name: '官网截图.png', bytes: png({ seed: 5, width: 64, height: 40 }), mime: 'image/png', kind: 'official' }]);
  const day = s.record.at.slice(0, 10);
  s.db.close();
  return { dir, orderNo, day, exported: s.exported, out: tempDir() };
}

describe('vship record', () => {
  it('writes the PNG and the PDF of a delivered order into --out', () => {
    const f = folder();
    const r = vship(['record', f.orderNo, '--out', f.out, '--data-dir', f.dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(f.out).sort()).toEqual([`发货凭证-${f.orderNo}.pdf`, `发货凭证-${f.orderNo}.png`]);
    expect([...readFileSync(join(f.out, `发货凭证-${f.orderNo}.png`)).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(readFileSync(join(f.out, `发货凭证-${f.orderNo}.pdf`)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(r.stdout).toContain(join(f.out, `发货凭证-${f.orderNo}.png`));
  });

  it('writes one format with --format, and says so as JSON', () => {
    const f = folder();
    const r = vship(['record', f.orderNo, '--out', f.out, '--format', 'pdf', '--json', '--data-dir', f.dir]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { orderNo: string; files: { format: string; path: string; bytes: number }[] };
    expect(j.files).toHaveLength(1);
    expect(j.files[0].format).toBe('pdf');
    expect(readFileSync(j.files[0].path).byteLength).toBe(j.files[0].bytes);
    expect(readdirSync(f.out)).toEqual([`发货凭证-${f.orderNo}.pdf`]);
  });

  it('refuses an unknown order (exit 1) and a wrong format (exit 2)', () => {
    const f = folder();
    const unknown = vship(['record', '000000-000000000000000', '--out', f.out, '--json', '--data-dir', f.dir]);
    expect(unknown.code).toBe(1);
    expect((JSON.parse(unknown.stdout) as { error: { code: string } }).error.code).toBe('ORDER_NOT_FOUND');
    expect(vship(['record', f.orderNo, '--format', 'gif', '--data-dir', f.dir]).code).toBe(2);
    expect(vship(['record', '--data-dir', f.dir]).code).toBe(2);
    expect(readdirSync(f.out)).toEqual([]);
  });

  it('is RENDERER_UNAVAILABLE with a browser that is not one', () => {
    const f = folder();
    const r = vship(['record', f.orderNo, '--out', f.out, '--json', '--data-dir', f.dir], { VSHIP_CHROMIUM: '/bin/false' });
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { error: { code: string } }).error.code).toBe('RENDERER_UNAVAILABLE');
  });
});

describe('vship evidence pack', () => {
  it('writes the pack of one order to --out FILE', () => {
    const f = folder();
    const file = join(f.out, 'pack.zip');
    const r = vship(['evidence', 'pack', f.orderNo, '--out', file, '--json', '--data-dir', f.dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { path: string; name: string; orders: number; files: number; bytes: number };
    expect(j).toMatchObject({ path: file, name: `证据包-默认店铺-${f.orderNo}.zip`, orders: 1 });
    const entries = unzipSync(readFileSync(file));
    expect(Object.keys(entries)).toHaveLength(j.files);
    expect(Object.keys(entries)).toContain(`${f.orderNo}/官网截图.png`);
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json'])) as { files: { path: string; sha256: string }[] };
    for (const m of manifest.files) expect(createHash('sha256').update(entries[m.path]).digest('hex')).toBe(m.sha256);
  });

  it('writes a date range’s pack under its own name into a folder', () => {
    const f = folder();
    const into = join(f.out, 'packs');
    mkdirSync(into);
    const r = vship(['evidence', 'pack', '--from', f.day, '--to', f.day, '--out', into, '--data-dir', f.dir]);
    expect(r.code).toBe(0);
    const name = `证据包-默认店铺-${f.day.replace(/-/g, '')}-${f.day.replace(/-/g, '')}.zip`;
    expect(existsSync(join(into, name))).toBe(true);
    expect(r.stdout).toContain(`${f.exported.length} 个订单`);
    const entries = unzipSync(readFileSync(join(into, name)));
    for (const no of f.exported) expect(entries[`${no}/发货凭证-${no}.pdf`]).toBeDefined();
  });

  it('says PACK_NOTHING for an empty range, and refuses both or neither of an order and a range', () => {
    const f = folder();
    const empty = vship(['evidence', 'pack', '--from', '2020-01-01', '--to', '2020-01-02', '--out', join(f.out, 'x.zip'), '--data-dir', f.dir]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('没有已发货的订单');
    expect(vship(['evidence', 'pack', f.orderNo, '--from', f.day, '--to', f.day, '--out', join(f.out, 'x.zip'), '--data-dir', f.dir]).code).toBe(2);
    expect(vship(['evidence', 'pack', '--from', f.day, '--out', join(f.out, 'x.zip'), '--data-dir', f.dir]).code).toBe(2);
    expect(vship(['evidence', 'pack', f.orderNo, '--data-dir', f.dir]).code).toBe(2);
    expect(vship(['evidence', 'pack', '--from', '2026-02-30', '--to', f.day, '--out', join(f.out, 'x.zip'), '--data-dir', f.dir]).code).toBe(2);
    expect(readdirSync(f.out)).toEqual([]);
  });

  it('is listed in the help of evidence with record among the commands', () => {
    const help = vship(['help', 'evidence']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('evidence pack');
    const overview = vship(['--help']).stdout;
    expect(overview).toContain('vship record <订单号>');
    // Beside the other evidence commands: the pack first, then the record.
    expect(overview.indexOf('vship evidence pack')).toBeLessThan(overview.indexOf('vship record'));
  });
});
