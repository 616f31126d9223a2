/**
 * `vship evidence add|import|list|hide` end to end through the built CLI, on a delivered shop:
 * Chinese output, --json, exit codes; a folder with subfolders, links and more files than one
 * request takes.
 */
import { mkdirSync, readdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EvidenceImportResult, EvidenceItem } from '../../shared/domain';
import { EVIDENCE_FILES_PER_REQUEST } from '../../shared/domain';
import { damaged, evidenceOrders, gif, jpeg, png, screenshotNames } from '../fixtures/evidence';
import { useBuiltCli, vship } from '../helpers/cli';
import { useTempDirs } from '../helpers/data-dir';
import { deliveredShop } from '../helpers/delivered-shop';

const tempDir = useTempDirs();
useBuiltCli();

/** A delivered shop in a data folder (set up through the services, closed: the CLI is what is tested). */
function folder() {
  const dir = tempDir();
  const o = evidenceOrders();
  const { db, exported } = deliveredShop(dir, { table: o.table });
  db.close();
  const work = tempDir();
  const write = (rel: string, bytes: Uint8Array) => { const p = join(work, rel); mkdirSync(join(p, '..'), { recursive: true }); writeFileSync(p, bytes); return p; };
  return { dir, work, write, exported, ...o };
}

const stored = (dir: string) => { try { return readdirSync(join(dir, 'evidence'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length; } catch { return 0; } };

describe('vship evidence add / list / hide', () => {
  it('adds files to an order (refusing a zip named .png, exit 1), lists them, hides one, lists with --all', () => {
    const { dir, write, exported } = folder();
    const no = exported[0]!;
    const a = write('官网充值成功.png', png({ seed: 1, time: '2026-06-20T02:00:00Z' }));
    const b = write('聊天.jpg', jpeg({ seed: 2, exif: { dateTimeOriginal: '2026:06:20 10:05:00' } }));
    const zip = damaged.zipAsPng();
    const z = write(zip.name, zip.bytes);
    const r = vship(['evidence', 'add', no, a, b, z, '--note', '买家投诉未到账', '--data-dir', dir]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain(`订单 ${no}：添加 2 个凭证，1 个未添加`);
    expect(r.stdout).toMatch(/\+ #\d+ {2}官网充值成功\.png {2}官网截图 {2}PNG .* {2}拍摄 2026-06-20 10:00:00/);
    expect(r.stdout).toContain('聊天记录  JPEG');
    expect(r.stdout).toContain(`× 文件「${zip.name}」：只能添加图片`);

    const again = vship(['evidence', 'add', no, a, '--data-dir', dir, '--json']);
    expect(again.code, again.stderr).toBe(0);
    const j = JSON.parse(again.stdout) as { added: EvidenceItem[]; already: EvidenceItem[]; refused: unknown[] };
    expect([j.added.length, j.already.length, j.refused.length]).toEqual([0, 1, 0]);

    const list = vship(['evidence', 'list', no, '--data-dir', dir, '--json']);
    expect(list.code, list.stderr).toBe(0);
    const items = JSON.parse(list.stdout) as EvidenceItem[];
    expect(items.map((i) => [i.name, i.kind, i.note, i.source])).toEqual([['官网充值成功.png', 'official', '买家投诉未到账', 'cli'], ['聊天.jpg', 'chat', '买家投诉未到账', 'cli']]);
    expect(items[1]!.capturedAt).toBe('2026-06-20T10:05:00+08:00');

    const hide = vship(['evidence', 'hide', String(items[0]!.id), '--reason', '截图不清楚', '--data-dir', dir]);
    expect(hide.code, hide.stderr).toBe(0);
    expect(hide.stdout).toContain(`已从订单 ${no} 移除凭证 #${items[0]!.id}（官网充值成功.png）；文件仍保留`);
    const text = vship(['evidence', 'list', no, '--data-dir', dir]);
    expect(text.stdout).toContain(`订单 ${no}：1 个凭证`);
    expect(text.stdout).not.toContain('官网充值成功.png');
    const all = vship(['evidence', 'list', no, '--all', '--data-dir', dir]);
    expect(all.stdout).toContain('【已移除：截图不清楚】');
    expect(stored(dir)).toBe(2);
  });

  it('an unknown order is exit 1 with the reason; a wrong kind or a missing reason is a usage error (exit 2)', () => {
    const { dir, write, exported } = folder();
    const a = write('a.png', png());
    const r = vship(['evidence', 'add', '260101-999999999999999', a, '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('找不到该订单');
    expect(vship(['evidence', 'add', exported[0]!, a, '--kind', 'photo', '--data-dir', dir]).code).toBe(2);
    expect(vship(['evidence', 'hide', '1', '--data-dir', dir]).code).toBe(2);
    const none = vship(['evidence', 'hide', '999', '--reason', '不需要', '--data-dir', dir]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('找不到该凭证');
  });
});

describe('vship evidence import', () => {
  it('matches a folder with subfolders by file name and metadata, prints matched and unmatched in Chinese, skips links', () => {
    const { dir, work, write, exported, shared, withRecharge } = folder();
    const [a, b, c] = exported as [string, string, string];
    const phone = withRecharge.find((x) => exported.includes(x.orderNo)) ?? withRecharge[0]!;
    write(screenshotNames.windows(a), png({ seed: 11 }));
    write(`2026-06/${screenshotNames.merchant(b)}`, jpeg({ seed: 12 }));
    write(`2026-06/买家/${screenshotNames.phone(phone.rechargeNo)}`, png({ seed: 13 }));
    write('IMG_0001.jpg', jpeg({ seed: 14, exif: { imageDescription: c } }));
    write(screenshotNames.phone(shared.rechargeNo), png({ seed: 15 }));
    write(screenshotNames.wechat(), png({ seed: 16 }));
    const zip = damaged.zipAsPng();
    write(`2026-06/${zip.name}`, zip.bytes);
    symlinkSync(join(work, screenshotNames.windows(a)), join(work, `link ${b}.png`));
    const r = vship(['evidence', 'import', work, '--data-dir', dir]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('7 个文件：已匹配 4 个，未匹配 2 个，未添加 1 个');
    expect(r.stdout).toContain(`  ${screenshotNames.windows(a)} → ${a}（按订单号）`);
    expect(r.stdout).toContain(`  ${screenshotNames.merchant(b)} → ${b}（按订单号）`);
    expect(r.stdout).toContain(`  ${screenshotNames.phone(phone.rechargeNo)} → ${phone.orderNo}（按充值号码）`);
    expect(r.stdout).toContain(`  IMG_0001.jpg → ${c}（按图片信息）`);
    expect(r.stdout).toContain(`  ${screenshotNames.phone(shared.rechargeNo)}：对应多个订单，请手动选择：${[...shared.orderNos].sort().join('、')}`);
    expect(r.stdout).toContain(`  ${screenshotNames.wechat()}：文件名和图片信息中没有找到本店的订单号或充值号码`);
    expect(r.stdout).toContain(`文件「${zip.name}」：只能添加图片`);
    expect(stored(dir)).toBe(4);

    const again = vship(['evidence', 'import', work, '--data-dir', dir, '--json']);
    const j = JSON.parse(again.stdout) as EvidenceImportResult & { files: number };
    expect(j.files).toBe(7);
    expect(j.matched.map((m) => m.already)).toEqual([true, true, true, true]);
    expect(j.unmatched.map((u) => u.reason).sort()).toEqual(['AMBIGUOUS', 'NO_ORDER']);
    expect(j.refused.map((x) => x.code)).toEqual(['EVIDENCE_NOT_ALLOWED']);
    expect(stored(dir)).toBe(4);
  });

  it('sends a folder larger than one request in batches, and takes the file time when the image has none', () => {
    const { dir, write, exported } = folder();
    const n = EVIDENCE_FILES_PER_REQUEST + 7;
    for (let i = 0; i < n; i++) write(`截图${String(i).padStart(3, '0')}.png`, png({ width: 24, height: 24, seed: 100 + i }));
    const p = write(`${exported[0]} 到账.gif`, gif());
    const t = new Date('2026-06-19T08:00:00+08:00');
    utimesSync(p, t, t);
    const r = vship(['evidence', 'import', join(p, '..'), '--data-dir', dir, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as EvidenceImportResult & { files: number };
    expect(j.files).toBe(n + 1);
    expect(j.unmatched).toHaveLength(n);
    expect(j.matched.map((m) => [m.orderNo, m.item.mime, m.item.capturedAt, m.item.capturedFrom])).toEqual([[exported[0], 'image/gif', '2026-06-19T08:00:00+08:00', 'file']]);
  });

  it('a folder that is not there is exit 1', () => {
    const { dir, work } = folder();
    const r = vship(['evidence', 'import', join(work, 'nope'), '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('找不到该文件或文件夹');
  });
});
