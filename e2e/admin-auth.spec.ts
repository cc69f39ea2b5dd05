/**
 * Signing in and out of the admin area: the French form, wrong passwords, throttling after too
 * many failures (even the right password is then refused), the admin pages closed to visitors.
 */
import { E2E_PASSWORD, expect, test } from "./admin-fixtures";

test("a visitor is sent to the sign-in page, signs in with the form and out again", async ({ page, createOrganisation, createUser, expectAccessible }) => {
  const organisation = await createOrganisation({ communes: ["01053"] });
  const editor = await createUser({ role: "editor", organisation });

  await page.goto("/admin");
  await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Fadmin$/);
  await expect(page.getByRole("heading", { level: 1, name: "Espace collectivités" })).toBeVisible();
  await expectAccessible();

  await page.getByLabel("Adresse e-mail").fill(editor.email);
  await page.getByLabel("Mot de passe").fill("not the password");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Adresse e-mail ou mot de passe incorrect." })).toBeVisible();

  await page.getByLabel("Mot de passe").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Tableau de bord — ${organisation.name}` })).toBeVisible();
  await expect(page.getByText(`Éditeur · ${organisation.name}`)).toBeVisible();
  await expectAccessible();

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/connexion/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/connexion/);
});

test("after five wrong passwords the account is locked for a while, even with the right one", async ({ page, createOrganisation, createUser }) => {
  const organisation = await createOrganisation({ communes: ["01053"] });
  const editor = await createUser({ role: "editor", organisation });
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(editor.email);
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await page.getByLabel("Mot de passe").fill(`wrong password ${attempt}`);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "incorrect" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Se connecter" })).toBeEnabled();
  }
  await page.getByLabel("Mot de passe").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /Trop de tentatives de connexion échouées.*réessayez dans 1[45] minutes/ })).toBeVisible();
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/connexion/);
});

test("a direct request to an admin page without a session gets the sign-in page, never admin content", async ({ request }) => {
  const response = await request.get("/admin", { maxRedirects: 0 });
  expect([307, 303, 302]).toContain(response.status());
  expect(response.headers()["location"]).toContain("/connexion");
});
