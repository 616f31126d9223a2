import { defineConfig } from '@playwright/test';
import type { VShipOptions } from './tests/e2e/fixtures';

/**
 * End-to-end suites against the built app (`npm run build` first). Two projects run the same
 * specs: `web` drives browser mode in the system Chromium, `electron` drives the desktop shell
 * and reports itself skipped where no Electron binary is installed.
 */
export default defineConfig<VShipOptions>({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  workers: 1, // 2-core machines: one app + one browser at a time
  retries: 0,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The CI script sums passed/failed/skipped from the JSON report.
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.VSHIP_CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    { name: 'web', use: { vshipHost: 'web' } },
    { name: 'electron', use: { vshipHost: 'electron' } },
  ],
});
