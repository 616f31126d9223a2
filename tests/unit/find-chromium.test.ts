import { describe, it, expect } from 'vitest';
import { chromiumLaunchOptions, findChromium, NO_CHROMIUM, type FindChromiumOptions } from '../../build/scripts/find-chromium.cjs';

/** A machine with only `files` on disk (no Playwright download unless given). */
const on = (platform: string, files: string[], env: Record<string, string> = {}, playwright: string | null = null): FindChromiumOptions => ({
  platform, env, exists: (f) => files.includes(f), playwrightChromium: () => playwright,
});

describe('findChromium', () => {
  it("takes Debian's /usr/bin/chromium, then chromium-browser, the snap, or chromium on PATH", () => {
    expect(findChromium(on('linux', ['/usr/bin/chromium', '/usr/bin/chromium-browser']))).toEqual({ executablePath: '/usr/bin/chromium', source: 'system' });
    expect(findChromium(on('linux', ['/usr/bin/chromium-browser']))?.executablePath).toBe('/usr/bin/chromium-browser');
    expect(findChromium(on('linux', ['/snap/bin/chromium']))?.executablePath).toBe('/snap/bin/chromium');
    expect(findChromium(on('linux', ['/home/u/bin/chromium'], { PATH: '/usr/local/bin:/home/u/bin' }))?.executablePath).toBe('/home/u/bin/chromium');
  });

  it('prefers $VSHIP_CHROMIUM, then $CHROMIUM_PATH, when the file exists; VSHIP_CHROMIUM=none finds nothing', () => {
    const files = ['/usr/bin/chromium', '/opt/my/chrome', '/opt/other/chrome'];
    expect(findChromium(on('linux', files, { VSHIP_CHROMIUM: '/opt/my/chrome', CHROMIUM_PATH: '/opt/other/chrome' }))).toEqual({ executablePath: '/opt/my/chrome', source: 'VSHIP_CHROMIUM' });
    expect(findChromium(on('linux', files, { CHROMIUM_PATH: '/opt/other/chrome' }))).toEqual({ executablePath: '/opt/other/chrome', source: 'CHROMIUM_PATH' });
    expect(findChromium(on('linux', files, { VSHIP_CHROMIUM: '/gone/chrome' }))?.executablePath).toBe('/usr/bin/chromium');
    expect(findChromium(on('linux', files, { VSHIP_CHROMIUM: 'none' }))).toBeNull();
  });

  it('uses an installed Chrome or Edge on Windows through the chrome / msedge channels, where playwright-core looks', () => {
    const env = { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local', PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' };
    expect(findChromium(on('win32', ['C:\\Users\\u\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe'], env)))
      .toEqual({ executablePath: 'C:\\Users\\u\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe', channel: 'chrome', source: 'channel' });
    expect(findChromium(on('win32', ['C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'], env)))
      .toMatchObject({ channel: 'msedge', executablePath: 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe' });
    expect(findChromium(on('win32', ['D:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe'], { HOMEDRIVE: 'D:' }))?.channel).toBe('msedge');
    // Chrome before Edge when both are there.
    expect(findChromium(on('win32', ['C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'], env))?.channel).toBe('chrome');
  });

  it('uses Chromium, Chrome or Edge on macOS', () => {
    expect(findChromium(on('darwin', ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome']))?.source).toBe('system');
    expect(findChromium(on('darwin', ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome']))?.channel).toBe('chrome');
    expect(findChromium(on('darwin', ['/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge']))?.channel).toBe('msedge');
    expect(findChromium(on('linux', ['/opt/google/chrome/chrome']))?.channel).toBe('chrome');
  });

  it("falls back to Playwright's downloaded Chromium, and finds nothing on a bare machine", () => {
    const pw = '/home/u/.cache/ms-playwright/chromium-1/chrome-linux64/chrome';
    expect(findChromium(on('linux', [pw], {}, pw))).toEqual({ executablePath: pw, source: 'playwright' });
    expect(findChromium(on('linux', [], {}, pw))).toBeNull(); // not downloaded
    expect(findChromium(on('win32', [], { PROGRAMFILES: 'C:\\Program Files' }))).toBeNull();
    expect(findChromium(on('darwin', []))).toBeNull();
  });

  it('gives Playwright a channel for Chrome/Edge and an executable otherwise', () => {
    expect(chromiumLaunchOptions({ executablePath: '/usr/bin/chromium', source: 'system' })).toEqual({ executablePath: '/usr/bin/chromium' });
    expect(chromiumLaunchOptions({ executablePath: 'C:\\x\\msedge.exe', channel: 'msedge', source: 'channel' })).toEqual({ channel: 'msedge' });
    expect(chromiumLaunchOptions(null)).toEqual({});
  });

  it('says in one line what to install, in Chinese and English', () => {
    expect(NO_CHROMIUM).not.toMatch(/\n/);
    expect(NO_CHROMIUM).toContain('sudo apt install chromium');
    expect(NO_CHROMIUM).toMatch(/Chrome 或 Edge/);
    expect(NO_CHROMIUM).toMatch(/install Chrome or Edge/);
  });
});
