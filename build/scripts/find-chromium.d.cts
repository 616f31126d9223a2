/** A browser the UI suites can drive: an executable, launched by path or through a playwright-core channel. */
export interface FoundChromium {
  executablePath: string;
  /** set for an installed Chrome or Edge: Playwright launches it by channel */
  channel?: 'chrome' | 'msedge';
  /** how it was found */
  source: 'VSHIP_CHROMIUM' | 'CHROMIUM_PATH' | 'system' | 'channel' | 'playwright';
}

export interface FindChromiumOptions {
  env?: Record<string, string | undefined>;
  platform?: string;
  exists?: (file: string) => boolean;
  playwrightChromium?: () => string | null;
}

/** The browser for the UI suites (see find-chromium.cjs for the order), or null when none is installed. */
export declare function findChromium(o?: FindChromiumOptions): FoundChromium | null;
/** `{ channel }` or `{ executablePath }` for Playwright's launch options; `{}` for null. */
export declare function chromiumLaunchOptions(found: FoundChromium | null): { channel?: string; executablePath?: string };
/** The one line printed when no browser is found (Chinese, then English). */
export declare const NO_CHROMIUM: string;
