import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions, findChromium } from './build/scripts/find-chromium.cjs';
import type { VShipOptions } from './tests/e2e/fixtures';

/** The browser of the `web` project (build/scripts/find-chromium.cjs); null: its UI tests skip. */
const chromium = findChromium();
/** The runner's own test points the suite at a tiny fixture project (see vitest.config.ts). */
const project = process.env.VSHIP_TEST_PROJECT;

/**
 * End-to-end suites against the built app (`npm run build` first). Two projects run the same
 * specs: `web` drives browser mode in the Chromium (or Chrome, Edge) find-chromium.cjs finds, and
 * reports its page tests skipped, with one line saying what to install, where there is none;
 * `electron` drives the desktop shell and reports itself skipped where no Electron binary is installed.
 */
export default defineConfig<VShipOptions>({
  testDir: project ?? 'tests/e2e',
  outputDir: process.env.VSHIP_TEST_RESULTS ?? 'test-results',
  workers: 1, // 2-core machines: one app + one browser at a time
  retries: 0,
  fullyParallel: false,
  // A stray `.only` fails the run, here as in CI, instead of silently shrinking it.
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The CI script sums passed/failed/skipped from the JSON report.
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/e2e.json' }]],
  // Prints the one line of what to install when no browser is found (once, not per test).
  globalSetup: './tests/e2e/global-setup.ts',
  use: {
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    vshipChromium: chromium,
    launchOptions: {
      ...chromiumLaunchOptions(chromium),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    { name: 'web', use: { vshipHost: 'web' } },
    { name: 'electron', use: { vshipHost: 'electron' } },
  ],
});
