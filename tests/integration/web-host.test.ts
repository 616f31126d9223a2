import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from '../../shared/wire';
import { openCore, type Core } from '../../main/handlers';
import { MAX_BODY_BYTES, startWebHost, type WebHostOptions, type WebHost } from '../../main/web/server';
import { existsSync, writeFileSync } from 'node:fs';
import { generateOrders, toCsv } from '../fixtures/orders';
import { useBuiltCli } from '../helpers/cli';
import { useTempDirs } from '../helpers/data-dir';

const tempDir = useTempDirs();
let open: { core: Core; host: WebHost } | null = null;
afterEach(async () => {
  if (open) { await open.host.close(); open.core.close(); open = null; }
});

async function start(limits: Omit<WebHostOptions, 'staticDir'> = {}) {
  const core = openCore({ dataDir: tempDir(), host: 'web' });
  const staticDir = tempDir();
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>VShip</title>');
  const host = await startWebHost(core, { staticDir, ...limits });
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
    // A body that is not a wire frame: too short, a length past its end, a cut blob, or not JSON.
    const frame = encodeWire({ shopId: 1, files: [{ name: 'a.csv', bytes: new Uint8Array(64) }] });
    for (const body of [Buffer.from('hi'), Buffer.from('hello'), frame.subarray(0, frame.byteLength - 10), Buffer.from([0, 0, 0, 3, 0x7b, 0x7b, 0x7b])]) {
      const r = await post(host, '/api/invoke/orders.list', body, { 'X-VShip-Token': host.token });
      expect(r.status).toBe(200);
      expect(decodeWire(r.body)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    }
  });
});

/** Writes raw bytes to the host (no client normalises the URL) and collects the reply until the socket closes or `settle` ms of quiet. */
function raw(host: WebHost, data: string | Buffer, opts: { settle?: number; keepOpen?: boolean } = {}): Promise<{ status: number; head: string; body: Buffer; closed: boolean }> {
  return new Promise((resolve) => {
    const s = connect(host.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let closed = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = () => {
      clearTimeout(timer);
      const all = Buffer.concat(chunks);
      const at = all.indexOf('\r\n\r\n');
      const head = at >= 0 ? all.subarray(0, at).toString('latin1') : all.toString('latin1');
      s.destroy();
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), head, body: at >= 0 ? all.subarray(at + 4) : Buffer.alloc(0), closed });
    };
    const quiet = () => { clearTimeout(timer); timer = setTimeout(finish, opts.settle ?? 300); };
    s.on('data', (c) => { chunks.push(c); quiet(); });
    s.on('error', () => undefined);
    s.on('close', () => { closed = true; finish(); });
    s.write(data);
    if (!opts.keepOpen) quiet();
  });
}

const get = (host: WebHost, target: string, extra = '') => `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n${extra}Connection: close\r\n\r\n`;

/** The host still serves its page and its bridge. */
async function stillAnswers(host: WebHost) {
  const page = await raw(host, get(host, `/t/${host.token}/`));
  expect(page.status).toBe(200);
  const r = await post(host, '/api/invoke/shops.appInfo', encodeWire(undefined), { 'X-VShip-Token': host.token });
  expect(decodeWire(r.body)).toMatchObject({ ok: true });
}

const wireError = (body: Buffer) => (decodeWire(body) as { ok: false; error: { code: string; message: string; notes?: { key: string; params: Record<string, string> }[] } }).error;

describe('the browser-mode host never dies of a request', () => {
  it('answers crafted URLs with 400/404 and keeps serving', async () => {
    const host = await start();
    const t = host.token;
    const cases: [string, number[]][] = [
      ['//[', [400]],
      [`/t/${t}/%`, [400]],
      [`/t/${t}/%E0%A4%A`, [400]],
      [`/t/${t}/%00`, [400]],
      [`/t/${t}/a%00.js`, [400]],
      ['/api/invoke/%', [401]],
      [`/t/${t}/..%2f..%2fetc%2fpasswd`, [404]],
      [`/t/${t}/%2e%2e/%2e%2e/etc/passwd`, [404, 403]],
      [`/t/${t}/` + 'a'.repeat(100_000), [431, 400, 414]],
      ['http://[', [400]],
      ['*', [400]],
    ];
    for (const [target, statuses] of cases) {
      const r = await raw(host, get(host, target));
      expect(statuses, `${target.slice(0, 60)} → ${r.status}`).toContain(r.status);
      await stillAnswers(host);
    }
    // The bridge path too, with its token: an escape that does not decode is no channel.
    const api = await raw(host, `POST /api/invoke/% HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX-VShip-Token: ${t}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
    expect(api.status).toBe(404);
    // NUL bytes in the request line itself: the HTTP parser refuses them.
    const nul = await raw(host, Buffer.from(`GET /t/${t}/\0x HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n\r\n`, 'latin1'));
    expect(nul.status).toBe(400);
    await stillAnswers(host);
  });

  it('refuses a body whose Content-Length is over the real limit with 413 FILE_TOO_LARGE, before reading it', async () => {
    const host = await start();
    const r = await raw(host, `POST /api/invoke/import.orders HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX-VShip-Token: ${host.token}\r\nContent-Length: ${MAX_BODY_BYTES + 1}\r\n\r\n`, { keepOpen: true });
    expect(r.status).toBe(413);
    expect(r.head).toMatch(/connection: close/i);
    const e = wireError(r.body);
    expect(e.code).toBe('FILE_TOO_LARGE');
    expect(e.notes).toEqual([{ key: 'SIZE_LIMIT', params: { limit: '256 MB' } }]);
    expect(e.message).toContain('上限 256 MB');
    await stillAnswers(host);
  });

  it('stops reading a chunked body past the limit, answers 413 and closes', async () => {
    const host = await start({ maxBodyBytes: 64 * 1024, smallBodyBytes: 1024 });
    const chunk = Buffer.alloc(16 * 1024, 0x41);
    const s = connect(host.port, '127.0.0.1');
    const got: Buffer[] = [];
    s.on('data', (c) => got.push(c));
    s.on('error', () => undefined);
    const closed = new Promise<void>((r) => s.on('close', () => r()));
    s.write(`POST /api/invoke/import.orders HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX-VShip-Token: ${host.token}\r\nTransfer-Encoding: chunked\r\n\r\n`);
    let sent = 0;
    // Keep sending, well past the limit, until the host has answered.
    while (sent < 1024 * 1024 && !Buffer.concat(got).includes('\r\n\r\n')) {
      if (s.destroyed) break;
      s.write(`${chunk.length.toString(16)}\r\n`);
      s.write(chunk);
      s.write('\r\n');
      sent += chunk.length;
      await new Promise((r) => setTimeout(r, 5));
    }
    await closed;
    const all = Buffer.concat(got);
    expect(all.toString('latin1')).toMatch(/^HTTP\/1\.1 413 /);
    expect(wireError(all.subarray(all.indexOf('\r\n\r\n') + 4)).code).toBe('FILE_TOO_LARGE');
    expect(sent).toBeLessThan(1024 * 1024);
    await stillAnswers(host);
  });

  it('refuses a small limit by Content-Length too, and lets a body within it through', async () => {
    const host = await start({ maxBodyBytes: 64 * 1024, smallBodyBytes: 1024 });
    const big = await post(host, '/api/invoke/import.orders', new Uint8Array(64 * 1024 + 1), { 'X-VShip-Token': host.token });
    expect(big.status).toBe(413);
    expect(wireError(big.body)).toMatchObject({ code: 'FILE_TOO_LARGE', notes: [{ key: 'SIZE_LIMIT', params: { limit: '64 KB' } }] });
    const t = generateOrders({ count: 5, seed: 3 });
    const ok = await post(host, '/api/invoke/import.orders', encodeWire({ shopId: 1, files: [{ name: 'a.csv', bytes: new Uint8Array(toCsv(t)) }] }), { 'X-VShip-Token': host.token });
    expect(ok.status).toBe(200);
    expect(decodeWire(ok.body)).toMatchObject({ ok: true, value: { new: 5 } });
  });

  it('holds at most maxUploads large bodies at once: the next is 503 HOST_BUSY, small calls still go through', async () => {
    const host = await start({ maxBodyBytes: 64 * 1024, smallBodyBytes: 1024, maxUploads: 1 });
    const t = generateOrders({ count: 5, seed: 4 });
    const body = Buffer.from(encodeWire({ shopId: 1, files: [{ name: 'a.csv', bytes: new Uint8Array(toCsv(t)) }] }));
    expect(body.length).toBeGreaterThan(1024);
    // The first upload sends its headers and half its body, then waits.
    const s = connect(host.port, '127.0.0.1');
    const got: Buffer[] = [];
    s.on('data', (c) => got.push(c));
    const ended = new Promise<void>((r) => s.on('end', () => r()));
    s.write(`POST /api/invoke/import.orders HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX-VShip-Token: ${host.token}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`);
    s.write(body.subarray(0, 600));
    await new Promise((r) => setTimeout(r, 100));
    const second = await post(host, '/api/invoke/import.orders', body, { 'X-VShip-Token': host.token });
    expect(second.status).toBe(503);
    expect(wireError(second.body).code).toBe('HOST_BUSY');
    await stillAnswers(host);
    s.end(body.subarray(600));
    await ended;
    const first = Buffer.concat(got);
    expect(first.toString('latin1')).toMatch(/^HTTP\/1\.1 200 /);
    expect(decodeWire(first.subarray(first.indexOf('\r\n\r\n') + 4))).toMatchObject({ ok: true, value: { new: 5 } });
    // The slot is free again.
    const third = await post(host, '/api/invoke/import.orders', body, { 'X-VShip-Token': host.token });
    expect(third.status).toBe(200);
  });
});

describe('web.cjs command line', () => {
  useBuiltCli();
  const WEB = join(__dirname, '..', '..', 'out', 'main', 'web.cjs');

  it('prints its help and exits 0 instead of starting a server', () => {
    const dir = tempDir();
    const r = spawnSync(process.execPath, [WEB, '--help'], { encoding: 'utf8', env: { ...process.env, VSHIP_DATA_DIR: join(dir, 'never') }, timeout: 10_000 });
    expect(r.status).toBe(0);
    for (const o of ['--data-dir', '--port', '--no-open', '--read-only', '--help']) expect(r.stdout).toContain(o);
    expect(r.stdout).toMatch(/usage/);
    expect(r.stdout).not.toContain('VSHIP_URL=');
    expect(existsSync(join(dir, 'never'))).toBe(false);
    expect(spawnSync(process.execPath, [WEB, '-h'], { encoding: 'utf8', timeout: 10_000 }).status).toBe(0);
  });

  it('refuses an unknown option or a bad port with exit 2', () => {
    for (const args of [['--bogus'], ['--port', 'x'], ['--port'], ['--data-dir'], ['serve']]) {
      const r = spawnSync(process.execPath, [WEB, ...args], { encoding: 'utf8', timeout: 10_000 });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/--help/);
      expect(r.stdout).not.toContain('VSHIP_URL=');
    }
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
