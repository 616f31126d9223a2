/**
 * A measurement, not a test of timings (skipped unless VSHIP_FLING=1): scripted wheel flings over
 * a 50,000-order shop, counting the placeholder (skeleton) rows seen inside the grid on each
 * animation frame. Prints frames with placeholders, the rows seen and the longest stretch.
 *   VSHIP_FLING=1 [VSHIP_FLING_DELAY_MS=150] npx playwright test tests/e2e/grid-fling.spec.ts --project=web
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../main/core/db/open';
import { importOrderFiles } from '../../main/core/services/import';
import { ensureDefaultShop } from '../../main/core/services/shops';
import { generateOrders, toCsv } from '../fixtures/orders';
import { expect, test as base } from './fixtures';

const COUNT = 50_000;

const test = base.extend({
  // The shop is written to the data folder before the host opens it (an import through the
  // window would take most of the run).
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'vship-e2e-fling-'));
    const db = openDatabase(dir);
    const shopId = ensureDefaultShop(db).id;
    importOrderFiles(db, shopId, [{ name: 'o.csv', bytes: toCsv(generateOrders({ count: COUNT, seed: 50 })) }], { shipPromiseHours: 48 });
    db.close();
    await use(dir);
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  },
});

test.use({ viewport: { width: 1366, height: 768 } });
test.skip(!process.env.VSHIP_FLING, 'a measurement: VSHIP_FLING=1 to run it');
test.setTimeout(300_000);

interface Sample { frames: number; placeholderFrames: number; rowsSeen: number; longestMs: number; totalMs: number }

test('flings over 50,000 orders: placeholder rows seen', async ({ page }) => {
  // VSHIP_FLING_DELAY_MS: each orders.list answer held back that long (a slower machine, a busy core).
  const delay = Number(process.env.VSHIP_FLING_DELAY_MS ?? 0);
  if (delay > 0) {
    await page.route('**/api/invoke/orders.list', async (route) => {
      const res = await route.fetch();
      await new Promise((r) => setTimeout(r, delay));
      // The page may be gone by now (the run ended): nothing to answer.
      await route.fulfill({ response: res }).catch(() => undefined);
    });
  }
  const grid = page.getByTestId('orders-grid');
  await expect(grid).toHaveAttribute('data-total', String(COUNT), { timeout: 60_000 });
  await expect(page.getByTestId('order-row-loading')).toHaveCount(0);
  const box = (await grid.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);

  // The sampler runs in the page (a string: this file is compiled without the DOM's types).
  await page.evaluate(`(() => {
    const s = { frames: 0, placeholderFrames: 0, rowsSeen: 0, longestMs: 0, totalMs: 0, on: false, since: 0, stop: false };
    window.__fling = s;
    const el = document.querySelector('[data-testid=orders-grid]');
    const tick = (t) => {
      if (s.stop) return;
      const view = el.getBoundingClientRect();
      const seen = Array.from(el.querySelectorAll('[data-testid=order-row-loading]')).filter((r) => {
        const b = r.getBoundingClientRect();
        return b.bottom > view.top + 38 && b.top < view.bottom;
      }).length;
      s.frames++;
      if (seen > 0) {
        s.placeholderFrames++;
        s.rowsSeen += seen;
        if (!s.on) { s.on = true; s.since = t; }
      } else if (s.on) {
        s.on = false;
        s.longestMs = Math.max(s.longestMs, t - s.since);
        s.totalMs += t - s.since;
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);

  // Ten flings: six down, four up, each 12 wheel steps of 1,200 px (about 400 rows), then a rest.
  for (let f = 0; f < 10; f++) {
    const dir = f < 6 ? 1 : -1;
    for (let i = 0; i < 12; i++) {
      await page.mouse.wheel(0, dir * 1200);
      await page.waitForTimeout(16);
    }
    await page.waitForTimeout(500);
  }
  // A scrollbar-like jump to the middle and a rest (what a drag ends in).
  await grid.evaluate((el) => { el.scrollTop = el.scrollHeight / 2; });
  await page.waitForTimeout(800);

  const s = await page.evaluate<Sample>('(() => { window.__fling.stop = true; return window.__fling; })()');
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  console.log(`FLING ${JSON.stringify({ delay, frames: s.frames, placeholderFrames: s.placeholderFrames, rowsSeen: s.rowsSeen, longestMs: Math.round(s.longestMs), totalMs: Math.round(s.totalMs) })}`);
  expect(s.frames).toBeGreaterThan(0);
});
