/** Issue #2's slice: find a commune from the home page and read its page. */
import crypto from "node:crypto";
import { expectNoAxeViolations, test as withData } from "./admin-fixtures";
import { expect, test } from "./fixtures";

test.describe("commune search", () => {
  test("suggests Saint-Étienne for « saint-eti » and opens it from the keyboard", async ({ page, expectAccessible }) => {
    // The Ain's Saint-Étienne-* communes, which have data on the demo portal, are listed first.
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Quelle fibre pour votre entreprise");
    await expectAccessible();

    const box = page.getByRole("combobox", { name: /Rechercher une adresse/ });
    await expect(box).toBeFocused();
    await box.pressSequentially("saint-eti");
    const listbox = page.getByRole("listbox", { name: "Suggestions" });
    const saintEtienne = listbox.getByRole("option", { name: /Saint-Étienne \(42\)/ });
    await expect(saintEtienne).toBeVisible();
    await expect(box).toHaveAttribute("aria-expanded", "true");
    await expect(page.getByRole("status").filter({ hasText: /^\d+ suggestions disponibles\.$/ })).toHaveCount(1);
    await expectAccessible();

    const options = await listbox.getByRole("option").allTextContents();
    const position = options.findIndex((text) => text.includes("Saint-Étienne (42)"));
    for (let press = 0; press <= position; press += 1) await box.press("ArrowDown");
    await expect(saintEtienne).toHaveAttribute("aria-selected", "true");
    await expect(box).toHaveAttribute("aria-activedescendant", (await saintEtienne.getAttribute("id")) ?? "");
    await box.press("Enter");

    await expect(page).toHaveURL(/\/commune\/42218$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Saint-Étienne");
    const territory = page.getByRole("region", { name: "Territoire" });
    await expect(territory).toContainText("Loire (42)");
    await expect(territory).toContainText("Auvergne-Rhône-Alpes");
    await expect(territory).toContainText("Saint-Étienne Métropole");
    await expect(territory).toContainText("173 136 habitants");
    await expect(territory).toContainText("42000, 42100, 42230");
    await expect(page).toHaveTitle("Saint-Étienne (42) — Fibre Pro");
    await expectAccessible();
  });

  test("finds a commune by postcode and opens it with the mouse", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("combobox", { name: /Rechercher une adresse/ }).fill("42000");
    const option = page.getByRole("option", { name: /Saint-Étienne \(42\)/ });
    await expect(option).toBeVisible();
    await option.click();
    await expect(page).toHaveURL(/\/commune\/42218$/);
  });

  test("Escape closes the suggestions", async ({ page }) => {
    await page.goto("/");
    const box = page.getByRole("combobox", { name: /Rechercher une adresse/ });
    await box.fill("lyon");
    await expect(page.getByRole("option").first()).toBeVisible();
    await box.press("Escape");
    await expect(box).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByRole("listbox", { name: "Suggestions" })).toBeHidden();
  });

  test("Enter without a chosen suggestion shows the results page", async ({ page, expectAccessible }) => {
    await page.goto("/");
    const box = page.getByRole("combobox", { name: /Rechercher une adresse/ });
    await box.fill("saint etienne");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/recherche\?q=saint\+etienne$/);
    await expect(page.getByRole("heading", { level: 2 })).toContainText("pour « saint etienne »");
    await expect(page.getByRole("link", { name: "Saint-Étienne (42)" })).toBeVisible();
    await expectAccessible();
  });

  test("an unknown commune gets a French 404 page", async ({ page, expectAccessible }) => {
    const response = await page.goto("/commune/99999");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
    await expect(page.getByRole("combobox", { name: /Rechercher une adresse/ })).toBeVisible();
    // Inside the public frame once: the group's not-found, not the root one that draws its own frame.
    await expect(page.locator("header")).toHaveCount(1);
    await expect(page.locator("main")).toHaveCount(1);
    await expect(page.locator("footer")).toHaveCount(1);
    await expectAccessible();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the search form still finds communes", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("combobox", { name: /Rechercher une adresse/ }).fill("lyon");
    await page.getByRole("button", { name: "Rechercher" }).click();
    await expect(page).toHaveURL(/\/recherche\?q=lyon$/);
    await page.getByRole("link", { name: "Lyon (69)", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lyon");
  });
});

withData("a SIRET typed in the search box, spaces and all, leads to the establishment", async ({ page, make }) => {
  const siret = String(crypto.randomInt(10 ** 13, 10 ** 14 - 1)).padStart(14, "0");
  await make({ op: "establishment", siret, tradeName: `Imprimerie du Test ${siret.slice(-4)}`, addressId: "01053_v000_00012" });
  await page.goto("/");
  const box = page.getByRole("combobox", { name: /ou une entreprise/ });
  await box.pressSequentially(`${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`);
  const option = page.getByRole("listbox", { name: "Suggestions" }).getByRole("option", { name: new RegExp(`^Entreprise\\s*Imprimerie du Test ${siret.slice(-4)} — .*01000 Bourg-en-Bresse`) });
  await expect(option).toContainText(`SIRET ${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`);
  await expectNoAxeViolations(page);
  await box.press("ArrowDown");
  await expect(option).toHaveAttribute("aria-selected", "true");
  await box.press("Enter");
  // /etablissement/<siret> (engineer A's page) sends to the address page naming the establishment.
  await expect(page).toHaveURL(new RegExp(`/etablissement/${siret}$|/adresse/01053_v000_00012\\?siret=${siret}$`));
});
