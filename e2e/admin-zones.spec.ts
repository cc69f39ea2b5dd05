/**
 * Journey 3, zones: an editor draws a zone on the map (or uploads its GeoJSON), sees how many
 * addresses it holds and its public page; another organisation can neither open nor change it,
 * even with a crafted form; an organisation admin archives it and it leaves the public search.
 */
import { expect, test, uniqueSuffix } from "./admin-fixtures";
import { drawSquare, fillDetails, savedZoneId, squareFeature } from "./zone-helpers";
import { capture } from "./capture";

// Each test signs in, draws or uploads, saves and checks public pages: slow on a loaded machine.
test.describe.configure({ timeout: 180_000 });

test("an editor draws a zone on the map, saves it and sees it on its public page", async ({ page, createOrganisation, createUser, signIn, expectAccessible }) => {
  const organisation = await createOrganisation({ communes: ["01053", "01451"] });
  await signIn(page, await createUser({ role: "editor", organisation }));
  const name = `ZA dessinée ${uniqueSuffix()}`;

  await page.goto("/admin/zones/nouvelle");
  await expect(page.getByRole("heading", { level: 1, name: "Nouvelle zone d'activités" })).toBeVisible();
  await page.getByLabel("Commune").selectOption("01053");
  await fillDetails(page, name);
  await drawSquare(page, 40);
  await expect(page.getByLabel("Contour au format GeoJSON")).toHaveValue(/"type":"Polygon"/);
  await capture(page, "admin-zones-draw.png");
  await expectAccessible();
  await page.getByRole("button", { name: "Enregistrer la zone" }).click();

  const id = await savedZoneId(page);
  expect(id).toMatch(/^01053_SITE-ECO_9\d{4}$/);
  const notice = page.getByRole("status").filter({ hasText: "Zone enregistrée" });
  await expect(notice).toHaveText(/Zone enregistrée : \d+ adresses? dans le périmètre/);
  const count = Number((await notice.textContent())!.match(/: (\d+) adresse/)![1]);
  expect(count).toBeGreaterThan(0);
  await expect(page.getByLabel("Nom de la zone")).toHaveValue(name);
  await capture(page, "admin-zones-edit.png");
  await expectAccessible();
  await page.setViewportSize({ width: 360, height: 800 });
  await capture(page, "admin-zones-edit-360.png");
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.goto("/admin/zones");
  await page.getByLabel("Nom, commune ou identifiant").fill(name);
  await page.getByRole("button", { name: "Rechercher" }).click();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("Bourg-en-Bresse");
  await expect(row).toContainText(String(count));
  await expect(row.getByRole("link", { name: /Publier une mise à jour/ })).toHaveAttribute("href", `/admin/publications/nouvelle?zone=${encodeURIComponent(id)}`);
  await capture(page, "admin-zones-list.png");
  await expectAccessible();
  await page.setViewportSize({ width: 360, height: 800 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await capture(page, "admin-zones-list-360.png");

  await row.getByRole("link", { name: /Page publique/ }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("en projet")).toBeVisible();
  await capture(page, "admin-zones-public.png");
});

test("a zone can be uploaded as a GeoJSON file instead", async ({ page, createOrganisation, createUser, signIn }) => {
  const organisation = await createOrganisation({ communes: ["01053"] });
  await signIn(page, await createUser({ role: "editor", organisation }));
  const name = `ZA importée ${uniqueSuffix()}`;
  await page.goto("/admin/zones/nouvelle");
  await fillDetails(page, name);
  // The map does not trap the keyboard: Tab leaves it for the file field after its few controls.
  await page.locator(".leaflet-container").focus();
  for (let step = 0; step < 12 && !(await page.getByLabel("Importer un fichier GeoJSON").evaluate((input) => input === document.activeElement)); step += 1) {
    await page.keyboard.press("Tab");
  }
  await expect(page.getByLabel("Importer un fichier GeoJSON")).toBeFocused();
  await page.getByLabel("Importer un fichier GeoJSON").setInputFiles({
    name: "za.geojson", mimeType: "application/geo+json", buffer: Buffer.from(squareFeature(5.2256, 46.1900, 0.0006)),
  });
  await expect(page.getByText("Contour lu dans « za.geojson »")).toBeVisible();
  await expect(page.getByLabel("Contour au format GeoJSON")).toHaveValue(/"Feature"/);
  await expect(page.locator(".leaflet-overlay-pane path")).toHaveCount(1);
  await page.getByRole("button", { name: "Enregistrer la zone" }).click();
  await savedZoneId(page);
  await expect(page.getByRole("status").filter({ hasText: "Zone enregistrée" })).toHaveText(/\d+ adresses? dans le périmètre/);
});

test("a bad outline is refused with a French message and the form keeps what was typed", async ({ page, createOrganisation, createUser, signIn }) => {
  const organisation = await createOrganisation({ communes: ["01053"] });
  await signIn(page, await createUser({ role: "editor", organisation }));
  await page.goto("/admin/zones/nouvelle");
  await fillDetails(page, "ZA refusée");
  await page.getByLabel("Contour au format GeoJSON").fill(JSON.stringify({ type: "Point", coordinates: [5.2, 46.2] }));
  await page.getByRole("button", { name: "Enregistrer la zone" }).click();
  await expect(page.getByLabel("Contour au format GeoJSON")).toHaveAccessibleDescription(/Le contour doit être un polygone \(Polygon ou MultiPolygon\), pas un Point\.$/);
  await expect(page.getByLabel("Contour au format GeoJSON")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Nom de la zone")).toHaveValue("ZA refusée");
  await expect(page.getByLabel("Contact pour les entreprises")).toHaveValue("Service économie, 04 74 00 00 00");
});

test("another organisation gets 403 on the zone and a crafted submission changes nothing", async ({ browser, page, createOrganisation, createUser, signIn }) => {
  const owner = await createOrganisation({ communes: ["01053"] });
  await signIn(page, await createUser({ role: "editor", organisation: owner }));
  const name = `ZA protégée ${uniqueSuffix()}`;
  await page.goto("/admin/zones/nouvelle");
  await fillDetails(page, name);
  await page.getByLabel("Contour au format GeoJSON").fill(squareFeature(5.2230, 46.1880, 0.0004));
  await page.getByRole("button", { name: "Enregistrer la zone" }).click();
  const protectedId = await savedZoneId(page);

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await other.route(/tiles\.fibre-pro\.invalid/, (route) => route.fulfill({ status: 200, contentType: "image/png", body: Buffer.alloc(0) }));
  const stranger = await createOrganisation({ communes: ["01451"] });
  await signIn(other, await createUser({ role: "editor", organisation: stranger }));
  await other.goto(`/admin/zones/${encodeURIComponent(protectedId)}`);
  await expect(other.getByRole("heading", { level: 1, name: "Accès refusé" })).toBeVisible();

  // Its own zone in Viriat, then the same form posted with the first zone's id.
  await other.goto("/admin/zones/nouvelle");
  await other.getByLabel("Nom de la zone").fill(`ZA de Viriat ${uniqueSuffix()}`);
  const viriat = (await (await other.request.get("/api/v1/communes/01451")).json()) as { commune: { lat: number; lon: number } };
  const { lat, lon } = viriat.commune;
  await other.getByLabel("Contour au format GeoJSON").fill(squareFeature(lon, lat, 0.0004));
  await other.getByRole("button", { name: "Enregistrer la zone" }).click();
  await savedZoneId(other);
  await other.getByLabel("Nom de la zone").fill("Zone détournée");
  await other.evaluate((id) => {
    (document.querySelector('input[type="hidden"][name="id"]') as HTMLInputElement).value = id;
  }, protectedId);
  const [refused] = await Promise.all([
    other.waitForResponse((answer) => answer.request().method() === "POST"),
    other.getByRole("button", { name: "Enregistrer la zone" }).click(),
  ]);
  expect(refused.status()).toBe(403);
  await expect(other.getByRole("heading", { name: "Accès refusé" })).toBeVisible();
  await otherContext.close();

  await page.goto(`/zone/${encodeURIComponent(protectedId)}`);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
});

test("an organisation admin archives a zone: it leaves the public search", async ({ page, createOrganisation, createUser, signIn }) => {
  const organisation = await createOrganisation({ communes: ["01053"] });
  await signIn(page, await createUser({ role: "org_admin", organisation }));
  const name = `ZA archivée ${uniqueSuffix()}`;
  await page.goto("/admin/zones/nouvelle");
  await fillDetails(page, name);
  await page.getByLabel("Contour au format GeoJSON").fill(squareFeature(5.2280, 46.1950, 0.0004));
  await page.getByRole("button", { name: "Enregistrer la zone" }).click();
  const id = await savedZoneId(page);

  const searchZones = async () => {
    const response = await page.request.get(`/api/v1/search?type=zone&q=${encodeURIComponent(name)}`);
    return ((await response.json()) as { results: { id: string }[] }).results.map((result) => result.id);
  };
  expect(await searchZones()).toContain(id);

  await page.getByRole("button", { name: "Archiver la zone" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Zone archivée" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Restaurer la zone" })).toBeVisible();
  expect(await searchZones()).not.toContain(id);
  await page.goto("/commune/01053");
  await expect(page.getByRole("link", { name })).toHaveCount(0);

  await page.goto("/admin/zones");
  await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(0);
  await page.getByLabel("Afficher aussi les zones archivées").check();
  await page.getByLabel("Nom, commune ou identifiant").fill(name);
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("Archivée le");
});

test("an editor is not offered to archive (organisation admins only)", async ({ page, createOrganisation, createUser, signIn }) => {
  const organisation = await createOrganisation({ communes: ["01053"] });
  await signIn(page, await createUser({ role: "editor", organisation }));
  await page.goto("/admin/zones/nouvelle");
  await fillDetails(page, `ZA non archivable ${uniqueSuffix()}`);
  await page.getByLabel("Contour au format GeoJSON").fill(squareFeature(5.2240, 46.1930, 0.0003));
  await page.getByRole("button", { name: "Enregistrer la zone" }).click();
  await savedZoneId(page);
  await expect(page.getByRole("button", { name: "Archiver la zone" })).toHaveCount(0);
});
