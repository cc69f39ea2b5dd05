/** Shared test fixtures: `expectAccessible()` runs axe (WCAG 2.1 A and AA) on the current page. */
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect } from "@playwright/test";

interface Fixtures {
  expectAccessible: () => Promise<void>;
}

export const test = base.extend<Fixtures>({
  expectAccessible: async ({ page }, provide) => {
    await provide(async () => {
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const summary = results.violations.map(
        (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`,
      );
      expect(summary, `axe violations on ${page.url()}`).toEqual([]);
    });
  },
});

export { expect };
