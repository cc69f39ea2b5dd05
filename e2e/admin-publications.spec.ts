/**
 * Journey 3: a zone manager publishes "FttE disponible T3 2027, opérateurs Orange et SFR" and the
 * public zone and address pages show it at once with the organisation's name and the date;
 * another organisation can neither open it nor change it by a crafted request; two people saving
 * the same update: the second gets a conflict and loses nothing; the audit log records it.
 */
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test, uniqueSuffix } from "./admin-fixtures";

const ZONE_ID = "01053_SITE-ECO_00001";
// Several signed-in browsers per test, each account created through the CLI: give them time on 2 cores.
test.describe.configure({ timeout: 120_000 });

const today = () => new Date().toISOString().slice(0, 10).split("-").reverse().join("/");

async function publishFtte(page: Page, message: string): Promise<string> {
  await page.goto(`/admin/publications/nouvelle?zone=${ZONE_ID}`);
  await expect(page.getByLabel("Zone d'activités", { exact: true })).toHaveValue(ZONE_ID);
  await page.getByLabel("Technologie").selectOption("FTTE");
  await page.getByLabel("État").selectOption("PREVU");
  await page.getByLabel("Date prévue").fill("T3 2027");
  await page.getByRole("checkbox", { name: "Orange" }).check();
  await page.getByRole("checkbox", { name: "SFR" }).check();
  await page.getByLabel("Message aux entreprises").fill(message);
  await page.getByRole("button", { name: "Publier", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Publié : les pages publiques affichent maintenant cette mise à jour." })).toBeVisible();
  return page.url().split("/admin/publications/")[1]!.split("?")[0]!;
}

test("an editor publishes FttE T3 2027 with two operators; the zone and address pages show it with the provenance line", async ({ page, createOrganisation, createUser, signIn, expectAccessible }) => {
  const organisation = await createOrganisation({ name: "Communauté d'agglomération", communes: ["01053", "01451"] });
  await signIn(page, await createUser({ role: "editor", organisation }));
  await page.goto(`/admin/publications/nouvelle?zone=${ZONE_ID}`);
  await expectAccessible();

  // A planned status without a date is refused beside the field, and the input is kept.
  await page.getByLabel("Technologie").selectOption("FTTE");
  await page.getByLabel("Message aux entreprises").fill("brouillon de message");
  await page.getByRole("button", { name: "Publier", exact: true }).click();
  await expect(page.getByLabel("Date prévue")).toHaveAccessibleDescription(/Un déploiement programmé doit avoir une date prévue\.$/);
  const summary = page.getByRole("group", { name: /^Le formulaire contient des erreurs/ });
  await expect(summary).toBeFocused();
  await summary.getByRole("link", { name: "Un déploiement programmé doit avoir une date prévue." }).click();
  await expect(page.getByLabel("Date prévue")).toBeFocused();
  await expect(page.getByLabel("Date prévue")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Message aux entreprises")).toHaveValue("brouillon de message");

  const message = `Ouverture commerciale annoncée ${uniqueSuffix()}`;
  const id = await publishFtte(page, message);
  await expectAccessible();
  await expect(page.getByRole("heading", { level: 1, name: "FttE : Déploiement programmé — T3 2027" })).toBeVisible();
  await expect(page.getByText("Version 1 —")).toBeVisible();

  await page.getByRole("link", { name: "Voir la page publique" }).click();
  await expect(page).toHaveURL(new RegExp(`/zone/${ZONE_ID}`));
  const entry = page.getByRole("listitem").filter({ hasText: message });
  await expect(entry).toContainText("FttE : Prévu T3 2027");
  await expect(entry).toContainText("Opérateurs : Orange, SFR");
  await expect(entry).toContainText(`Publié par ${organisation.name} le ${today()}`);

  // An address of the zone: its FttE card states the publication.
  await page.goto(`/api/v1/zones/${ZONE_ID}/addresses?limit=1`);
  const { items } = JSON.parse(await page.locator("body").innerText()) as { items: { id: string }[] };
  await page.goto(`/adresse/${items[0]!.id}`);
  const card = page.getByRole("article").filter({ has: page.getByRole("heading", { name: /^FttE/ }) });
  await expect(card).toContainText("Déploiement programmé");
  await expect(card).toContainText("T3 2027");
  await expect(card).toContainText("Orange, SFR");
  await expect(card).toContainText(message);
  await expect(card).toContainText(`Publié par ${organisation.name} le ${today()}`);
  await expectAccessible();

  // The list shows it, published.
  await page.goto("/admin/publications");
  await expect(page.getByRole("row").filter({ has: page.getByRole("link", { name: "FttE : Déploiement programmé — T3 2027" }) }).first()).toContainText("Publiée");
  await expectAccessible();
  expect(id).toBeTruthy();
});

test("an editor of another organisation cannot open the publication, nor change it or publish for that zone by a crafted request", async ({ browser, createOrganisation, createUser, signIn }) => {
  const owner = await createOrganisation({ communes: ["01053"] });
  const ownerPage = await (await browser.newContext()).newPage();
  await signIn(ownerPage, await createUser({ role: "editor", organisation: owner }));
  const message = `Message du propriétaire ${uniqueSuffix()}`;
  const victimId = await publishFtte(ownerPage, message);

  const intruderOrganisation = await createOrganisation({ communes: ["01283"] });
  const intruder = await (await browser.newContext()).newPage();
  await signIn(intruder, await createUser({ role: "editor", organisation: intruderOrganisation }));

  const response = await intruder.goto(`/admin/publications/${victimId}`);
  expect(response?.status()).toBe(403);
  await expect(intruder.getByRole("heading", { name: "Accès refusé" })).toBeVisible();

  // Crafted: the intruder's own form, with the owner's zone injected into the zone list.
  await intruder.goto("/admin/publications/nouvelle");
  await intruder.getByLabel("Zone d'activités", { exact: true }).evaluate((select, zoneId) => {
    const option = document.createElement("option");
    option.value = zoneId;
    option.textContent = "injected";
    select.appendChild(option);
    (select as HTMLSelectElement).value = zoneId;
  }, ZONE_ID);
  await intruder.getByLabel("Date prévue").fill("T1 2027");
  const [refused] = await Promise.all([
    intruder.waitForResponse((answer) => answer.request().method() === "POST" && answer.url().includes("/admin/publications/nouvelle")),
    intruder.getByRole("button", { name: "Publier", exact: true }).click(),
  ]);
  expect(refused.status()).toBe(403);
  await expect(intruder.getByRole("heading", { name: "Accès refusé" })).toBeVisible();

  // Crafted: the intruder's own draft form, its hidden id replaced by the owner's publication id.
  await intruder.goto("/admin/publications/nouvelle");
  await intruder.getByLabel("toute une commune").check();
  await intruder.getByLabel("Commune", { exact: true }).selectOption("01283");
  await intruder.getByLabel("Date prévue").fill("T1 2027");
  await intruder.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(intruder.getByRole("status").filter({ hasText: "Brouillon enregistré" })).toBeVisible();
  await intruder.locator('input[name="id"]').first().evaluate((input, id) => ((input as HTMLInputElement).value = id), victimId);
  const [alsoRefused] = await Promise.all([
    intruder.waitForResponse((answer) => answer.request().method() === "POST" && answer.url().includes("/admin/publications/")),
    intruder.getByRole("button", { name: "Publier", exact: true }).click(),
  ]);
  expect(alsoRefused.status()).toBe(403);
  await expect(intruder.getByRole("heading", { name: "Accès refusé" })).toBeVisible();

  // Nothing changed for the owner.
  await ownerPage.goto(`/admin/publications/${victimId}`);
  await expect(ownerPage.getByRole("heading", { level: 1, name: "FttE : Déploiement programmé — T3 2027" })).toBeVisible();
  await expect(ownerPage.getByText("Version 2 —")).toHaveCount(0);
  await expect(ownerPage.getByLabel("Message aux entreprises")).toHaveValue(message);
});

test("two people editing the same update: the second save gets a conflict, keeps its input, and can then save deliberately", async ({ browser, createOrganisation, createUser, signIn }) => {
  const organisation = await createOrganisation({ communes: ["01053"] });
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await signIn(first, await createUser({ role: "editor", organisation }));
  await signIn(second, await createUser({ role: "org_admin", organisation }));
  const id = await publishFtte(first, "Version de départ");

  await first.goto(`/admin/publications/${id}`);
  await second.goto(`/admin/publications/${id}`);
  await first.getByLabel("Date prévue").fill("T4 2027");
  await first.getByLabel("Message aux entreprises").fill("Décalage d'un trimestre");
  await first.getByRole("button", { name: "Publier la nouvelle version" }).click();
  await expect(first.getByRole("status").filter({ hasText: /^Publié :/ })).toBeVisible();

  await second.getByLabel("Message aux entreprises").fill("Mon texte que je ne veux pas perdre");
  await second.getByRole("button", { name: "Publier la nouvelle version" }).click();
  const alert = second.getByRole("alert").filter({ hasText: "a été modifiée par" });
  await expect(alert).toContainText("pendant que vous l'éditiez");
  await expect(alert).toContainText("FttE : Déploiement programmé — T4 2027");
  await expect(alert).toContainText("Décalage d'un trimestre");
  await expect(second.getByLabel("Message aux entreprises")).toHaveValue("Mon texte que je ne veux pas perdre");
  await expectNoAxeViolations(second);

  await second.getByRole("button", { name: "Publier la nouvelle version" }).click();
  await expect(second.getByRole("status").filter({ hasText: /^Publié :/ })).toBeVisible();
  await expect(second.getByText("Version 3 —")).toBeVisible();
  await expect(second.getByText("Version 2 —")).toBeVisible();
  await expect(second.getByText("Message : « Mon texte que je ne veux pas perdre »")).toBeVisible();

  // The audit log shows the publications, filterable by action.
  await second.goto("/admin/journal?action=publication.publish");
  await expect(second.getByRole("row").filter({ hasText: "Décalage d'un trimestre" }).or(second.getByRole("row").filter({ hasText: "T4 2027" })).first()).toBeVisible();
  await expect(second.getByRole("status").filter({ hasText: "3 entrées" })).toBeVisible();
  await expectNoAxeViolations(second);
});
