/** Issue #3's demo: the Ain loaded through the importers, visible on the public pages. */
import { expect, test } from "./fixtures";

test("a demo commune shows its coverage, its sources and the demo notice", async ({ page, expectAccessible }) => {
  await page.goto("/");
  await page.getByRole("combobox", { name: /Rechercher une adresse/ }).fill("bourg en bresse");
  await page.getByRole("option", { name: /Bourg-en-Bresse \(01\)/ }).click();
  await expect(page).toHaveURL(/\/commune\/01053$/);

  await expect(page.getByRole("note", { name: "Données de démonstration" })).toContainText("générés pour présenter le service");
  const coverage = page.getByRole("region", { name: "Couverture en fibre" });
  await expect(coverage).toContainText(/\d[\d\u202f ]* adresses connues/);
  await expect(coverage).toContainText(/\d+\u00a0% des adresses peuvent commander la fibre/);
  const table = coverage.getByRole("table", { name: /nombre et part des adresses par technologie et par niveau/ });
  await expect(table.getByRole("columnheader", { name: "Disponible", exact: true })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "FttE" })).toBeVisible();
  await expect(coverage).toContainText("IPE LIAIN (démo) du 15/11/2026");
  await expect(coverage).toContainText("Arcep Carte fibre (démo) du 30/09/2026");
  await expectAccessible();
});
