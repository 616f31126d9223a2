/**
 * The import job's worker path (issue 14): with the built worker (out/main/job-worker.cjs, as the
 * app, browser mode and CLI run it), `import.orders` runs in a worker thread — proven by making the
 * in-process path throw: the import still succeeds, its progress arrives as messages after the call
 * returned, and its errors cross the thread with their code and place. Without a worker it runs here.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JOBS } from '../../main/core/jobs/registry';
import { openCore, type Core } from '../../main/handlers';
import type { ImportSummary, JobProgress, OrdersPage, Shop } from '../../shared/domain';
import type { AppErrorData } from '../../shared/errors';
import { badFiles, generateOrders, toCsv, toXlsx } from '../fixtures/orders';
import { useBuiltCli } from '../helpers/cli';
import { useTempDirs } from '../helpers/data-dir';

const WORKER = join(__dirname, '..', '..', 'out', 'main', 'job-worker.cjs');
const tempDir = useTempDirs();
useBuiltCli();

const open: Core[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
  vi.restoreAllMocks();
});

/** `import.orders` as a host sends it, with every `job.progress` event and whether it came after the call returned. */
async function importThrough(workerPath: string | undefined, files: { name: string; bytes: Uint8Array }[], settings?: Record<string, number>) {
  const dir = tempDir();
  const core = openCore({ dataDir: dir, host: 'web', workerPath });
  open.push(core);
  const shopId = ((await core.dispatch('shops.list', undefined, () => undefined)) as { ok: true; value: Shop[] }).value[0].id;
  if (settings) await core.dispatch('shops.setSettings', settings, () => undefined);
  const events: { p: JobProgress; late: boolean }[] = [];
  let returned = false;
  const pending = core.dispatch('import.orders', { shopId, files }, (event, payload) => {
    expect(event).toBe('job.progress');
    events.push({ p: payload as JobProgress, late: returned });
  });
  returned = true;
  const result = await pending;
  const orders = async () => ((await core.dispatch('orders.list', { shopId, limit: 100_000 }, () => undefined)) as { ok: true; value: OrdersPage }).value.rows;
  return { result, events, orders };
}

/** The in-process path, made to fail loudly: a worker import never calls it. */
const forbidInProcess = () => vi.spyOn(JOBS.import, 'run').mockImplementation(() => { throw new Error('the import ran in the calling thread'); });

describe('the import job in its worker thread', () => {
  it('imports every file of the request in the worker (the calling thread never runs it), progress coming as messages', async () => {
    const inProcess = forbidInProcess();
    const csv = generateOrders({ count: 300, seed: 211, optional: true });
    const xlsx = generateOrders({ count: 120, seed: 212 });
    const files: { name: string; bytes: Uint8Array }[] = [
      { name: 'orders.csv', bytes: toCsv(csv, { encoding: 'gbk' }) },
      { name: 'orders.xlsx', bytes: await toXlsx(xlsx) },
    ];
    // One file is its buffer whole (as a file read from disk); the other a view into a larger one (as a request body).
    const whole = new Uint8Array(files[0]!.bytes); // its own ArrayBuffer, exactly its bytes
    const xBytes = files[1]!.bytes;
    const host = new Uint8Array(xBytes.length + 10);
    host.set(xBytes, 5);
    const view = host.subarray(5, 5 + xBytes.length);
    files[0] = { name: 'orders.csv', bytes: whole };
    files[1] = { name: 'orders.xlsx', bytes: view };
    const { result, events, orders } = await importThrough(WORKER, files);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    // The whole buffer was moved to the worker, not copied (the caller's view of it is empty);
    // the view was copied and its buffer left as it was.
    expect(whole.byteLength).toBe(0);
    expect(Buffer.from(view).equals(Buffer.from(xBytes))).toBe(true);
    expect(inProcess).not.toHaveBeenCalled();
    const summary = (result as { ok: true; value: ImportSummary }).value;
    expect(summary).toMatchObject({ read: 420, new: 420, updated: 0 });
    expect(summary.files.map((f) => [f.file, f.format, f.new])).toEqual([['orders.csv', 'csv', 300], ['orders.xlsx', 'xlsx', 120]]);
    expect((await orders()).map((o) => o.orderNo).sort()).toEqual([...csv.expected, ...xlsx.expected].map((e) => e.orderNo).sort());
    // Every event crossed the thread: none arrived while the call was still running synchronously.
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.every((e) => e.late)).toBe(true);
    const jobIds = new Set(events.map((e) => e.p.jobId));
    expect(jobIds.size).toBe(1);
    expect(events.every((e) => e.p.kind === 'import')).toBe(true);
    expect(events.filter((e) => e.p.phase === 'done').map((e) => [e.p.file, e.p.done])).toEqual([['orders.csv', 300], ['orders.xlsx', 120]]);
  });

  it('takes the ship promise from the settings into the worker', async () => {
    forbidInProcess();
    const t = generateOrders({ count: 20, seed: 213 });
    const { result, orders } = await importThrough(WORKER, [{ name: 'o.csv', bytes: toCsv(t) }], { shipPromiseHours: 24 });
    expect(result.ok).toBe(true);
    const byNo = new Map((await orders()).map((o) => [o.orderNo, o.shipBy]));
    for (const e of t.expected) expect(Date.parse(byNo.get(e.orderNo)!) - Date.parse(e.paidAt), e.orderNo).toBe(24 * 3_600_000);
  });

  it('sends a refusal back across the thread with its code, file and row; nothing written', async () => {
    const inProcess = forbidInProcess();
    const bad = (await badFiles()).truncatedCsv;
    const good = { name: 'good.csv', bytes: toCsv(generateOrders({ count: 10, seed: 214 })) };
    const { result, orders } = await importThrough(WORKER, [good, bad]);
    expect(inProcess).not.toHaveBeenCalled();
    expect(result.ok).toBe(false);
    expect((result as { ok: false; error: AppErrorData }).error).toMatchObject({ code: 'FILE_TRUNCATED', file: bad.name, row: 5 });
    expect(await orders()).toEqual([]);
  });
});

describe('without a built worker', () => {
  it('runs the same import in the calling thread, its progress reported before the call returns', async () => {
    const inProcess = vi.spyOn(JOBS.import, 'run');
    const t = generateOrders({ count: 50, seed: 215 });
    for (const workerPath of [undefined, join(tempDir(), 'no-such-worker.cjs')]) {
      inProcess.mockClear();
      const { result, events } = await importThrough(workerPath, [{ name: 'o.csv', bytes: toCsv(t) }]);
      expect(result.ok).toBe(true);
      expect(inProcess).toHaveBeenCalledTimes(1);
      expect(events.length).toBeGreaterThan(0);
      expect(events.every((e) => !e.late)).toBe(true);
    }
  });
});
