/**
 * Screenshots for review: written under the test's folder in test-results/, the project
 * (web / electron) in the file name, and attached to the report under `name`.
 */
import type { Page, TestInfo } from '@playwright/test';

/** The window sizes `screens` shoots at: a common laptop and a full-HD monitor. */
export const SCREEN_SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** One screenshot of the page as it is, `<name>-<project>.png`, attached as `name`. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}-${testInfo.project.name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** One screenshot per size of SCREEN_SIZES (`<name>-1366x768`, ...), then the size is put back. */
export async function screens(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const before = page.viewportSize();
  try {
    for (const size of SCREEN_SIZES) {
      await page.setViewportSize(size);
      await screenshot(page, testInfo, `${name}-${size.width}x${size.height}`);
    }
  } finally {
    if (before) await page.setViewportSize(before);
  }
}
