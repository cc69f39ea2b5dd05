/**
 * Shared test fixtures: `expectAccessible()` runs axe (WCAG 2.1 A and AA) on the current page;
 * every page answers map tile requests (MAP_TILE_URL points at a .invalid host) with a blank
 * tile, so no test depends on the network; and a test fails if the browser reported any
 * Content-Security-Policy violation on its pages (proxy.ts sets the policy).
 */
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

interface Fixtures {
  expectAccessible: () => Promise<void>;
}

/** A 1×1 transparent PNG. */
const BLANK_TILE = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
export const TILE_HOST = /tiles\.fibre-pro\.invalid/;

/**
 * axe on the page and its same-origin frames (the app has no other kind), in axe.run's "legacy"
 * mode: the default mode runs each frame apart, then opens a blank page to merge the results,
 * which costs two to three times as long for the same rules. Only violations are asked for.
 */
export function axeOn(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ["violations"] });
}

/** axe (WCAG 2.1 A and AA) on any page, e.g. a second browser context's. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await axeOn(page).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export const test = base.extend<Fixtures>({
  page: async ({ page }, provide) => {
    await page.route(TILE_HOST, (route) => route.fulfill({ status: 200, contentType: "image/png", body: BLANK_TILE }));
    const violations: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
    });
    await provide(page);
    expect(violations, "Content-Security-Policy violations").toEqual([]);
  },
  expectAccessible: async ({ page }, provide) => {
    await provide(() => expectNoAxeViolations(page));
  },
});

export { expect };
