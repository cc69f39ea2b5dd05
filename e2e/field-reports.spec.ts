/**
 * Field reports (issue #7, part 2): a business reports wrong information on its address page;
 * the page then says a report is under review; the collectivité of that territory accepts it,
 * which prepares a draft update for the address; another territory neither sees it nor can
 * accept it with a crafted request.
 */
import { expect, expectNoAxeViolations, test } from "./admin-fixtures";

test.describe.configure({ timeout: 120_000 });

test("a business reports an error; the territory's editor accepts it into a draft update; others cannot", async ({ page, browser, createOrganisation, createUser, signIn, expectAccessible }) => {
  const zone = await page.request.get("/api/v1/zones/01053_SITE-ECO_00001/addresses?limit=80");
  const { items } = (await zone.json()) as { items: { id: string }[] };
  const addressId = items[Math.floor(Math.random() * items.length)]!.id;

  await page.goto(`/adresse/${addressId}`);
  // The next steps and the foot of the answer both offer it; the next steps come first.
  await page.getByRole("region", { name: "Que faire maintenant ?" }).getByRole("link", { name: /Signaler une information erronée/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Signaler une information erronée" })).toBeVisible();
  await expectAccessible();

  await page.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(page.getByRole("group", { name: "Qu'avez-vous constaté ?" })).toHaveAccessibleDescription("Choisissez ce que vous avez constaté.");
  const description = `Orange nous a raccordés le 12/11 (${Date.now()}).`;
  await page.getByLabel("La fibre est en fait déjà disponible ici").check();
  await page.getByLabel("Technologie concernée (facultatif)").selectOption("FTTH_PRO");
  await page.getByLabel("Décrivez ce que vous avez constaté").fill(description);
  await page.getByLabel("Votre adresse e-mail (facultatif)").fill("gerant@boulangerie.test");
  await page.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(page.getByRole("status").filter({ hasText: "votre signalement a été enregistré" })).toBeVisible();
  await expect(page.getByText(/signalements? en cours d'examen/)).toBeVisible();

  const moderator = await (await browser.newContext()).newPage();
  await signIn(moderator, await createUser({ role: "editor", organisation: await createOrganisation({ communes: ["01053"] }) }));
  await moderator.goto("/admin/signalements");
  const item = moderator.getByRole("listitem").filter({ hasText: description });
  await expect(item).toContainText("La fibre est en fait déjà disponible ici — FttH pro");
  await expect(item).toContainText("le déclarant a laissé son adresse e-mail");
  await expect(moderator.getByText("gerant@boulangerie.test")).toHaveCount(0);
  await expectNoAxeViolations(moderator);

  // Another territory's editor does not see it. A crafted request — its own accept form for a report
  // of its own territory, the hidden id replaced by this report's — is answered 403 and changes nothing.
  const reportId = await item.locator('input[name="id"]').first().inputValue();
  const outsider = await (await browser.newContext()).newPage();
  await outsider.goto("/adresse/01283_v000_00002/signaler");
  await outsider.getByLabel("Autre").check();
  await outsider.getByLabel("Décrivez ce que vous avez constaté").fill(`Signalement d'Oyonnax ${Date.now()}`);
  await outsider.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(outsider.getByRole("status").filter({ hasText: "votre signalement a été enregistré" })).toBeVisible();
  await signIn(outsider, await createUser({ role: "editor", organisation: await createOrganisation({ communes: ["01283"] }) }));
  await outsider.goto("/admin/signalements");
  await expect(outsider.getByText(description)).toHaveCount(0);
  await outsider.locator('input[name="id"]').first().evaluate((input, id) => ((input as HTMLInputElement).value = id), reportId);
  const [refused] = await Promise.all([
    outsider.waitForResponse((answer) => answer.request().method() === "POST"),
    outsider.getByRole("button", { name: "Accepter et préparer une mise à jour" }).first().click(),
  ]);
  expect(refused.status()).toBe(403);
  await moderator.reload();
  await expect(item).toBeVisible();

  await item.getByRole("button", { name: "Accepter et préparer une mise à jour" }).click();
  await expect(moderator.getByRole("status").filter({ hasText: "Signalement accepté" })).toBeVisible();
  await expect(moderator.getByLabel("Identifiants BAN des adresses")).toHaveValue(addressId);
  await expect(moderator.getByLabel("Technologie")).toHaveValue("FTTH_PRO");
  await expect(moderator.getByLabel("État")).toHaveValue("DEPLOYE");
  await moderator.goto("/admin/signalements?etat=ACCEPTED");
  await expect(moderator.getByRole("listitem").filter({ hasText: description })).toContainText("Mise à jour préparée");
});
