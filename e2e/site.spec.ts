/** The frame of the site: footer pages, small screens, health and API errors. */
import { expect, test } from "./fixtures";

test("the footer pages are reachable and accessible", async ({ page, expectAccessible }) => {
  await page.goto("/");
  const footer = page.getByRole("contentinfo");
  for (const [link, heading] of [
    ["Sources des données", "Sources des données"],
    ["Licence et réutilisation", "Licence et réutilisation"],
    ["Accessibilité : non conforme", "Déclaration d'accessibilité"],
  ] as const) {
    await footer.getByRole("link", { name: link }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expectAccessible();
  }
});

test("the skip link leads to the content", async ({ page }) => {
  await page.goto("/sources");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Aller au contenu" });
  await expect(skip).toBeFocused();
  await skip.press("Enter");
  await expect(page).toHaveURL(/#contenu$/);
});

test.describe("on a 360 px wide phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("pages fit the screen without sideways scrolling", async ({ page, expectAccessible }) => {
    for (const path of ["/", "/commune/42218", "/recherche?q=saint"]) {
      await page.goto(path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(360);
    }
    await expectAccessible();
  });
});

test("health answers with the database and the version", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: { reachable: true } });
});

test("the search API refuses an empty query with problem+json", async ({ request }) => {
  const response = await request.get("/api/v1/search?q=");
  expect(response.status()).toBe(400);
  expect(response.headers()["content-type"]).toBe("application/problem+json");
  expect(await response.json()).toMatchObject({ status: 400, invalid_params: [{ name: "q" }] });
});

test("every example of the OpenAPI document answers on the demo data", async ({ request }) => {
  const document = await (await request.get("/api/v1/openapi.json")).json();
  const examples = new Set<string>();
  for (const [path, item] of Object.entries<Record<string, { description: string; parameters: { in: string; example?: string }[] }>>(document.paths)) {
    for (const operation of Object.values(item)) {
      const example = /Exemple : `GET ([^`]+)`/.exec(operation.description)?.[1];
      if (example) examples.add(example);
      // A path parameter's example, put in its path.
      const pathExample = operation.parameters.filter((parameter) => parameter.in === "path").map((parameter) => parameter.example);
      if (pathExample.length) examples.add(pathExample.reduce<string>((filled, value) => filled.replace(/\{[^}]+\}/, value!), path));
    }
  }
  expect(examples.size).toBeGreaterThan(10);
  for (const example of examples) expect((await request.get(example)).status(), example).toBe(200);
});
