/**
 * Screenshots to look at (1280 and 375 px views of each new page). They assert nothing: a developer
 * views them locally. CI has nobody to look at them, so there they are taken only when
 * E2E_SCREENSHOTS=1 (Playwright still keeps one of every failure: screenshot "only-on-failure").
 */
import { test, type Page } from "@playwright/test";

const TAKEN = !process.env.CI || process.env.E2E_SCREENSHOTS === "1";

export async function capture(page: Page, fileName: string, { fullPage = true }: { fullPage?: boolean } = {}): Promise<void> {
  if (!TAKEN) return;
  await page.screenshot({ path: test.info().outputPath(fileName), fullPage });
}

/** Full-page screenshots at 1280 and 375 px wide (`<name>-1280.png`, `<name>-375.png`); the viewport is put back as it was. */
export async function screenshotsAt(page: Page, name: string): Promise<void> {
  if (!TAKEN) return;
  const viewport = page.viewportSize();
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await capture(page, `${name}-${width}.png`);
  }
  if (viewport) await page.setViewportSize(viewport);
}
