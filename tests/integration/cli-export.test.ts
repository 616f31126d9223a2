/**
 * `vship export` and friends as a merchant's script runs them, and the export as a whole under
 * stress: two exports at once (two processes, as the app and the CLI) never share an order; a
 * process killed (SIGKILL) between writing its files and committing leaves no order half-marked
 * and no file counted as an export.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/core/db/open';
import { verifyLedger } from '../../main/core/services/ledger';
import { generateOrders } from '../fixtures/orders';
import { resultRows, shipmentTemplate, TEMPLATE_COLUMNS, uploadResultFile } from '../fixtures/shipment';
import { codeShop } from '../helpers/code-shop';
import { fill } from '../../main/core/services/allocation';
import { useBuiltCli, VSHIP, vship } from '../helpers/cli';
import { useTempDirs } from '../helpers/data-dir';

const tempDir = useTempDirs();
useBuiltCli();

/** A data folder with `count` waiting orders, every product a code product with stock, all filled (set up through the services: the CLI is what is tested). */
function filledFolder(count: number, seed: number): { dir: string; orderNos: string[] } {
  const dir = tempDir();
  const t = generateOrders({ count, seed, statusMix: 'all-shippable' });
  const { db, shopId } = codeShop(dir, t, (_k, w) => w);
  fill(db, shopId, { cooldownHours: 2 });
  db.close();
  return { dir, orderNos: t.expected.map((e) => e.orderNo) };
}

const run = (args: string[], env: Record<string, string> = {}) => new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>((resolve) => {
  const p = spawn(process.execPath, [VSHIP, ...args], { env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  p.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
  p.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  p.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
});

async function orderNosIn(path: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  const nos: string[] = [];
  wb.worksheets[0].eachRow((r, n) => { if (n > 1) nos.push(String(r.getCell(1).value)); });
  return nos;
}

describe('vship export', () => {
  it('writes the files, lists the export, reads the result file, and remembers a template', async () => {
    const { dir, orderNos } = filledFolder(30, 120);
    const pre = vship(['export', 'preview', '--data-dir', dir]);
    expect(pre.stdout).toContain('可导出 30 单');
    expect(pre.stdout).toContain('未核实');
    const out = join(dir, 'out');
    const r = vship(['export', '--out', out, '--max-rows', '20', '--data-dir', dir, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { exportId: number; orders: number; files: { kind: string; path: string; rows: number; sha256: string; holdsSecrets: boolean }[] };
    expect(j.orders).toBe(30);
    const ship = j.files.filter((f) => f.kind === 'shipment');
    expect(ship.length).toBeGreaterThanOrEqual(2);
    for (const f of j.files) expect(existsSync(f.path)).toBe(true);
    const perFile = await Promise.all(ship.map((f) => orderNosIn(f.path)));
    // Each part holds the rows it says, at most 20 unless one order alone is bigger, and no order in two parts.
    perFile.forEach((nos, i) => {
      expect(nos.length, ship[i].path).toBe(ship[i].rows);
      expect(nos.length <= 20 || new Set(nos).size === 1, `${ship[i].path}: ${nos.length} rows`).toBe(true);
    });
    const inFiles = perFile.flat();
    expect(new Set(inFiles)).toEqual(new Set(orderNos));
    expect(perFile.reduce((n, nos) => n + new Set(nos).size, 0)).toBe(orderNos.length);
    expect(vship(['exports', '--data-dir', dir]).stdout).toMatch(/#1 .* 30 单/);
    // Nothing is ready any more: a clear refusal, exit 1, nothing written.
    const again = vship(['export', '--out', join(dir, 'out2'), '--data-dir', dir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('没有可以导出的订单');
    expect(existsSync(join(dir, 'out2'))).toBe(false);

    writeFileSync(join(dir, 'result.xlsx'), await uploadResultFile(resultRows(orderNos.slice(0, 6), 2)));
    const res = vship(['export', 'result', join(dir, 'result.xlsx'), '--data-dir', dir]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('失败 3');
    expect(vship(['export', 'preview', '--data-dir', dir]).stdout).toContain('可导出 3 单');

    writeFileSync(join(dir, 'tpl.xlsx'), await shipmentTemplate({ columns: TEMPLATE_COLUMNS.full, example: true }));
    expect(vship(['template', 'set', join(dir, 'tpl.xlsx'), '--data-dir', dir]).code).toBe(0);
    const show = vship(['template', 'show', '--data-dir', dir]);
    expect(show.stdout).toContain('tpl.xlsx');
    expect(show.stdout).toContain('发货方式 → 发货方式：无需物流');
    const saved = vship(['export', 'save', '1', '--out', join(dir, 'again'), '--data-dir', dir]);
    expect(saved.code, saved.stderr).toBe(0);
    expect(readdirSync(join(dir, 'again')).length).toBe(j.files.length);
    expect(vship(['export', '--reexport', orderNos[10], '--out', out, '--data-dir', dir]).code).toBe(2);
  });

  it('two exports at once never put one order in both', async () => {
    const { dir, orderNos } = filledFolder(400, 121);
    // The first holds its transaction open a while before committing, so the second surely meets it.
    const first = run(['export', '--out', join(dir, 'a'), '--data-dir', dir, '--json'], { VSHIP_FAULT: 'export.beforeCommit', VSHIP_FAULT_ACTION: 'pause:2000' });
    await new Promise((r) => setTimeout(r, 700));
    const [a, b] = await Promise.all([first, run(['export', '--out', join(dir, 'b'), '--data-dir', dir, '--json'])]);
    const got: string[][] = [];
    for (const [r, name] of [[a, 'a'], [b, 'b']] as const) {
      if (r.code !== 0) { got.push([]); continue; }
      const files = (JSON.parse(r.stdout) as { files: { kind: string; path: string }[] }).files.filter((f) => f.kind === 'shipment');
      expect(files.every((f) => f.path.includes(join(dir, name)))).toBe(true);
      got.push((await Promise.all(files.map((f) => orderNosIn(f.path)))).flat());
    }
    // The first took them all; the second waited for it, then found nothing ready.
    expect([a.code, b.code]).toEqual([0, 1]);
    expect(b.stderr).toContain('没有可以导出的订单');
    const both = got[0].filter((n) => new Set(got[1]).has(n));
    expect(both).toEqual([]);
    expect(new Set([...got[0], ...got[1]])).toEqual(new Set(orderNos));
    const db = openDatabase(dir);
    expect(db.prepare('SELECT count(*) FROM exports').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM export_orders').pluck().get()).toBe(400);
    db.close();
  });

  it('killed between writing its files and committing, leaves no half-marked order and no file counted', async () => {
    const { dir } = filledFolder(50, 122);
    const db0 = openDatabase(dir);
    const ledgerBefore = db0.prepare('SELECT count(*) FROM ledger').pluck().get();
    db0.close();
    const r = await run(['export', '--out', join(dir, 'out'), '--data-dir', dir], { VSHIP_FAULT: 'export.beforeCommit' });
    expect(r.signal).toBe('SIGKILL');
    // The files were written into the data folder, but nothing counts them.
    expect(readdirSync(join(dir, 'exports')).length).toBeGreaterThan(0);
    const db = openDatabase(dir);
    expect(db.prepare('SELECT count(*) FROM exports').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM export_files').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM orders WHERE ship_state IS NOT NULL').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM allocations WHERE exported_at IS NOT NULL').pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM stock_items WHERE state = 'delivered'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM ledger').pluck().get()).toBe(ledgerBefore);
    expect(verifyLedger(db).ok).toBe(true);
    db.close();
    expect(existsSync(join(dir, 'out'))).toBe(false);
    // The next export goes through, and clears what the killed one left behind.
    const ok = vship(['export', '--out', join(dir, 'out'), '--data-dir', dir, '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    const j = JSON.parse(ok.stdout) as { orders: number; files: { sha256: string }[] };
    expect(j.orders).toBe(50);
    expect(readdirSync(join(dir, 'exports')).sort()).toEqual(j.files.map((f) => f.sha256).sort());
  });
});
