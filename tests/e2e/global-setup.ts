/**
 * Runs once before the UI suites: where no browser is found, prints the one line saying what to
 * install (the `web` page tests then report themselves skipped). `npm test` prints that line
 * itself, after the suites, and sets VSHIP_CHROMIUM_NOTICE=0 so it is not printed twice.
 */
import { findChromium, NO_CHROMIUM } from '../../build/scripts/find-chromium.cjs';

export default function globalSetup(): void {
  if (process.env.VSHIP_CHROMIUM_NOTICE !== '0' && !findChromium()) process.stdout.write(`[web] ${NO_CHROMIUM}\n`);
}
