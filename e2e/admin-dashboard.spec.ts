/**
 * Issue #14, the admin dashboard as the zone manager's to-do list: a zone without a published
 * calendar is listed with a link to publish for it, a draft does not take it off the list, the
 * published calendar does; the territory's coverage by level follows. Keyboard, axe, screenshots.
 */
import { expect, expectNoAxeViolations, test, uniqueSuffix } from "./admin-fixtures";
import { screenshotsAt } from "./capture";
import { tabTo } from "./page-checks";
import { fillDetails, savedZoneId, squareFeature } from "./zone-helpers";

test.describe.configure({ timeout: 180_000 });

/** Meximieux: no demo zone, no other spec. */
const COMMUNE = "01244";

test("a zone without a calendar is on the to-do list until its calendar is published; the territory's coverage follows", async ({ page, createOrganisation, createUser, signIn }) => {
  const organisation = await createOrganisation({ communes: [COMMUNE] });
  await signIn(page, await createUser({ role: "editor", organisation }));
  const name = `ZA du tableau de bord ${uniqueSuffix()}`;

  await page.goto("/admin/zones/nouvelle");
  await page.getByLabel("Commune").selectOption(COMMUNE);
  await fillDetails(page, name);
  await page.getByLabel("Contour au format GeoJSON").fill(squareFeature(5.7522, 46.2498, 0.0008));
  await page.getByRole("button", { name: "Enregistrer la zone" }).click();
  const zoneId = await savedZoneId(page);

  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1, name: `Tableau de bord — ${organisation.name}` })).toBeVisible();
  const todo = page.getByRole("region", { name: /^À faire/ });
  const calendar = todo.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /sans calendrier publié$/ }) });
  const zoneLink = calendar.getByRole("link", { name: `${name} : publier son calendrier` });
  await expect(zoneLink).toBeVisible();
  const coverage = page.getByRole("region", { name: /^Couverture de votre territoire \(\d+ adresses\)$/ });
  await expect(coverage.getByRole("columnheader", { name: "Disponible" })).toBeVisible();
  await expect(coverage.getByRole("rowheader", { name: "FttO" })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshotsAt(page, "dashboard-editor");

  // From the to-do list to the publication form, with the keyboard; a draft does not count.
  await tabTo(page, zoneLink, 60);
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Zone d'activités", { exact: true })).toHaveValue(zoneId);
  await page.getByLabel("Technologie").selectOption("FTTO");
  await page.getByLabel("État").selectOption("PREVU");
  await page.getByLabel("Date prévue").fill("S2 2027");
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Brouillon enregistré" })).toBeVisible();
  const draftUrl = page.url();

  await page.goto("/admin");
  await expect(zoneLink).toBeVisible();
  const drafts = todo.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /non publiés?$/ }) });
  await expect(drafts.getByRole("link", { name: `FttO — Déploiement programmé · ${name}` })).toBeVisible();

  // Published, the zone has its calendar: it leaves the list, and so does the draft.
  await page.goto(draftUrl);
  await page.getByRole("button", { name: "Publier", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Publié :/ })).toBeVisible();
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1, name: `Tableau de bord — ${organisation.name}` })).toBeVisible();
  await expect(page.getByRole("link", { name: `${name} : publier son calendrier` })).toHaveCount(0);
  await expect(page.getByRole("link", { name: `FttO — Déploiement programmé · ${name}` })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
