/** Checks a person would make on any page: reaching a control with the keyboard, looking at it at 1280 and 375 px. */
import type { Locator, Page } from "@playwright/test";
import { expect } from "./admin-fixtures";
import { capture } from "./capture";

/** Full-page screenshots at 1280 and 375 px wide, kept with the test's output. */
export async function screenshotsAt(page: Page, name: string): Promise<void> {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await capture(page, `${name}-${width}.png`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Presses Tab until `target` has the focus (at most `max` times): it is reachable with the keyboard. */
export async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let step = 0; step < max && !(await target.evaluate((element) => element === document.activeElement)); step += 1) {
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}
