/** Checks a person would make on any page: reaching a control with the keyboard. */
import type { Locator, Page } from "@playwright/test";
import { expect } from "./admin-fixtures";

/** Presses Tab until `target` has the focus (at most `max` times): it is reachable with the keyboard. */
export async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let step = 0; step < max && !(await target.evaluate((element) => element === document.activeElement)); step += 1) {
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}
