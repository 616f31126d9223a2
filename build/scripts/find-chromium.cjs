// The browser the UI suites drive in browser mode, or null — shared by `npm test`
// (build/scripts/test.mjs), playwright.config.ts and the E2E fixtures. In this order:
//   1. $VSHIP_CHROMIUM or $CHROMIUM_PATH, when the file exists;
//   2. a system Chromium: Debian's /usr/bin/chromium, chromium-browser, the snap, `chromium` on
//      PATH, /Applications/Chromium.app on macOS;
//   3. an installed Google Chrome or Microsoft Edge, launched through playwright-core's channels
//      ('chrome', 'msedge'), looked for where playwright-core itself looks;
//   4. a Chromium that `npx playwright install chromium` downloaded.
// VSHIP_CHROMIUM=none pretends no browser is installed (to see the UI suites skip).
// Nothing is downloaded or installed here.
const fs = require('node:fs');
const path = require('node:path');

/** The one line printed when no browser is found (Chinese, then English). */
const NO_CHROMIUM =
  '未找到 Chromium：在 Debian/Ubuntu 上运行 sudo apt install chromium；在 Windows/macOS 上安装 Chrome 或 Edge（或设置 VSHIP_CHROMIUM=浏览器路径），浏览器界面测试已跳过'
  + ' / No Chromium found: on Debian/Ubuntu run `sudo apt install chromium`; on Windows/macOS install Chrome or Edge'
  + ' (or set VSHIP_CHROMIUM to a browser executable); browser UI suites skipped';

/** Where playwright-core looks for each channel (its registry's `lookAt`); on Windows under each program folder. */
const CHANNELS = [
  ['chrome', { linux: '/opt/google/chrome/chrome', darwin: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', win32: '\\Google\\Chrome\\Application\\chrome.exe' }],
  ['msedge', { linux: '/opt/microsoft/msedge/msedge', darwin: '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge', win32: '\\Microsoft\\Edge\\Application\\msedge.exe' }],
];

const SYSTEM_CHROMIUM = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'],
  darwin: ['/Applications/Chromium.app/Contents/MacOS/Chromium'],
  win32: [],
};

function defaultExists(file) {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The executable of Playwright's own Chromium (whether downloaded or not), or null. */
function defaultPlaywrightChromium() {
  try {
    return require('playwright-core').chromium.executablePath() || null;
  } catch {
    return null;
  }
}

/**
 * @param {object} [o]
 * @param {Record<string, string | undefined>} [o.env] default process.env
 * @param {string} [o.platform] default process.platform
 * @param {(file: string) => boolean} [o.exists] default: an existing file
 * @param {() => string | null} [o.playwrightChromium] default: playwright-core's chromium.executablePath()
 */
function findChromium(o = {}) {
  const env = o.env ?? process.env;
  const platform = o.platform ?? process.platform;
  const exists = o.exists ?? defaultExists;
  const p = platform === 'win32' ? path.win32 : path.posix;

  if (env.VSHIP_CHROMIUM === 'none') return null;
  for (const name of ['VSHIP_CHROMIUM', 'CHROMIUM_PATH']) {
    const v = env[name];
    if (v && exists(v)) return { executablePath: v, source: name };
  }
  for (const file of SYSTEM_CHROMIUM[platform] ?? []) if (exists(file)) return { executablePath: file, source: 'system' };
  if (platform !== 'win32') {
    for (const dir of (env.PATH ?? '').split(':').filter(Boolean)) {
      for (const exe of ['chromium', 'chromium-browser']) {
        const file = p.join(dir, exe);
        if (exists(file)) return { executablePath: file, source: 'system' };
      }
    }
  }
  for (const [channel, lookAt] of CHANNELS) {
    const suffix = lookAt[platform];
    if (!suffix) continue;
    const prefixes = platform === 'win32'
      ? [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.HOMEDRIVE && `${env.HOMEDRIVE}\\Program Files`, env.HOMEDRIVE && `${env.HOMEDRIVE}\\Program Files (x86)`].filter(Boolean)
      : [''];
    for (const prefix of prefixes) {
      const file = platform === 'win32' ? p.join(prefix, suffix) : suffix;
      if (exists(file)) return { executablePath: file, channel, source: 'channel' };
    }
  }
  const own = (o.playwrightChromium ?? defaultPlaywrightChromium)();
  if (own && exists(own)) return { executablePath: own, source: 'playwright' };
  return null;
}

/** Playwright launch options for what findChromium found: a channel by name, else the executable. */
function chromiumLaunchOptions(found) {
  if (!found) return {};
  return found.channel ? { channel: found.channel } : { executablePath: found.executablePath };
}

module.exports = { findChromium, chromiumLaunchOptions, NO_CHROMIUM };
