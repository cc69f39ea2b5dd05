/**
 * Issue #16: /etablissement/<siret> on the demo's SIRENE establishments (lib/demo/sirene.ts) — a
 * linked one leads to its address's answer, named there; an unmatched one says so on its own page;
 * a non-diffusible one is the same 404 as a SIRET nobody has.
 */
import { DEMO_SIRETS } from "../lib/demo/sirene";
import { expect, test } from "./fixtures";
import { screenshotsAt } from "./capture";

test("a linked SIRET opens its address's answer, naming the establishment; a SIRET of another address is ignored there", async ({ page, expectAccessible }) => {
  await page.goto(`/etablissement/${DEMO_SIRETS.banId.replace(/^(\d{3})(\d{3})(\d{3})/, "$1 $2 $3 ")}`);
  await expect(page).toHaveURL(new RegExp(`/adresse/01053_v\\w+_\\d{5}\\?siret=${DEMO_SIRETS.banId}$`));
  await expect(page.getByText("Établissement : BOULANGERIE DU CENTRE — SIRET 910 000 017 00012")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("01000 Bourg-en-Bresse");
  await expect(page.getByRole("region", { name: "Que faire maintenant ?" })).toBeVisible();
  await expectAccessible();

  await page.goto(page.url().replace(DEMO_SIRETS.banId, DEMO_SIRETS.address));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("01000 Bourg-en-Bresse");
  await expect(page.getByText(/^Établissement :/)).toHaveCount(0);
});

test("an unmatched establishment gets a page saying its address could not be matched, with its commune", async ({ page, expectAccessible }) => {
  const response = await page.goto(`/etablissement/${DEMO_SIRETS.unmatched}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ATELIER DU LAVOIR");
  await expect(page.getByText("SIRET 910 000 041 00012")).toBeVisible();
  const unmatched = page.getByRole("region", { name: "Adresse non rattachée avec certitude" });
  await expect(unmatched).toContainText(/situe cet établissement au 999 \w+ .+, 01000 BOURG-EN-BRESSE/);
  await expect(page.getByRole("link", { name: "la page de Bourg-en-Bresse" })).toHaveAttribute("href", "/commune/01053");
  await expectAccessible();
  await screenshotsAt(page, "establishment-unmatched");
});

test("a non-diffusible SIRET is the same 404 as an unknown or malformed one", async ({ page }) => {
  const texts: string[] = [];
  for (const siret of [DEMO_SIRETS.nonDiffusible, DEMO_SIRETS.closed, "91099999900019", "not-a-siret"]) {
    const response = await page.goto(`/etablissement/${siret}`);
    expect(response?.status(), siret).toBe(404);
    texts.push(await page.locator("main").innerText());
  }
  expect(new Set(texts).size).toBe(1);
  expect(texts[0]).toContain("Page introuvable");
});
