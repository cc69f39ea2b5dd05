/**
 * Issue #4: journeys 1 and 2 of PRODUCT.md on the demo territory — an address from the search box
 * to its eligibility page, an activity zone to its page — and the commune page, the map explorer,
 * the search without JavaScript. axe on every page.
 */
import { expect, test, TILE_HOST } from "./fixtures";

const HEADLINES = /Vous pouvez commander une offre fibre professionnelle|Fibre disponible : demandez une offre professionnelle|Fibre (professionnelle sur demande|raccordable à la demande)|Fibre (pro )?prévue|Pas de fibre annoncée/;

test("journey 1: an address typed the way people type it, picked from the keyboard, then its page", async ({ page, context, expectAccessible }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/");
  const box = page.getByRole("combobox", { name: /Rechercher une adresse/ });
  await box.pressSequentially("12 av alsace lorraine bourg");
  const first = page.getByRole("listbox", { name: "Suggestions" }).getByRole("option").first();
  await expect(first).toContainText("12 Avenue d'Alsace-Lorraine, 01000 Bourg-en-Bresse");
  await expect(first).toContainText("Adresse");
  await box.press("ArrowDown");
  await expect(first).toHaveAttribute("aria-selected", "true");
  await box.press("Enter");

  await expect(page).toHaveURL(/\/adresse\/01053_v001_00012$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("12 Avenue d'Alsace-Lorraine, 01000 Bourg-en-Bresse");
  await expect(page.getByRole("heading", { level: 2 }).first()).toHaveText(HEADLINES);
  const ftth = page.getByRole("article", { name: /^FttH — / });
  await expect(ftth).toContainText(/Source : (IPE LIAIN|Arcep Carte fibre) \(démo\) du \d{2}\/\d{2}\/\d{4}/);
  await expect(ftth).toContainText("Réseau construit par");
  await expect(page.getByRole("article")).toHaveCount(4);
  await expect(page.getByRole("article", { name: /^FttO — / })).toContainText("GTR");
  await expect(page.getByRole("region", { name: "Que faire maintenant ?" })).toBeVisible();

  const map = page.getByRole("region", { name: /^Carte : 12 Avenue/ });
  await expect(map.locator(".leaflet-container")).toBeVisible();
  await expect(map.locator("path.leaflet-interactive").first()).toBeVisible();

  await page.getByRole("button", { name: "Copier le lien" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Lien copié" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/adresse\/01053_v001_00012$/);
  await expectAccessible();
});

test("the address JSON twin answers what the page shows", async ({ request }) => {
  const response = await request.get("/api/v1/addresses/01053_v001_00012");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.address).toMatchObject({ id: "01053_v001_00012", number: 12, inseeCode: "01053", commune: "Bourg-en-Bresse" });
  expect(body.technologies.map((entry: { technology: string }) => entry.technology)).toEqual(["FTTH", "FTTH_PRO", "FTTE", "FTTO"]);
  expect((await request.get("/api/v1/addresses/01053_nope_00000")).status()).toBe(404);
});

test("journey 2: an activity zone by name, then its page, filtered", async ({ page, expectAccessible }) => {
  await page.goto("/");
  const box = page.getByRole("combobox", { name: /Rechercher une adresse/ });
  await box.pressSequentially("za plaine de l ain");
  const option = page.getByRole("option", { name: /ZA de la Plaine de l'Ain/ });
  await expect(option).toContainText("Zone d'activités");
  await option.click();

  await expect(page).toHaveURL(/\/zone\/01004_SITE-ECO_00003$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ZA de la Plaine de l'Ain");
  const coverage = page.getByRole("region", { name: /^Couverture des \d+ adresses$/ });
  await expect(coverage.getByRole("table")).toContainText("Disponible");
  await expect(page.getByRole("region", { name: "Calendrier publié" })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Carte : périmètre/ }).locator("path.leaflet-interactive").first()).toBeVisible();
  const addresses = page.getByRole("region", { name: "Adresses de la zone" });
  await expect(addresses.getByRole("row")).not.toHaveCount(0);
  await expectAccessible();

  await addresses.getByLabel("Niveau").selectOption("AVAILABLE");
  await addresses.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/level=AVAILABLE/);
  // The filter is a GET form: innerText reads the layout, so wait for the new page's stylesheet
  // (before it, the badge and its detail line read as one word).
  await page.waitForLoadState("load");
  const cells = await page.getByRole("region", { name: "Adresses de la zone" }).getByRole("cell").allInnerTexts();
  const levelCells = cells.filter((_, index) => index % 2 === 1);
  expect(levelCells.length).toBeGreaterThan(0);
  expect(new Set(levelCells.map((text) => text.trim().split("\n")[0]))).toEqual(new Set(["Disponible"]));

  await page.goto("/zone/01004_SITE-ECO_00003?status=BIENTOT");
  await expect(page.getByRole("alert").filter({ hasText: "Le filtre de la liste n'est pas valide" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Adresses de la zone" }).getByRole("row")).not.toHaveCount(0);
});

test("the commune page lists its zones and shows a map", async ({ page, expectAccessible }) => {
  await page.goto("/commune/01053");
  const zones = page.getByRole("region", { name: "Zones d'activités" });
  await zones.getByRole("link", { name: "Parc d'activités des Entrepreneurs" }).waitFor();
  await expect(page.getByRole("region", { name: /^Carte de Bourg-en-Bresse/ }).locator(".leaflet-container")).toBeVisible();
  await expectAccessible();
  await zones.getByRole("link", { name: "Parc d'activités des Entrepreneurs" }).click();
  await expect(page).toHaveURL(/\/zone\/01053_SITE-ECO_00001$/);
});

test("the map explorer loads by view, filters, and keeps the view in the URL", async ({ page, expectAccessible }) => {
  const loads: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/v1/map?")) loads.push(request.url());
  });
  await page.goto("/carte?lat=46.2050&lon=5.2250&z=14");
  await expect(page.getByRole("status").filter({ hasText: /immeubles?\./ })).toContainText(/\d+ immeubles?/);
  await expect(page.locator(".leaflet-container path.leaflet-interactive").first()).toBeVisible();
  const firstLoad = new URL(loads[0]!).searchParams;
  expect(firstLoad.get("bbox")).toMatch(/^5\.\d+,46\.\d+,5\.\d+,46\.\d+$/);
  expect([firstLoad.get("zoom"), firstLoad.get("technology")]).toEqual(["14", "FTTH"]);
  await expectAccessible();

  await page.getByLabel("Technologie").selectOption("FTTE");
  await expect(page).toHaveURL(/technology=FTTE/);
  await page.getByRole("checkbox", { name: "Disponible", exact: true }).check();
  await expect(page).toHaveURL(/level=AVAILABLE/);
  await expect.poll(() => loads.at(-1)).toMatch(/technology=FTTE&level=AVAILABLE/);
  await expect(page).toHaveURL(/lat=46\.20\d+&lon=5\.22\d+&z=14/);
});

test("an unknown address gets a helpful French 404", async ({ page, expectAccessible }) => {
  const response = await page.goto("/adresse/01053_inconnue_00001");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Adresse introuvable");
  await expect(page.getByRole("combobox", { name: /Rechercher une adresse/ })).toBeVisible();
  await expectAccessible();
});

test("the address page stays usable when the map tiles cannot load", async ({ page }) => {
  await page.unroute(TILE_HOST);
  await page.route(TILE_HOST, (route) => route.abort());
  await page.goto("/adresse/01053_v001_00012");
  await expect(page.getByRole("heading", { level: 2 }).first()).toHaveText(HEADLINES);
  await expect(page.getByRole("article")).toHaveCount(4);
  await expect(page.locator(".leaflet-container")).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  // axe needs JavaScript: these pages are checked with it above.
  test("the search form finds an address and its page reads the same", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("combobox", { name: /Rechercher une adresse/ }).fill("12 avenue d'alsace-lorraine 01000");
    await page.getByRole("button", { name: "Rechercher" }).click();
    await expect(page).toHaveURL(/\/recherche\?q=/);
    await page.getByRole("link", { name: "12 Avenue d'Alsace-Lorraine, 01000 Bourg-en-Bresse" }).click();
    await expect(page.getByRole("heading", { level: 2 }).first()).toHaveText(HEADLINES);
    await expect(page.getByRole("article")).toHaveCount(4);
  });

  // Next.js sends a page's notFound() as an empty shell; the server answers with the not-found page (lib/http/not-found-shell.ts).
  test("an unknown address, zone, commune or SIRET reads its 404 page, and its search works", async ({ page }) => {
    for (const [path, heading] of [
      ["/adresse/01053_inconnue_00001", "Adresse introuvable"],
      ["/zone/01053_SITE-ECO_99999", "Zone d'activités introuvable"],
      ["/commune/99999", "Page introuvable"],
      ["/etablissement/00000000000000", "Page introuvable"],
    ]) {
      const response = await page.goto(path!);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1 }), path).toHaveText(heading!);
      await expect(page.locator("main"), path).toHaveCount(1);
      expect(page.url(), path).toMatch(new RegExp(`${path}$`));
    }
    await page.getByRole("combobox", { name: /Rechercher une adresse/ }).fill("bourg-en-bresse");
    await page.getByRole("button", { name: "Rechercher" }).click();
    await expect(page).toHaveURL(/\/recherche\?q=bourg-en-bresse$/);
    await expect(page.getByRole("link", { name: /Bourg-en-Bresse \(01\)/ }).first()).toBeVisible();
  });
});
