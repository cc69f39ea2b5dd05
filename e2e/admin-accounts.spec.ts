/**
 * Accounts and organisations (issue #5): password reset by a mailed one-time link, invitations,
 * role and account management by organisation admins, 403 for editors, crafted action
 * submissions refused, organisations created by platform admins from an EPCI.
 */
import type { Browser, Page } from "@playwright/test";
import { E2E_PASSWORD, expect, test, uniqueSuffix, type TestUser } from "./admin-fixtures";
import { countMails, passwordLink, waitForMail } from "./mail";

// Each test creates several accounts through the command line and signs in two or three browsers.
test.slow();

async function signInWithForm(page: Page, email: string, password: string) {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

/** A second browser, signed in as this user. */
async function otherSession(browser: Browser, baseURL: string | undefined, user: TestUser, signIn: (page: Page, user: TestUser) => Promise<void>) {
  const context = await browser.newContext({ baseURL, locale: "fr-FR" });
  const page = await context.newPage();
  await signIn(page, user);
  return { context, page };
}

test("a forgotten password is reset through the mailed link; the old one stops working", async ({ page, server, createOrganisation, createUser, expectAccessible }) => {
  const organisation = await createOrganisation({ communes: ["01053"] });
  const editor = await createUser({ role: "editor", organisation });
  const neutral = /Si un compte actif correspond à cette adresse, un e-mail vient de lui être envoyé/;

  await page.goto("/connexion");
  await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mot de passe oublié" })).toBeVisible();
  await expectAccessible();

  // An unknown address gets the same answer, and no mail.
  const unknown = `nobody-${uniqueSuffix()}@e2e.fibre-pro.test`;
  await page.getByLabel("Adresse e-mail de votre compte").fill(unknown);
  await page.getByRole("button", { name: "Recevoir un lien par e-mail" }).click();
  await expect(page.getByRole("status").filter({ hasText: neutral })).toBeVisible();

  await page.getByLabel("Adresse e-mail de votre compte").fill(editor.email.toUpperCase());
  await page.getByRole("button", { name: "Recevoir un lien par e-mail" }).click();
  await expect(page.getByRole("status").filter({ hasText: neutral })).toBeVisible();
  await expectAccessible();

  const mail = await waitForMail(server.outboxDir, editor.email);
  expect(countMails(server.outboxDir, unknown)).toBe(0);
  expect(mail.subject).toBe("Fibre Pro : réinitialisation de votre mot de passe");
  expect(mail.text).toContain("Ce lien est valable une heure");
  const link = passwordLink(mail);

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Choisir un nouveau mot de passe" })).toBeVisible();
  await expect(page.getByText(editor.email)).toBeVisible();
  await expectAccessible();
  await page.getByLabel("Nouveau mot de passe").fill("new-Password-2026");
  await page.getByLabel("Le même mot de passe, une seconde fois").fill("new-Password-2027");
  await page.getByRole("button", { name: "Changer mon mot de passe" }).click();
  // The message is beside the field (its description) and in the error summary, which takes the focus.
  await expect(page.getByLabel("Le même mot de passe, une seconde fois")).toHaveAccessibleDescription("Les deux mots de passe ne sont pas identiques.");
  await expect(page.getByRole("group", { name: "Le formulaire contient une erreur" })).toBeFocused();
  await expect(page.getByLabel("Le même mot de passe, une seconde fois")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Nouveau mot de passe").fill("short");
  await page.getByLabel("Le même mot de passe, une seconde fois").fill("short");
  await page.getByRole("button", { name: "Changer mon mot de passe" }).click();
  await expect(page.getByLabel("Nouveau mot de passe")).toHaveAccessibleDescription(/Le mot de passe doit comporter au moins 10 caractères\.$/);
  await expectAccessible();

  await page.getByLabel("Nouveau mot de passe").fill("new-Password-2026");
  await page.getByLabel("Le même mot de passe, une seconde fois").fill("new-Password-2026");
  await page.getByRole("button", { name: "Changer mon mot de passe" }).click();
  await expect(page).toHaveURL(/\/connexion\?reset=1$/);
  await expect(page.getByRole("status").filter({ hasText: "Votre mot de passe a été changé." })).toBeVisible();

  await signInWithForm(page, editor.email, E2E_PASSWORD);
  await expect(page.getByRole("alert").filter({ hasText: "Adresse e-mail ou mot de passe incorrect." })).toBeVisible();
  await signInWithForm(page, editor.email, "new-Password-2026");
  await expect(page.getByRole("heading", { level: 1, name: `Tableau de bord — ${organisation.name}` })).toBeVisible();

  // The link served once.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Lien expiré ou déjà utilisé" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Demander un nouveau lien" })).toHaveAttribute("href", "/mot-de-passe-oublie");
  await expectAccessible();
});

test("an organisation admin invites an editor and disables another account, whose session ends at once", async ({
  page, browser, baseURL, server, createOrganisation, createUser, signIn, expectAccessible,
}) => {
  const organisation = await createOrganisation({ communes: ["01053", "01451"] });
  const orgAdmin = await createUser({ role: "org_admin", organisation });
  const colleague = await createUser({ role: "editor", organisation });
  const colleagueSession = await otherSession(browser, baseURL, colleague, signIn);
  await colleagueSession.page.goto("/admin");
  await expect(colleagueSession.page.getByRole("heading", { level: 1, name: /Tableau de bord/ })).toBeVisible();

  await signIn(page, orgAdmin);
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Espace collectivités" }).getByRole("link", { name: "Comptes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Comptes — ${organisation.name}` })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: colleague.email })).toBeVisible();
  await expectAccessible();

  // Invite a new editor.
  const newEmail = `invited-${uniqueSuffix()}@e2e.fibre-pro.test`;
  await page.getByLabel("Adresse e-mail").fill(newEmail);
  await page.getByLabel("Nom et prénom (facultatif)").fill("Camille Invitée");
  await expect(page.getByLabel("Rôle", { exact: true }).locator("option")).toHaveText(["Administrateur de l'organisation", "Éditeur"]);
  await page.getByLabel("Rôle", { exact: true }).selectOption({ label: "Éditeur" });
  await page.getByRole("button", { name: "Créer le compte et envoyer l'invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Compte créé pour ${newEmail}` })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: newEmail })).toBeVisible();
  await expectAccessible();

  const invitation = await waitForMail(server.outboxDir, newEmail);
  expect(invitation.subject).toBe("Fibre Pro : votre compte de l'espace collectivités");
  expect(invitation.text).toContain(`pour ${organisation.name}`);
  expect(invitation.text).toContain("valable 72 heures");

  // Disable the colleague: their open session stops working.
  await page.getByRole("button", { name: `Désactiver le compte ${colleague.email}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `Compte ${colleague.email} désactivé` })).toBeVisible();
  await expect(page.getByRole("button", { name: `Réactiver le compte ${colleague.email}` })).toBeVisible();
  await colleagueSession.page.goto("/admin");
  await expect(colleagueSession.page).toHaveURL(/\/connexion/);
  await colleagueSession.context.close();

  // Nobody disables or demotes themselves.
  await expect(page.getByRole("row").filter({ hasText: orgAdmin.email }).getByText("Votre compte")).toBeVisible();

  // The invited editor sets a password through the link and signs in.
  const invited = await browser.newContext({ baseURL, locale: "fr-FR" });
  const invitedPage = await invited.newPage();
  await invitedPage.goto(passwordLink(invitation));
  await expect(invitedPage.getByRole("heading", { level: 1, name: "Bienvenue : choisissez votre mot de passe" })).toBeVisible();
  await invitedPage.getByLabel("Nouveau mot de passe").fill("invited-Password-2026");
  await invitedPage.getByLabel("Le même mot de passe, une seconde fois").fill("invited-Password-2026");
  await invitedPage.getByRole("button", { name: "Créer mon mot de passe" }).click();
  await expect(invitedPage).toHaveURL(/\/connexion\?reset=1$/);
  await signInWithForm(invitedPage, newEmail, "invited-Password-2026");
  await expect(invitedPage.getByText(`Camille Invitée · Éditeur · ${organisation.name}`)).toBeVisible();
  await invited.close();
});

test("roles change, but an organisation never loses its last active admin", async ({ page, browser, baseURL, createOrganisation, createUser, signIn }) => {
  const organisation = await createOrganisation({ communes: ["01053"] });
  const first = await createUser({ role: "org_admin", organisation });
  const second = await createUser({ role: "org_admin", organisation });
  await signIn(page, first);
  await page.goto("/admin/utilisateurs");
  const secondRow = page.getByRole("row").filter({ hasText: second.email });
  await secondRow.getByLabel(`Rôle de ${second.email}`).selectOption({ label: "Éditeur" });
  await secondRow.getByRole("button", { name: `Changer le rôle de ${second.email}` }).click();
  await expect(secondRow.getByRole("status").filter({ hasText: `Rôle de ${second.email} changé.` })).toBeVisible();
  await expect(secondRow.getByRole("cell", { name: "Éditeur", exact: true })).toBeVisible();

  // Now the first is the only admin left: even a platform admin may not disable them.
  const platformAdmin = await createUser({ role: "admin" });
  const adminSession = await otherSession(browser, baseURL, platformAdmin, signIn);
  await adminSession.page.goto(`/admin/utilisateurs?organisation=${organisation.id}`);
  const firstRow = adminSession.page.getByRole("row").filter({ hasText: first.email });
  await firstRow.getByRole("button", { name: `Désactiver le compte ${first.email}` }).click();
  await expect(firstRow.getByRole("alert").filter({ hasText: "est le dernier administrateur actif de son organisation" })).toBeVisible();
  await adminSession.page.reload();
  await expect(adminSession.page.getByRole("row").filter({ hasText: first.email }).getByRole("cell", { name: "Actif" })).toBeVisible();
  await adminSession.context.close();
});

test("an editor gets 403 on the accounts and organisations pages", async ({ page, createOrganisation, createUser, signIn, expectAccessible }) => {
  const organisation = await createOrganisation({ communes: ["01053"] });
  const editor = await createUser({ role: "editor", organisation });
  await signIn(page, editor);
  for (const path of ["/admin/utilisateurs", "/admin/organisations"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "Accès refusé" })).toBeVisible();
  }
  await expectAccessible();
  await page.goto("/admin");
  await expect(page.getByRole("navigation", { name: "Espace collectivités" }).getByRole("link", { name: "Comptes" })).toHaveCount(0);
});

test("a crafted submission against another organisation's account is refused", async ({ page, browser, baseURL, createOrganisation, createUser, signIn }) => {
  const organisationA = await createOrganisation({ name: "Organisation A", communes: ["01053"] });
  const organisationB = await createOrganisation({ name: "Organisation B", communes: ["01283"] });
  const adminA = await createUser({ role: "org_admin", organisation: organisationA });
  const editorA = await createUser({ role: "editor", organisation: organisationA });
  const editorB = await createUser({ role: "editor", organisation: organisationB });
  const platformAdmin = await createUser({ role: "admin" });

  // The id of B's editor, as a platform admin sees it.
  const adminSession = await otherSession(browser, baseURL, platformAdmin, signIn);
  await adminSession.page.goto(`/admin/utilisateurs?organisation=${organisationB.id}`);
  const editorBId = await adminSession.page.getByRole("row").filter({ hasText: editorB.email }).locator('input[name="userId"]').first().inputValue();
  expect(editorBId).toBeTruthy();

  await signIn(page, adminA);
  await page.goto("/admin/utilisateurs");
  await expect(page.getByRole("row").filter({ hasText: editorB.email })).toHaveCount(0);
  const rowA = page.getByRole("row").filter({ hasText: editorA.email });
  await rowA.locator('input[name="userId"]').evaluateAll((inputs, id) => inputs.forEach((input) => ((input as HTMLInputElement).value = id)), editorBId);
  const [refused] = await Promise.all([
    page.waitForResponse((answer) => answer.request().method() === "POST"),
    rowA.getByRole("button", { name: `Désactiver le compte ${editorA.email}` }).click(),
  ]);
  expect(refused.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Accès refusé" })).toBeVisible();
  await page.goto("/admin/utilisateurs");
  await rowA.locator('input[name="userId"]').evaluateAll((inputs, id) => inputs.forEach((input) => ((input as HTMLInputElement).value = id)), editorBId);
  await rowA.getByLabel(`Rôle de ${editorA.email}`).selectOption({ label: "Administrateur de l'organisation" });
  const [alsoRefused] = await Promise.all([
    page.waitForResponse((answer) => answer.request().method() === "POST"),
    rowA.getByRole("button", { name: `Changer le rôle de ${editorA.email}` }).click(),
  ]);
  expect(alsoRefused.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Accès refusé" })).toBeVisible();

  // B's editor is untouched: still active, still an editor, and can sign in.
  await adminSession.page.reload();
  const rowB = adminSession.page.getByRole("row").filter({ hasText: editorB.email });
  await expect(rowB.getByRole("cell", { name: "Actif" })).toBeVisible();
  await expect(rowB.getByRole("cell", { name: "Éditeur", exact: true })).toBeVisible();
  await adminSession.context.close();
  const check = await otherSession(browser, baseURL, editorB, signIn);
  await check.context.close();
});

test("a platform admin creates an organisation from an EPCI's SIREN, then changes its territory", async ({ page, createUser, signIn, expectAccessible }) => {
  const platformAdmin = await createUser({ role: "admin" });
  await signIn(page, platformAdmin);
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Espace collectivités" }).getByRole("link", { name: "Organisations" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Organisations" })).toBeVisible();
  await expect(page.getByRole("link", { name: "CA du Bassin de Bourg-en-Bresse", exact: true })).toBeVisible();
  await expectAccessible();

  const name = `Syndicat de test ${uniqueSuffix()}`;
  await page.getByLabel("Nom", { exact: true }).fill(name);
  await page.getByLabel("Type").selectOption({ label: "Collectivité" });
  await page.getByLabel("Les communes d'un EPCI").check();
  await page.getByLabel("SIREN de l'EPCI").fill("2000717");
  await page.getByRole("button", { name: "Créer l'organisation" }).click();
  await expect(page.getByLabel("SIREN de l'EPCI")).toHaveAccessibleDescription(/Le SIREN d'un EPCI compte 9 chiffres \(exemple : 200071751\)\.$/);
  await expect(page.getByRole("group", { name: "Le formulaire contient une erreur" })).toBeFocused();
  await expect(page.getByLabel("SIREN de l'EPCI")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible();

  await page.getByLabel("SIREN de l'EPCI").fill("200071751");
  await page.getByRole("button", { name: "Créer l'organisation" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: `Organisation « ${name} » créée.` })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Territoire : 74 communes" })).toBeVisible();
  await expect(page.getByText("Bourg-en-Bresse (01053)")).toBeVisible();
  await expectAccessible();

  await page.getByLabel("Une liste de communes").check();
  await page.getByLabel("Codes INSEE des communes").fill("01053, 01451\n99999");
  await page.getByRole("button", { name: "Remplacer le territoire" }).click();
  await expect(page.getByLabel("Codes INSEE des communes")).toHaveAccessibleDescription(/Code INSEE inconnu : 99999\.$/);
  await page.getByLabel("Codes INSEE des communes").fill("01053, 01451");
  await page.getByRole("button", { name: "Remplacer le territoire" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Territoire enregistré : 2 communes." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Territoire : 2 communes" })).toBeVisible();
});

test("wrong passwords lock an account from their source only; its owner is mailed and an organisation admin unlocks it", async ({
  page, request, server, createOrganisation, createUser, signIn, expectAccessible,
}) => {
  const organisation = await createOrganisation({ communes: ["01053"] });
  const orgAdmin = await createUser({ role: "org_admin", organisation });
  const editor = await createUser({ role: "editor", organisation });
  const attempt = async (password: string) => {
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const answer = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email: editor.email, password, json: "true" } });
    return new URL(((await answer.json()) as { url: string }).url).searchParams.get("error");
  };
  for (let count = 0; count < 5; count += 1) expect(await attempt(`wrong ${count}`)).toBe("CredentialsSignin");
  expect(await attempt(editor.password)).toMatch(/^throttled:1[45]:account-source$/);

  const mail = await waitForMail(server.outboxDir, editor.email);
  expect(mail.subject).toBe("Fibre Pro : connexions à votre compte bloquées");
  expect(mail.text).toContain("127.0.0.1");

  await signIn(page, orgAdmin);
  await page.goto("/admin/utilisateurs");
  const row = page.getByRole("row").filter({ hasText: editor.email });
  await expect(row.getByText("Connexion bloquée")).toBeVisible();
  await expectAccessible();
  await row.getByRole("button", { name: `Débloquer la connexion de ${editor.email}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `Connexion de ${editor.email} débloquée.` })).toBeVisible();
  await expect(row.getByText("Connexion bloquée")).toHaveCount(0);
  await expectAccessible();

  expect(await attempt(editor.password)).toBeNull();
  await page.goto("/admin/journal");
  await expect(page.getByRole("row").filter({ hasText: `Connexion du compte ${editor.email} débloquée` })).toContainText("IP 127.0.0.1");
});
