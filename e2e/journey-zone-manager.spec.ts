/**
 * Journey 3 of PRODUCT.md in one go: a zone manager signs in, draws a zone outline on the map,
 * publishes "FttE disponible T3 2027, opérateurs Orange et SFR" for it, and the public zone and
 * address pages show it at once with the organisation's name and the date.
 */
import { expect, test, uniqueSuffix } from "./admin-fixtures";
import { drawSquare, fillDetails, savedZoneId } from "./zone-helpers";

test.describe.configure({ timeout: 180_000 });

const today = () => new Date().toISOString().slice(0, 10).split("-").reverse().join("/");

test("a zone manager draws a zone, publishes FttE T3 2027 with two operators, and the public pages show it", async ({ page, createOrganisation, createUser }) => {
  const organisation = await createOrganisation({ name: "Communauté de communes", communes: ["01053"] });
  await page.goto("/connexion");
  const manager = await createUser({ role: "editor", organisation });
  await page.getByLabel("Adresse e-mail").fill(manager.email);
  await page.getByLabel("Mot de passe").fill(manager.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Tableau de bord — ${organisation.name}` })).toBeVisible();

  await page.getByRole("link", { name: "Créer une zone" }).click();
  const name = `ZA du parcours ${uniqueSuffix()}`;
  await page.getByLabel("Commune").selectOption("01053");
  await fillDetails(page, name);
  await drawSquare(page, 40);
  await page.getByRole("button", { name: "Enregistrer la zone" }).click();
  const zoneId = await savedZoneId(page);

  await page.getByRole("link", { name: "Publier une mise à jour" }).first().click();
  await expect(page.getByLabel("Zone d'activités", { exact: true })).toHaveValue(zoneId);
  await page.getByLabel("Technologie").selectOption("FTTE");
  await page.getByLabel("État").selectOption("PREVU");
  await page.getByLabel("Date prévue").fill("T3 2027");
  await page.getByRole("checkbox", { name: "Orange" }).check();
  await page.getByRole("checkbox", { name: "SFR" }).check();
  const message = `Fibre dédiée disponible à la commande au 3e trimestre 2027 (${uniqueSuffix()}).`;
  await page.getByLabel("Message aux entreprises").fill(message);
  await page.getByRole("button", { name: "Publier", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Publié :/ })).toBeVisible();

  await page.getByRole("link", { name: "Voir la page publique" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const schedule = page.getByRole("listitem").filter({ hasText: message });
  await expect(schedule).toContainText("FttE : Prévu T3 2027");
  await expect(schedule).toContainText("Opérateurs : Orange, SFR");
  await expect(schedule).toContainText(`Publié par ${organisation.name} le ${today()}`);

  const { items } = (await (await page.request.get(`/api/v1/zones/${encodeURIComponent(zoneId)}/addresses?limit=1`)).json()) as { items: { id: string }[] };
  await page.goto(`/adresse/${items[0]!.id}`);
  await expect(page.getByText(`Dans la zone d'activités ${name}`)).toBeVisible();
  const card = page.getByRole("article").filter({ has: page.getByRole("heading", { name: /^FttE/ }) });
  await expect(card).toContainText("Déploiement programmé");
  await expect(card).toContainText("T3 2027");
  await expect(card).toContainText("Orange, SFR");
  await expect(card).toContainText(`Publié par ${organisation.name} le ${today()}`);
});
