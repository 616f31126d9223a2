/**
 * End-to-end fixtures: every test gets a fresh data folder and a page showing the built app,
 * in browser mode (project `web`) or in the desktop shell (project `electron`), plus the page
 * models of ./pages wrapping that page. Build first: `npm run build`.
 */
import { _electron, test as base, expect, type Browser, type Page, type TestInfo } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronBinary } from '../../build/scripts/electron-binary.cjs';
import { ELECTRON_SQLITE_HELP, electronSqlite } from '../../build/scripts/electron-sqlite.cjs';
import { NO_CHROMIUM, type FoundChromium } from '../../build/scripts/find-chromium.cjs';
import { AllocationPage, ExportPage, FindingsPage, ImportPage, OrdersPage, ProductsPage, RulesPage, ShopsPage, StockPage } from './pages';

const root = join(__dirname, '..', '..');
const WEB_HOST_SCRIPT = join(root, 'out', 'main', 'web.cjs');
const APP_SCRIPT = join(root, 'out', 'main', 'app.cjs');

export interface VShipOptions {
  /** Which host shows the app: set per project in playwright.config.ts. */
  vshipHost: 'web' | 'electron';
  /** The browser of browser mode (find-chromium.cjs, set in playwright.config.ts); null: the `web` page tests skip. */
  vshipChromium: FoundChromium | null;
}

/** A running browser-mode host: its address (with the token) and the token alone. */
export interface WebHostInfo {
  url: string;
  origin: string;
  port: number;
  token: string;
}

interface TestFixtures {
  /** More arguments for `web.cjs` (e.g. `--read-only`); none unless a spec sets them with test.use. */
  webHostArgs: string[];
  /** A fresh, empty data folder (mkdtemp), removed after the test. */
  dataDir: string;
  /** The app's window: browser mode in Chromium (`web`) or the Electron window (`electron`). */
  page: Page;
  /** The browser-mode host serving `page` (started on its own if the test needs no page); skips under `electron`. */
  webHost: WebHostInfo;
  /** Starts the browser-mode host on `dataDir` once per test, whoever asks first; stops it after. */
  launchWebHost: () => Promise<WebHostInfo>;
}

interface WorkerFixtures extends VShipOptions {
  /** One Chromium per worker, launched on first use with the config's launchOptions. */
  sharedChromium: () => Promise<Browser>;
}

const NO_ELECTRON = 'Electron binary not installed: desktop suite skipped';
let skipNoticeShown = false;

const hostTest = base.extend<TestFixtures, WorkerFixtures>({
  vshipHost: ['web', { option: true, scope: 'worker' }],
  vshipChromium: [null, { option: true, scope: 'worker' }],

  sharedChromium: [
    async ({ playwright, launchOptions, headless }, use) => {
      let browser: Promise<Browser> | undefined;
      await use(() => (browser ??= playwright.chromium.launch({ ...launchOptions, headless })));
      if (browser) await (await browser).close();
    },
    { scope: 'worker' },
  ],

  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'vship-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  },

  webHostArgs: [[], { option: true }],

  launchWebHost: async ({ dataDir, webHostArgs }, use, testInfo) => {
    let host: Promise<Awaited<ReturnType<typeof startWebHost>>> | undefined;
    await use(async () => (await (host ??= startWebHost(dataDir, webHostArgs))).info);
    if (!host) return;
    const running = await host.catch(() => undefined);
    if (!running) return;
    await running.stop();
    await attachLogOnFailure(testInfo, 'web-host.log', running.log());
  },

  webHost: async ({ vshipHost, launchWebHost }, use, testInfo) => {
    if (vshipHost !== 'web') testInfo.skip(true, 'browser mode only');
    await use(await launchWebHost());
  },

  page: async ({ vshipHost, vshipChromium, sharedChromium, launchWebHost, dataDir, viewport, locale, timezoneId }, use, testInfo) => {
    if (vshipHost === 'electron') {
      const electron = electronBinary();
      if (!electron) {
        if (!skipNoticeShown) process.stdout.write(`[electron] ${NO_ELECTRON}\n`);
        skipNoticeShown = true;
        testInfo.skip(true, NO_ELECTRON);
        return;
      }
      requireBuilt(APP_SCRIPT);
      if (!electronLoadsSqlite(electron)) throw new Error(ELECTRON_SQLITE_HELP);
      const env: Record<string, string> = {};
      for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
      const app = await _electron.launch({ args: [APP_SCRIPT, '--data-dir', dataDir], cwd: root, env });
      let log = '';
      app.process().stdout?.on('data', (d: Buffer) => (log += d.toString()));
      app.process().stderr?.on('data', (d: Buffer) => (log += d.toString()));
      try {
        const page = await app.firstWindow();
        await page.waitForLoadState('domcontentloaded');
        await use(page);
      } finally {
        await app.close();
        await attachLogOnFailure(testInfo, 'electron-main.log', log);
      }
      return;
    }

    // No browser here: skipped, not failed; the one line of what to install is printed once (global-setup.ts, npm test).
    if (!vshipChromium) {
      testInfo.skip(true, NO_CHROMIUM);
      return;
    }
    const host = await launchWebHost();
    const browser = await sharedChromium();
    const context = await browser.newContext({ viewport, locale, timezoneId });
    try {
      const page = await context.newPage();
      await page.goto(host.url);
      await use(page);
    } finally {
      await context.close();
    }
  },
});

/** The page models, one per screen, each wrapping the test's `page`. */
interface PageFixtures {
  importPage: ImportPage;
  ordersPage: OrdersPage;
  productsPage: ProductsPage;
  stockPage: StockPage;
  allocationPage: AllocationPage;
  shopsPage: ShopsPage;
  findingsPage: FindingsPage;
  rulesPage: RulesPage;
  exportPage: ExportPage;
}

export const test = hostTest.extend<PageFixtures>({
  importPage: async ({ page }, use) => use(new ImportPage(page)),
  ordersPage: async ({ page }, use) => use(new OrdersPage(page)),
  productsPage: async ({ page }, use) => use(new ProductsPage(page)),
  stockPage: async ({ page }, use) => use(new StockPage(page)),
  allocationPage: async ({ page }, use) => use(new AllocationPage(page)),
  shopsPage: async ({ page }, use) => use(new ShopsPage(page)),
  findingsPage: async ({ page }, use) => use(new FindingsPage(page)),
  rulesPage: async ({ page }, use) => use(new RulesPage(page)),
  exportPage: async ({ page }, use) => use(new ExportPage(page)),
});

export { expect };

export { dropFiles, type DropFile } from './drop';

export { electronBinary };

let sqliteProbe: boolean | undefined;

/** Whether the Electron binary can load a better-sqlite3 build (native/'s or node_modules'); asked once per worker. */
function electronLoadsSqlite(exe: string): boolean {
  sqliteProbe ??= electronSqlite(exe, root).ok;
  return sqliteProbe;
}

function requireBuilt(file: string): void {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
}

/** Spawns `node out/main/web.cjs` on the data folder and waits for its `VSHIP_URL=` line. */
async function startWebHost(dataDir: string, extraArgs: readonly string[] = []): Promise<{ info: WebHostInfo; log(): string; stop(): Promise<void> }> {
  requireBuilt(WEB_HOST_SCRIPT);
  const child = spawn(process.execPath, [WEB_HOST_SCRIPT, '--data-dir', dataDir, '--port', '0', '--no-open', ...extraArgs], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host printed no VSHIP_URL within 30 s:\n${log}`)), 30_000);
    child.stdout.on('data', (d: Buffer) => {
      log += d.toString();
      const match = /^VSHIP_URL=(\S+)/m.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited (code ${code}) before printing VSHIP_URL:\n${log}`));
    });
    child.once('error', reject);
  }).catch((err: unknown) => {
    child.kill('SIGKILL');
    throw err;
  });
  const parsed = new URL(url);
  const token = /^\/t\/([^/]+)\//.exec(parsed.pathname)?.[1] ?? '';
  return {
    info: { url, origin: parsed.origin, port: Number(parsed.port), token },
    log: () => log,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM'); // the host closes the database on SIGTERM
      const killed = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killed);
    },
  };
}

async function attachLogOnFailure(testInfo: TestInfo, name: string, log: string): Promise<void> {
  if (testInfo.status !== testInfo.expectedStatus && log) await testInfo.attach(name, { body: log, contentType: 'text/plain' });
}
