/**
 * Issue #14: the business answer on the demo territory — an address where FttH and FttH pro can be
 * ordered (operators with links), one whose zone has FttO published, one where nothing is announced
 * (FttO « sur étude » labelled a general rule), a zone page led by its headline; keyboard journey
 * with focus moved to the next steps; axe on every page; screenshots at 1280 and 375 px.
 */
import { expect, test } from "./fixtures";
import { capture } from "./capture";

const AVAILABLE = "01053_v001_00012";
const IN_ZONE = "01053_v00o_00001";
const NOTHING = "01001_v000_00004";

async function shoot(page: import("@playwright/test").Page, name: string) {
  await capture(page, `${name}-1280.png`, { fullPage: false });
  await page.setViewportSize({ width: 375, height: 800 });
  await capture(page, `${name}-375.png`, { fullPage: false });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("FttH available: the answer leads, business offers through the directory, operators with links", async ({ page, expectAccessible }) => {
  await page.goto(`/adresse/${AVAILABLE}`);
  const headline = page.getByRole("region", { name: "Vous pouvez commander une offre fibre professionnelle" });
  await expect(headline).toBeVisible();
  await expect(headline).toContainText(/FttH pro via .*Orange/);
  const summary = headline.getByRole("list", { name: "En bref, technologie par technologie" });
  await expect(summary.getByRole("listitem")).toHaveCount(4);
  await expect(summary).toContainText("Sur étude (devis)");
  await expect(summary).toContainText("(règle générale)");

  const steps = page.getByRole("region", { name: "Que faire maintenant ?" });
  const orange = steps.getByRole("link", { name: /Commander une offre professionnelle chez Orange/ });
  await expect(orange).toHaveAttribute("href", "https://pro.orange.fr");
  await expect(orange).toHaveAttribute("target", "_blank");
  await expect(steps.getByRole("link", { name: /Demander un devis à Adista/ })).toBeVisible();
  await expect(steps.getByRole("link", { name: "Contacter CA du Bassin de Bourg-en-Bresse" })).toBeVisible();
  await expect(steps.getByRole("link", { name: "economie@ca3b.fibre-pro.test" })).toHaveAttribute("href", "mailto:economie@ca3b.fibre-pro.test");
  await expect(steps.getByRole("link", { name: "Quelle fibre pour mon entreprise ?" })).toHaveAttribute("href", `/quelle-fibre?adresse=${AVAILABLE}`);

  const pro = page.getByRole("article", { name: /^FttH pro — / });
  await expect(pro).toContainText("Disponible : vous pouvez commander");
  await expect(pro).toContainText("Déduit de l'annuaire des opérateurs");
  const ftth = page.getByRole("article", { name: /^FttH — / });
  await expect(ftth).toContainText(/Statut détaillé : Raccordable\. Source : (IPE LIAIN|Arcep Carte fibre) \(démo\) du \d{2}\/\d{2}\/\d{4}/);
  await expect(ftth).toContainText("Réseau construit par : LIAIN");
  await expect(ftth).not.toContainText(/: LIAI\b/);
  const ftto = page.getByRole("article", { name: /^FttO — / });
  await expect(ftto).toContainText("Sur étude — demandez un devis");
  await expect(ftto).toContainText("Règle générale");
  await expectAccessible();
  await shoot(page, "address-available");
});

test("FttO published for the zone: the publication's words, its operators to ask for a quote", async ({ page, expectAccessible }) => {
  await page.goto(`/adresse/${IN_ZONE}`);
  await expect(page.getByRole("link", { name: "Parc d'activités des Entrepreneurs" })).toBeVisible();
  const ftto = page.getByRole("article", { name: /^FttO — / });
  await expect(ftto).toContainText("Disponible : vous pouvez commander");
  await expect(ftto).toContainText(/Publié par CA du Bassin de Bourg-en-Bresse le \d{2}\/\d{2}\/\d{4}/);
  await expect(ftto).toContainText("La fibre dédiée (FttO) est disponible dans tout le parc");
  await expect(ftto).not.toContainText("Règle générale");
  const quotes = page.getByRole("region", { name: "Que faire maintenant ?" }).getByRole("link", { name: /^Demander un devis à / });
  await expect(quotes.first()).toBeVisible();
  const names = await quotes.allInnerTexts();
  for (const expected of ["Orange", "SFR", "Adista"]) expect(names.some((text) => text.includes(expected))).toBe(true);
  await expectAccessible();
  await shoot(page, "address-ftto-zone");
});

test("nothing announced: said plainly, dedicated fibre on quote as a general rule, never as a fact", async ({ page, expectAccessible }) => {
  await page.goto(`/adresse/${NOTHING}`);
  await expect(page.getByRole("heading", { level: 2, name: "Pas de fibre annoncée — la fibre dédiée reste possible sur devis" })).toBeVisible();
  const ftto = page.getByRole("article", { name: /^FttO — / });
  await expect(ftto).toContainText("Règle générale");
  await expect(ftto).not.toContainText("Source :");
  await expect(page.getByRole("article", { name: /^FttH — / })).toContainText("Pas d'annonce");
  const steps = page.getByRole("region", { name: "Que faire maintenant ?" });
  await expect(steps.getByRole("link", { name: /^Demander un devis à / }).first()).toBeVisible();
  await expect(steps.getByRole("link", { name: "Signaler une information erronée" })).toBeVisible();
  await expectAccessible();
  await shoot(page, "address-nothing");
});

test("keyboard: from the headline to the next steps, focus follows", async ({ page }) => {
  await page.goto(`/adresse/${AVAILABLE}`);
  const jump = page.getByRole("link", { name: /Que faire maintenant \? Opérateurs, devis et contacts/ });
  await jump.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#next-steps$/);
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("next-steps");
  await page.keyboard.press("Tab");
  await expect(page.locator(":focus")).toHaveText(/Commander une offre professionnelle chez /);
});

test("the zone page opens with its headline, contact, calendar and coverage chart", async ({ page, expectAccessible }) => {
  await page.goto("/zone/01053_SITE-ECO_00001");
  const headline = page.getByRole("region", { name: /des adresses peuvent commander la fibre/ });
  await expect(headline).toContainText("FttO : disponible pour toutes les adresses.");
  await expect(page.getByRole("region", { name: "Contacter le gestionnaire" }).getByRole("link", { name: /Écrire à economie@ca3b/ })).toBeVisible();
  const calendar = page.getByRole("region", { name: "Calendrier publié" });
  // The demo's three publications, dated at their precision (other tests may publish more here).
  await expect(calendar.getByRole("listitem").filter({ hasText: "La fibre dédiée (FttO) est disponible dans tout le parc" })).toContainText("Depuis le 01/06/2026");
  await expect(calendar.getByRole("listitem").filter({ hasText: "derniers bâtiments" })).toContainText("Prévu en mars 2027");
  await expect(calendar.getByRole("listitem").filter({ hasText: "Les travaux de la FttE commencent" })).toContainText("Prévu T3 2027");
  const coverage = page.getByRole("region", { name: /^Couverture des \d+ adresses$/ });
  const table = coverage.getByRole("table");
  await expect(table.getByRole("columnheader", { name: "Disponible", exact: true })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "FttO" })).toBeVisible();

  const addresses = page.getByRole("region", { name: "Adresses de la zone" });
  await addresses.getByLabel("Technologie").selectOption("FTTO");
  await addresses.getByLabel("Niveau").selectOption("AVAILABLE");
  await addresses.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/technology=FTTO&level=AVAILABLE/);
  await expect(page.getByRole("region", { name: "Adresses de la zone" }).getByRole("row")).not.toHaveCount(0);
  await expectAccessible();
  await page.goto("/zone/01053_SITE-ECO_00001");
  await shoot(page, "zone");
});

test("the address JSON twin gives levels, bases, the headline and next steps", async ({ request }) => {
  const body = await (await request.get(`/api/v1/addresses/${NOTHING}`)).json();
  expect(body.headline).toBe("Pas de fibre annoncée — la fibre dédiée reste possible sur devis");
  expect(body.technologies.find((entry: { technology: string }) => entry.technology === "FTTO")).toMatchObject({ level: "ON_REQUEST", basis: "GENERAL_RULE" });
  expect(body.nextSteps.length).toBeGreaterThan(0);
});
