/**
 * After a form fails, the focus goes to an error summary at the top of the form, which links each
 * field in error (GOV.UK / DSFR pattern); the fields keep aria-invalid and their message as
 * description. Public forms (field report, alert, password, sign-in) and admin forms.
 */
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./admin-fixtures";

test.describe.configure({ timeout: 120_000 });

const summaryOf = (scope: Page | Locator) => scope.getByRole("group", { name: /erreur|a échoué/ });

/** Follows the summary's link to a field: the field gets the focus and says what is wrong. */
async function followLink(summary: Locator, message: string, field: Locator): Promise<void> {
  await summary.getByRole("link", { name: message }).click();
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(new RegExp(`${message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
}

test("the field report form: summary focused, each field linked", async ({ page, expectAccessible }) => {
  await page.goto("/adresse/01053_v000_00012/signaler");
  await page.getByLabel("Décrivez ce que vous avez constaté").fill("court");
  await page.getByLabel("Votre adresse e-mail (facultatif)").fill("pas-une-adresse");
  await page.getByRole("button", { name: "Envoyer le signalement" }).click();

  const summary = summaryOf(page);
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("heading", { level: 2 })).toHaveText("Le formulaire contient des erreurs : corrigez les champs signalés.");
  await expect(summary.getByRole("link")).toHaveText([
    "Choisissez ce que vous avez constaté.",
    "Décrivez ce que vous avez constaté en quelques mots (10 caractères au moins).",
    "Adresse e-mail invalide.",
  ]);
  await expectAccessible();
  await followLink(summary, "Adresse e-mail invalide.", page.getByLabel("Votre adresse e-mail (facultatif)"));
  await followLink(summary, "Décrivez ce que vous avez constaté en quelques mots (10 caractères au moins).", page.getByLabel("Décrivez ce que vous avez constaté"));
  // A group of choices: the link leads to its first choice.
  await summary.getByRole("link", { name: "Choisissez ce que vous avez constaté." }).click();
  await expect(page.getByLabel("Un opérateur a refusé ma commande de fibre à cette adresse")).toBeFocused();
  await expect(page.getByRole("group", { name: "Qu'avez-vous constaté ?" })).toHaveAccessibleDescription("Choisissez ce que vous avez constaté.");

  // Corrected but for one field: the summary comes back, focused again, with that one only.
  await page.getByLabel("Un opérateur a refusé ma commande de fibre à cette adresse").check();
  await page.getByLabel("Décrivez ce que vous avez constaté").fill("Commande refusée par l'opérateur le 12/11.");
  await page.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(summaryOf(page)).toBeFocused();
  await expect(summaryOf(page).getByRole("link")).toHaveText(["Adresse e-mail invalide."]);
});

test("the alert form on an address page", async ({ page, expectAccessible }) => {
  await page.goto("/adresse/01053_v000_00012");
  const alerts = page.getByRole("region", { name: /^Être prévenu/ });
  await alerts.getByLabel("Votre adresse e-mail").fill("pas-une-adresse");
  await alerts.getByRole("button", { name: "Me prévenir" }).click();
  const summary = summaryOf(alerts);
  await expect(summary).toBeFocused();
  const message = (await summary.getByRole("link").textContent())!;
  expect(message).toMatch(/e-mail/);
  await followLink(summary, message, alerts.getByLabel("Votre adresse e-mail"));
  await expectAccessible();
});

test("the password forms: forgotten password and sign-in", async ({ page, expectAccessible }) => {
  await page.goto("/mot-de-passe-oublie");
  await page.getByRole("button", { name: "Recevoir un lien par e-mail" }).click();
  const summary = summaryOf(page);
  await expect(summary).toBeFocused();
  const message = (await summary.getByRole("link").textContent())!;
  await followLink(summary, message, page.getByLabel("Adresse e-mail de votre compte"));
  await expectAccessible();

  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(`personne-${Date.now()}@e2e.fibre-pro.test`);
  await page.getByLabel("Mot de passe").fill("pas-le-bon-mot-de-passe");
  await page.getByRole("button", { name: "Se connecter" }).click();
  const failed = page.getByRole("group", { name: "La connexion a échoué" });
  await expect(failed).toBeFocused();
  await failed.getByRole("link", { name: "Adresse e-mail ou mot de passe incorrect." }).click();
  await expect(page.getByLabel("Adresse e-mail")).toBeFocused();
  await expectAccessible();
});

test("admin forms: a zone, a file upload, an account", async ({ page, createOrganisation, createUser, signIn, expectAccessible }) => {
  const organisation = await createOrganisation({ communes: ["01053"] });
  await signIn(page, await createUser({ role: "org_admin", organisation }));

  // The admin menu marks where the page is.
  const menu = page.getByRole("navigation", { name: "Espace collectivités" });
  await page.goto("/admin");
  await expect(menu.getByRole("link", { name: "Tableau de bord" })).toHaveAttribute("aria-current", "page");

  await page.goto("/admin/zones/nouvelle");
  await expect(menu.getByRole("link", { name: "Zones d'activités" })).toHaveAttribute("aria-current", "true");
  // The drawing map: French zoom buttons, Geoman's tools named.
  const drawing = page.getByRole("region", { name: "Carte de dessin du contour de la zone" });
  await expect(drawing.getByRole("button", { name: "Zoom avant" })).toBeVisible();
  await expect(drawing.getByRole("button", { name: "Dessiner des polygones" })).toBeVisible();
  await page.getByRole("button", { name: "Enregistrer la zone" }).click();
  const zoneSummary = summaryOf(page);
  await expect(zoneSummary).toBeFocused();
  const zoneErrors = await zoneSummary.getByRole("link").allTextContents();
  expect(zoneErrors.length).toBeGreaterThanOrEqual(2);
  await followLink(zoneSummary, zoneErrors[0]!, page.getByLabel("Nom de la zone"));
  await followLink(zoneSummary, zoneErrors.at(-1)!, page.getByLabel("Contour au format GeoJSON"));
  await expectAccessible();

  await page.goto("/admin/imports");
  await page.getByRole("button", { name: "Envoyer et vérifier" }).click();
  const uploadSummary = summaryOf(page);
  await expect(uploadSummary).toBeFocused();
  await expect(uploadSummary.getByRole("link")).toHaveText(["Choisissez le format du fichier.", "Choisissez un fichier."]);
  await followLink(uploadSummary, "Choisissez un fichier.", page.getByLabel(/^Fichier \(CSV/));
  await expectAccessible();

  await page.goto("/admin/utilisateurs");
  await page.getByLabel("Adresse e-mail").fill("pas-une-adresse");
  await page.getByRole("button", { name: "Créer le compte et envoyer l'invitation" }).click();
  const accountSummary = summaryOf(page);
  await expect(accountSummary).toBeFocused();
  const accountError = (await accountSummary.getByRole("link").first().textContent())!;
  await followLink(accountSummary, accountError, page.getByLabel("Adresse e-mail"));
  await expectAccessible();
});
