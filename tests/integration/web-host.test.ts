import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from '../../shared/wire';
import { openCore, type Core } from '../../main/handlers';
import { startWebHost, type WebHost } from '../../main/web/server';
import { generateOrders, toCsv } from '../fixtures/orders';
import { useTempDirs } from '../helpers/data-dir';

const tempDir = useTempDirs();
let open: { core: Core; host: WebHost } | null = null;
afterEach(async () => {
  if (open) { await open.host.close(); open.core.close(); open = null; }
});

async function start() {
  const core = openCore({ dataDir: tempDir(), host: 'web' });
  const host = await startWebHost(core, { staticDir: tempDir() });
  open = { core, host };
  return host;
}

function post(host: WebHost, path: string, body: Uint8Array, headers: Record<string, string>): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method: 'POST', headers: { 'Content-Length': body.byteLength, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('browser-mode host', () => {
  it('listens on 127.0.0.1 only', async () => {
    const host = await start();
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/t\/[A-Za-z0-9_-]{20,}\/$/);
  });

  it('answers the bridge with the token, and refuses without it, with a wrong one, or from another host', async () => {
    const host = await start();
    const body = encodeWire(undefined);
    const good = await post(host, '/api/invoke/shops.appInfo', body, { 'X-VShip-Token': host.token });
    expect(good.status).toBe(200);
    expect(decodeWire(good.body)).toMatchObject({ ok: true, value: { host: 'web' } });
    expect((await post(host, '/api/invoke/shops.appInfo', body, {})).status).toBe(401);
    expect((await post(host, '/api/invoke/shops.appInfo', body, { 'X-VShip-Token': host.token.slice(1) + 'x' })).status).toBe(401);
    expect((await post(host, '/api/invoke/shops.appInfo', body, { 'X-VShip-Token': host.token, Host: `evil.example:${host.port}` })).status).toBe(403);
    expect((await post(host, '/api/invoke/shops.appInfo', body, { 'X-VShip-Token': host.token, Origin: 'http://evil.example' })).status).toBe(403);
  });

  it('imports file bytes sent through the bridge and reports errors as data', async () => {
    const host = await start();
    const t = generateOrders({ count: 40, seed: 41 });
    const req = { shopId: 1, files: [{ name: '订单.csv', bytes: new Uint8Array(toCsv(t, { encoding: 'gbk' })) }] };
    const r = decodeWire((await post(host, '/api/invoke/import.orders', encodeWire(req), { 'X-VShip-Token': host.token })).body) as { ok: boolean; value: { new: number } };
    expect(r).toMatchObject({ ok: true, value: { new: 40 } });
    const bad = decodeWire((await post(host, '/api/invoke/orders.list', encodeWire({ shopId: 'x' }), { 'X-VShip-Token': host.token })).body);
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    const unknown = decodeWire((await post(host, '/api/invoke/nope.nope', encodeWire({}), { 'X-VShip-Token': host.token })).body);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });
});

describe('job runner', () => {
  it('falls back to importing in-process when the worker cannot start', async () => {
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { runJob } = await import('../../main/core/jobs/run-job');
    const dir = tempDir();
    const broken = join(dir, 'broken-worker.cjs');
    writeFileSync(broken, "require('a-module-that-does-not-exist');\n");
    const t = generateOrders({ count: 30, seed: 44 });
    const core = openCore({ dataDir: dir, host: 'cli' });
    core.close();
    const seen: { kind: string; phase: string }[] = [];
    const s = await runJob(broken, 'import', { dataDir: dir, shopId: 1, shipPromiseHours: 48, files: [{ name: 'a.csv', bytes: new Uint8Array(toCsv(t)) }] }, (p) => seen.push(p));
    expect(s.new).toBe(30);
    expect(seen.every((p) => p.kind === 'import')).toBe(true);
    expect(seen.at(-1)?.phase).toBe('done');
  });
});
