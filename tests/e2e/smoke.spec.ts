import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { decodeWire } from '../../shared/wire';
import { generateOrders, toCsv } from '../fixtures/orders';
import { expect, test } from './fixtures';
import { screenshot } from './screenshot';

test('the app window opens titled VShip, shows the top bar, the view tabs and the empty orders screen, then the grid of an import, without errors', async ({ page, shopsPage, importPage, ordersPage }, testInfo) => {
  const errors = shopsPage.collectErrors();
  await shopsPage.reload(); // catch errors from the very first render too

  await expect(page).toHaveTitle(/VShip/);
  await expect(shopsPage.spinners()).toHaveCount(0);

  // The top bar: the app's name, the five views with 订单 chosen, the first run's shop, the import button.
  await expect(shopsPage.topBar()).toBeVisible();
  await expect(shopsPage.brand().name).toHaveText('VShip');
  await expect(shopsPage.brand().sub).toHaveText('虚拟发货助手');
  await expect(shopsPage.navTabs()).toHaveText(['订单', '商品与卡库', '规则检查', '发货记录', '凭证']);
  await expect(shopsPage.selectedNavTab()).toHaveText('订单');
  await expect(shopsPage.shopSelect()).toContainText('默认店铺');
  await expect(shopsPage.shopSelect().getByTestId('shop-type')).toHaveText('个人');
  await expect(shopsPage.importButton()).toHaveText('导入订单');
  await expect(shopsPage.importButton()).toBeEnabled();

  // No orders yet: the drop zone says what to drop and where it comes from; no grid.
  const empty = importPage.emptyDrop();
  await expect(empty).toBeVisible();
  await expect(empty).toContainText('拖入从拼多多商家后台导出的订单文件（CSV / Excel / ZIP）');
  await expect(empty).toContainText('所有数据只保存在本机，不会上传。');
  await expect(empty.getByRole('button')).toHaveText('选择文件');
  await expect(ordersPage.grid()).toHaveCount(0);
  await screenshot(page, testInfo, 'smoke');

  // With orders: the summary cards and the grid, one row per order, each showing its own number.
  const table = generateOrders({ count: 8, seed: 2 });
  const nos = table.expected.map((o) => o.orderNo).sort();
  await importPage.dropFiles([{ name: 'orders.csv', bytes: toCsv(table) }]);
  await expect(importPage.result()).toBeVisible();
  await expect(empty).toHaveCount(0);
  const shippable = table.expected.filter((o) => o.shippable).length;
  expect(shippable).toBe(7);
  await expect(ordersPage.summaryCard('total')).toHaveText('8');
  await expect(ordersPage.summaryCard('shippable')).toHaveText('7');
  await expect(ordersPage.summaryCard('blocked')).toHaveText('1');
  await expect(ordersPage.gridTotal()).toHaveText('共 8 个订单');
  await expect(ordersPage.grid()).toHaveAttribute('data-total', '8');
  await expect(ordersPage.loadingRows()).toHaveCount(0);
  await expect(ordersPage.rows()).toHaveCount(8);
  expect((await ordersPage.orderNos()).sort()).toEqual(nos);
  expect((await ordersPage.orderNoCells()).sort()).toEqual(nos);
  // The top bar is still there around the grid; 规则检查 now counts the 7 orders held until their products are confirmed.
  await expect(shopsPage.selectedNavTab()).toHaveText('订单');
  await expect(page.getByTestId('nav-rules-badge')).toHaveText('7');
  await expect(shopsPage.navTabs()).toHaveText(['订单', '商品与卡库', '规则检查7', '发货记录', '凭证']);
  await expect(shopsPage.shopSelect()).toContainText('默认店铺');

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
