import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { decodeWire } from '../../shared/wire';
import { expect, test } from './fixtures';
import { screenshot } from './screenshot';

test('the app window opens, is titled VShip and renders without errors', async ({ page, shopsPage }, testInfo) => {
  const errors = shopsPage.collectErrors();
  await shopsPage.reload(); // catch errors from the very first render too

  await expect(page).toHaveTitle(/VShip/);
  await expect(shopsPage.window()).toContainText(/\S/, { useInnerText: true });
  await expect(shopsPage.spinners()).toHaveCount(0);

  await screenshot(page, testInfo, 'smoke');
  expect(errors).toEqual([]);
});

test.describe('browser-mode host security', () => {
  test('answers the bridge only with the token', async ({ webHost }) => {
    const { port, token } = webHost;
    const path = '/api/invoke/shops.appInfo';

    const granted = await send(port, path, { 'x-vship-token': token });
    expect(granted.status).toBe(200);
    expect(decodeWire(granted.body)).toMatchObject({ ok: true, value: { host: 'web' } });

    expect([401, 403]).toContain((await send(port, path, {})).status);
    expect([401, 403]).toContain((await send(port, path, { 'x-vship-token': 'x'.repeat(token.length) })).status);
    // The token is a header, never a cookie: a cookie alone must not open the door.
    expect([401, 403]).toContain((await send(port, path, { cookie: `token=${token}; x-vship-token=${token}` })).status);
    // The page itself is reachable only under /t/<token>/.
    expect([401, 403]).toContain((await send(port, '/', {}, 'GET')).status);
    expect([401, 403]).toContain((await send(port, `/t/${'y'.repeat(token.length)}/`, {}, 'GET')).status);
  });

  test('rejects a foreign Host or Origin even with the token (DNS rebinding, other sites)', async ({ webHost }) => {
    const { port, token } = webHost;
    const path = '/api/invoke/shops.appInfo';
    const rebound = await send(port, path, { 'x-vship-token': token, host: `evil.example:${port}` });
    expect([400, 401, 403, 421]).toContain(rebound.status);
    const crossSite = await send(port, path, { 'x-vship-token': token, origin: 'http://evil.example' });
    expect([400, 401, 403]).toContain(crossSite.status);
  });

  test('listens on 127.0.0.1 only', async ({ webHost }) => {
    const { url, port } = webHost;
    expect(new URL(url).hostname).toBe('127.0.0.1');
    expect(await canConnect('127.0.0.1', port)).toBe(true);
    expect(await canConnect('::1', port)).toBe(false);
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal && a.family === 'IPv4')
      .map((a) => a!.address);
    for (const address of external) expect(await canConnect(address, port), `reachable on ${address}`).toBe(false);
  });
});

/** One raw HTTP request to the host (node:http, so Host and Origin can be forged). */
function send(port: number, path: string, headers: Record<string, string>, method = 'POST'): Promise<{ status: number; body: Uint8Array }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: new Uint8Array(Buffer.concat(chunks)) }));
    });
    req.on('error', reject);
    req.end();
  });
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}
