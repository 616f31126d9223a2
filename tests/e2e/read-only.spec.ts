import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateOrders, toCsv } from '../fixtures/orders';
import { expect, test as base } from './fixtures';
import { screens } from './screenshot';

/** A data folder with 30 orders in it, opened read-only: the banner, the orders, and a change refused. */
const test = base.extend({
  dataDir: async ({ dataDir }, use) => {
    const file = join(dataDir, 'orders.csv');
    writeFileSync(file, toCsv(generateOrders({ count: 30, seed: 7, statusMix: 'all-shippable' })));
    const r = spawnSync(process.execPath, [join(__dirname, '..', '..', 'bin', 'vship.cjs'), 'import', file, '--data-dir', dataDir], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    await use(dataDir);
  },
});
test.use({ webHostArgs: ['--read-only'] });

test('a read-only data folder shows its orders under a banner, and a change says why it cannot be made', async ({ page, vshipHost }, testInfo) => {
  test.skip(vshipHost !== 'web', '--read-only is a browser-mode flag');
  await expect(page.getByTestId('read-only-banner')).toContainText('数据文件夹是只读的：只能查看，不能修改');
  await expect(page.getByTestId('status-read-only')).toBeVisible();
  await expect(page.getByText(/^\d{6}-\d{15}$/).first()).toBeVisible();
  await screens(page, testInfo, 'read-only');
  await page.getByTestId('fill-run').click();
  await expect(page.getByText('数据文件夹是只读的：可以查看，但不能修改').first()).toBeVisible();
});
