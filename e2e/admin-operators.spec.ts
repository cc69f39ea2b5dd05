/**
 * Issue #14, the admin side of the business answer: a platform admin turns a code the data cites
 * into an operator directory entry, and the address page then names the operator with its offers in
 * « Que faire maintenant ? »; edits and removal are audited; organisation admins cannot reach the
 * directory and give their organisation's public contact, shown on the address pages of their
 * territory. Keyboard use, axe and screenshots (1280 and 375 px) on each page.
 */
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test, uniqueSuffix } from "./admin-fixtures";
import { screenshotsAt as screenshots } from "./capture";
import { tabTo } from "./page-checks";

// Accounts through the command line, a second browser, public pages with axe and screenshots: slow on 2 shared cores.
test.describe.configure({ timeout: 360_000 });

/** Demo addresses no other spec uses: Miribel for the operator, Trévoux for the contact. */
const OPERATOR_ADDRESS = "01249_v000_00007";
const CONTACT_COMMUNE = "01427";
const CONTACT_ADDRESS = "01427_v000_00003";

const nextSteps = (page: Page) => page.getByRole("region", { name: "Que faire maintenant ?" });
/** The code's line in « Codes cités sans fiche ». */
const unlistedCode = (page: Page, code: string) => page.getByRole("region", { name: /^Codes cités sans fiche/ }).getByRole("listitem").filter({ hasText: code });

test("a platform admin turns a code the data cites into a directory entry; the address page then names the operator with its offers", async ({
  page,
  browser,
  baseURL,
  createOrganisation,
  createUser,
  signIn,
}) => {
  const suffix = uniqueSuffix();
  const operatorName = `Fibre Pro Test ${suffix}`;
  const code = `PUB-FIBRE-PRO-TEST-${suffix.toUpperCase()}`;
  const offersUrl = `https://pro-${suffix}.example/offres`;

  // A collectivité publishes FttH for one address, naming an operator the directory does not know.
  const organisation = await createOrganisation({ communes: ["01249"] });
  const editorContext = await browser.newContext({ baseURL, locale: "fr-FR" });
  const editor = await editorContext.newPage();
  await signIn(editor, await createUser({ role: "editor", organisation }));
  await editor.goto("/admin/publications/nouvelle");
  await editor.getByLabel("des adresses précises").check();
  await editor.getByLabel("Identifiants BAN des adresses").fill(OPERATOR_ADDRESS);
  await editor.getByLabel("Technologie").selectOption("FTTH");
  await editor.getByLabel("État").selectOption("DEPLOYE");
  await editor.getByLabel("Date de mise en service").fill("2026-10-01");
  await editor.getByLabel("Autres opérateurs").fill(operatorName);
  await editor.getByRole("button", { name: "Publier", exact: true }).click();
  await expect(editor.getByRole("status").filter({ hasText: /^Publié :/ })).toBeVisible();
  await editorContext.close();

  await page.goto(`/adresse/${OPERATOR_ADDRESS}`);
  await expect(nextSteps(page)).toContainText(`${operatorName} est présent à cette adresse`);
  await expect(nextSteps(page).getByRole("link", { name: new RegExp(operatorName) })).toHaveCount(0);

  // The platform admin's dashboard counts the codes without an entry; the menu leads to the directory.
  await signIn(page, await createUser({ role: "admin" }));
  await page.goto("/admin");
  await expect(page.getByText("Toute la plateforme")).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: /codes? d'opérateurs? sans fiche dans l'annuaire/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, "dashboard-platform");
  await page.getByRole("navigation", { name: "Espace collectivités" }).getByRole("link", { name: "Opérateurs" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Annuaire des opérateurs" })).toBeVisible();
  await expect(page.getByText("« Arcep — référentiel des opérateurs (code → nom, CSV) »")).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, "operators-list");

  // The unlisted code opens the new-entry form prefilled with it and its name.
  const row = unlistedCode(page, code);
  await expect(row).toContainText(operatorName);
  await tabTo(page, row.getByRole("link", { name: `Créer la fiche du code ${code}` }), 200);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Ajouter un opérateur" })).toBeVisible();
  await expect(page.getByLabel("Nom de l'opérateur")).toHaveValue(operatorName);
  await expect(page.getByLabel("Codes dans les fichiers")).toHaveValue(code);
  await expectNoAxeViolations(page);

  // A bad address is refused beside its field; what was typed stays.
  await page.getByRole("checkbox", { name: /^FttH pro/ }).check();
  await page.getByLabel("Page des offres entreprises (facultatif)").fill("pro.example/offres");
  await page.getByRole("button", { name: "Ajouter à l'annuaire" }).click();
  await expect(page.getByText("Page des offres entreprises : indiquez une adresse qui commence par https://.")).toBeVisible();
  await expect(page.getByLabel("Page des offres entreprises (facultatif)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("checkbox", { name: /^FttH pro/ })).toBeChecked();
  await expectNoAxeViolations(page);
  await screenshots(page, "operators-new-errors");

  // Filled with the keyboard from the offers field on.
  await page.getByLabel("Page des offres entreprises (facultatif)").fill(offersUrl);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Test d'éligibilité (facultatif)")).toBeFocused();
  await page.keyboard.type(`https://pro-${suffix}.example/test`);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/admin\/operateurs\?enregistre=/);
  await expect(page.getByRole("status").filter({ hasText: `Fiche « ${operatorName} » enregistrée` })).toBeVisible();
  const entry = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: operatorName }) });
  await expect(entry).toContainText(code);
  await expect(entry).toContainText("FttH pro");
  await expect(entry).toContainText("Toute la France");
  await expect(entry.getByRole("link", { name: /Offres entreprises/ })).toHaveAttribute("href", offersUrl);
  await expect(unlistedCode(page, code)).toHaveCount(0);

  // The address page now names it, with its offers and its eligibility tester.
  await page.goto(`/adresse/${OPERATOR_ADDRESS}`);
  await expect(nextSteps(page).getByRole("link", { name: `Commander une offre professionnelle chez ${operatorName}` })).toHaveAttribute("href", offersUrl);
  await expect(nextSteps(page).getByRole("link", { name: `Tester l'éligibilité de votre adresse chez ${operatorName}` })).toHaveAttribute(
    "href",
    `https://pro-${suffix}.example/test`,
  );
  await expectNoAxeViolations(page);
  await screenshots(page, "address-with-directory-entry");
});

test("a platform admin edits an entry and removes it after confirming; each change is in the audit log", async ({ page, createUser, signIn }) => {
  const suffix = uniqueSuffix();
  const operatorName = `Opérateur édité ${suffix}`;
  const code = `E2E${suffix.toUpperCase()}`;
  await signIn(page, await createUser({ role: "admin" }));

  await page.goto("/admin/operateurs");
  await tabTo(page, page.getByRole("link", { name: "Ajouter un opérateur" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Ajouter un opérateur" })).toBeVisible();
  await page.getByLabel("Nom de l'opérateur").fill(operatorName);
  await page.getByLabel("Codes dans les fichiers").fill(code.toLowerCase());
  await page.getByLabel("Site web (facultatif)").fill(`https://www.${suffix}.example`);
  await page.getByRole("button", { name: "Ajouter à l'annuaire" }).click();
  const entry = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: operatorName }) });
  await expect(entry).toContainText(code);
  await expect(entry).toContainText("aucune");

  // Edited: sold in two départements only; a département that does not exist is refused beside its field.
  await entry.getByRole("link", { name: `Modifier la fiche ${operatorName}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: operatorName })).toBeVisible();
  await expect(page.getByLabel("Codes dans les fichiers")).toHaveValue(code);
  await expectNoAxeViolations(page);
  await screenshots(page, "operators-edit");
  await page.getByLabel("Certains départements").check();
  await page.getByLabel("Départements", { exact: true }).fill("01, 99");
  await page.getByRole("checkbox", { name: /^FttO/ }).check();
  await page.getByRole("button", { name: "Enregistrer la fiche" }).click();
  await expect(page.getByText("Département inconnu : 99.")).toBeVisible();
  await expect(page.getByLabel("Départements", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Départements", { exact: true }).fill("01, 69");
  await page.getByRole("button", { name: "Enregistrer la fiche" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Fiche « ${operatorName} » enregistrée` })).toBeVisible();
  await expect(entry).toContainText("Ain (01), Rhône (69)");
  await expect(entry).toContainText("FttO");

  // Removal needs its confirmation box, ticked here with the keyboard; the code has no entry any more.
  await entry.getByRole("link", { name: `Modifier la fiche ${operatorName}` }).click();
  await page.getByRole("button", { name: "Retirer de l'annuaire" }).click();
  await expect(page.getByText("Cochez la case pour confirmer le retrait.")).toBeVisible();
  const confirm = page.getByRole("checkbox", { name: `Je confirme le retrait de « ${operatorName} » de l'annuaire.` });
  await expect(confirm).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);
  await confirm.focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Retirer de l'annuaire" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "La fiche a été retirée de l'annuaire" })).toBeVisible();
  await expect(page.getByRole("heading", { name: operatorName })).toHaveCount(0);

  // The audit log has the three changes, in French.
  await page.goto("/admin/journal?type=operator");
  for (const [summary, label] of [
    [`Fiche créée dans l'annuaire des opérateurs : « ${operatorName} »`, "Opérateur ajouté à l'annuaire"],
    [`Fiche modifiée dans l'annuaire des opérateurs : « ${operatorName} »`, "Fiche d'opérateur modifiée"],
    [`Fiche retirée de l'annuaire des opérateurs : « ${operatorName} »`, "Opérateur retiré de l'annuaire"],
  ]) {
    await expect(page.getByRole("row").filter({ hasText: summary })).toContainText(label!);
  }
  await expectNoAxeViolations(page);
});

test("an organisation admin cannot reach the directory, and gives the organisation's public contact, shown on the address pages of its territory", async ({
  page,
  createOrganisation,
  createUser,
  signIn,
}) => {
  const organisation = await createOrganisation({ name: "Mairie de test", communes: [CONTACT_COMMUNE] });
  await signIn(page, await createUser({ role: "org_admin", organisation }));
  const email = `economie-${uniqueSuffix()}@mairie.example`;

  for (const path of ["/admin/operateurs", "/admin/operateurs/nouveau"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "Accès refusé" })).toBeVisible();
  }
  await expect(page.getByRole("navigation", { name: "Espace collectivités" }).getByRole("link", { name: "Opérateurs" })).toHaveCount(0);

  // The dashboard says the contact is missing and leads to « Mon organisation ».
  await page.goto("/admin");
  const missing = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Votre organisation n'a pas de contact public" }) });
  await tabTo(page, missing.getByRole("link", { name: "Indiquer un contact public" }), 60);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Mon organisation" })).toBeVisible();
  await expect(page.getByText(organisation.name, { exact: true })).toBeVisible();
  await expect(page.getByText(`Trévoux (${CONTACT_COMMUNE})`)).toBeVisible();
  await expect(page.getByText("« Que faire maintenant ? »", { exact: false })).toBeVisible();
  await expectNoAxeViolations(page);

  // Typed with the keyboard; a wrong e-mail is refused beside its field.
  await page.getByLabel("E-mail de contact (facultatif)").focus();
  await page.keyboard.type("economie@");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Téléphone (facultatif)")).toBeFocused();
  await page.keyboard.type("04 74 11 22 33");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Cette adresse e-mail n'est pas valide (exemple : economie@agglo.fr).")).toBeVisible();
  await expect(page.getByLabel("E-mail de contact (facultatif)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Téléphone (facultatif)")).toHaveValue("04 74 11 22 33");
  await expectNoAxeViolations(page);
  await screenshots(page, "my-organisation-errors");
  await page.getByLabel("E-mail de contact (facultatif)").fill(email);
  await page.getByLabel("Page web (facultatif)").fill("https://www.mairie.example/fibre");
  await page.getByRole("button", { name: "Enregistrer le contact public" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Contact public enregistré" })).toBeVisible();
  await screenshots(page, "my-organisation");

  // The address page of its territory shows it.
  await page.goto(`/adresse/${CONTACT_ADDRESS}`);
  const contact = nextSteps(page).getByRole("listitem").filter({ hasText: `Contacter ${organisation.name}` });
  await expect(contact.getByRole("link", { name: `Contacter ${organisation.name}` })).toHaveAttribute("href", "https://www.mairie.example/fibre");
  await expect(contact.getByRole("link", { name: email })).toHaveAttribute("href", `mailto:${email}`);
  await expect(contact.getByRole("link", { name: "04 74 11 22 33" })).toHaveAttribute("href", "tel:0474112233");
  await expectNoAxeViolations(page);

  // Its journal has the change; the dashboard no longer asks for it.
  await page.goto("/admin/journal");
  await expect(page.getByRole("row").filter({ hasText: "Contact public modifié" }).first()).toBeVisible();
  await page.goto("/admin");
  await expect(page.getByText("Votre organisation a un contact public")).toBeVisible();

  // Emptied, it leaves the public pages.
  await page.goto("/admin/organisation");
  for (const label of ["E-mail de contact (facultatif)", "Téléphone (facultatif)", "Page web (facultatif)"]) await page.getByLabel(label).fill("");
  await page.getByRole("button", { name: "Enregistrer le contact public" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Contact public effacé" })).toBeVisible();
  await page.goto(`/adresse/${CONTACT_ADDRESS}`);
  await expect(nextSteps(page)).not.toContainText(organisation.name);
});
