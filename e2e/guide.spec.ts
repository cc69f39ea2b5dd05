/**
 * Issue #14, item 4: « Quelle fibre pour mon entreprise ? » — three questions, a recommendation
 * with its reasons, and from an address page its level there with the next steps; without
 * JavaScript, with a bad link (error summary), from the keyboard. axe on every state; screenshots
 * at 1280 and 375 px, the answer and the first next step in view at 375 px after submitting.
 */
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { capture } from "./capture";

const BOURG = "01053_v001_00012";
const BOURG_LABEL = "12 Avenue d'Alsace-Lorraine, 01000 Bourg-en-Bresse";
/** In the activity zone where a publication says FttO is available (lib/demo/business.ts). */
const BOURG_ZONE = "01053_v00o_00001";
/** No source at all: only FttO's general rule. */
const NOTHING = "01001_v000_00004";

const question = (page: Page, number: 1 | 2 | 3) => page.getByRole("group", { name: new RegExp(`^${number}\\. `) });

async function answer(page: Page, choices: [RegExp, RegExp, RegExp]) {
  for (const [index, choice] of choices.entries()) await question(page, (index + 1) as 1 | 2 | 3).getByRole("radio", { name: choice }).check();
  await page.getByRole("button", { name: "Voir la fibre qui vous convient" }).click();
}

const result = (page: Page) => page.getByRole("region", { name: /^Notre conseil : / });

const MOBILE = { width: 375, height: 667 };

/**
 * Call at 375 px right after submitting: the answer and the first step must be in view there.
 * Keeps screenshots at 375 px (the view and the full page) and at 1280 px with the test's output.
 */
async function checkFoldAndScreenshot(page: Page, name: string, firstStep: Locator) {
  await expect(page.getByRole("heading", { level: 2, name: /^Notre conseil : / })).toBeInViewport();
  await expect(firstStep).toBeInViewport();
  await capture(page, `${name}-375.png`, { fullPage: false });
  await capture(page, `${name}-375-full.png`);
  await page.setViewportSize({ width: 1280, height: 800 });
  await capture(page, `${name}-1280.png`);
}

test("linked from the home page and the header; the three questions, each answer explained", async ({ page, expectAccessible }) => {
  await page.goto("/");
  await expect(page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Quelle fibre choisir ?" })).toHaveAttribute("href", "/quelle-fibre");
  await page.getByRole("link", { name: "Répondre aux trois questions" }).click();
  await expect(page).toHaveURL(/\/quelle-fibre$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Quelle fibre pour mon entreprise ?");
  await expect(page).toHaveTitle(/^Quelle fibre pour mon entreprise \?/);
  for (const number of [1, 2, 3] as const) await expect(question(page, number).getByRole("radio")).toHaveCount(3);
  await expect(question(page, 2).getByRole("radio", { name: /GTR 4 h/ })).toHaveAccessibleDescription(/rétablir la connexion en 4 heures au plus/);
  await expect(result(page)).toHaveCount(0);
  await expectAccessible();
});

test("without an address: the recommendation, why, and a search to check it at one's address", async ({ page, expectAccessible }) => {
  await page.setViewportSize(MOBILE);
  await page.goto("/quelle-fibre");
  await answer(page, [/^Important/, /^Réparation le jour ouvré suivant/, /^Un débit partagé suffit/]);
  await expect(page).toHaveURL(/\/quelle-fibre\?critique=important&reparation=jour-ouvre&debit=partage&envoi=1#resultat$/);
  await expect(page.getByRole("heading", { level: 2, name: "Notre conseil : FttH pro — Fibre mutualisée avec service entreprise" })).toBeFocused();
  const why = page.getByRole("region", { name: "Pourquoi ce conseil ?" });
  await expect(why.getByRole("listitem")).toHaveText([
    "Internet compte beaucoup pour votre activité : le FttH pro vous donne un support prioritaire et une réparation le jour ouvré suivant.",
    "Vous voulez une réparation le jour ouvré suivant : c'est l'engagement des offres FttH pro.",
  ]);
  await expect(page.getByRole("region", { name: /^Autre possibilité/ })).toHaveCount(0);
  // The answers stay checked, to change one.
  await expect(page.getByRole("heading", { level: 2, name: "Modifier vos réponses" })).toBeVisible();
  await expect(question(page, 1).getByRole("radio", { name: /^Important/ })).toBeChecked();
  await checkFoldAndScreenshot(page, "guide-without-address", result(page).getByRole("combobox", { name: /Rechercher une adresse/ }));
  await expectAccessible();
});

test("symmetric throughput without a 4-hour repair: FttO, and FttE as the cheaper alternative", async ({ page }) => {
  await page.goto("/quelle-fibre?critique=important&reparation=jour-ouvre&debit=partage&envoi=1");
  await question(page, 3).getByRole("radio", { name: /^Un débit symétrique garanti/ }).check();
  await page.getByRole("button", { name: "Voir la fibre qui vous convient" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /^Notre conseil : FttO/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Pourquoi ce conseil ?" }).getByRole("listitem")).toHaveText([
    "Vous voulez un débit symétrique garanti : c'est ce que garantit la FttO.",
  ]);
  await expect(page.getByRole("region", { name: /^Autre possibilité : FttE/ })).toContainText("Moins chère que la FttO");
});

test("the address page links to the guide, which names the address and links back", async ({ page }) => {
  await page.goto(`/adresse/${BOURG}`);
  await page.getByRole("link", { name: "Quelle fibre pour mon entreprise ?" }).first().click();
  await expect(page).toHaveURL(new RegExp(`/quelle-fibre\\?adresse=${BOURG}$`));
  await expect(page.getByRole("link", { name: BOURG_LABEL })).toHaveAttribute("href", `/adresse/${BOURG}`);
  await expect(page.locator('input[type="hidden"][name="adresse"]')).toHaveValue(BOURG);
});

test("at an address where FttH pro is sold: available, from the directory, with the operators to order from", async ({ page, expectAccessible }) => {
  await page.setViewportSize(MOBILE);
  await page.goto(`/quelle-fibre?adresse=${BOURG}`);
  await answer(page, [/^Important/, /^Réparation le jour ouvré suivant/, /^Un débit en partie garanti/]);
  await expect(page).toHaveURL(new RegExp(`critique=important&reparation=jour-ouvre&debit=partiel&adresse=${BOURG}&envoi=1#resultat$`));
  await expect(result(page)).toContainText("À cette adresse : Disponible : vous pouvez commander");
  await expect(result(page)).toContainText("D'après l'annuaire des opérateurs");
  const steps = result(page).getByRole("list", { name: "Que faire maintenant ?" }).getByRole("listitem");
  await expect(steps).toHaveCount(3);
  const firstOperator = steps.first().getByRole("link", { name: /^Commander une offre professionnelle chez / });
  await expect(firstOperator).toHaveAttribute("href", /^https:\/\//);
  await checkFoldAndScreenshot(page, "guide-address-ftth-pro", firstOperator);
  await expectAccessible();
});

test("at an address where FttE is not announced: said so, FttO on quote as the general rule it is, and the way back", async ({ page, expectAccessible }) => {
  await page.setViewportSize(MOBILE);
  await page.goto(`/quelle-fibre?critique=vital&reparation=non&debit=partage&adresse=${BOURG}&envoi=1#resultat`);
  await expect(page.getByRole("heading", { level: 2, name: /^Notre conseil : FttE/ })).toBeFocused();
  await expect(result(page)).toContainText("À cette adresse : Pas d'annonce");
  await expect(result(page)).toContainText("À cette adresse, aucune source n'annonce la FttE : la FttO répond aussi à vos besoins");
  const quote = result(page).getByRole("list", { name: "Que faire maintenant ?" }).getByRole("link", { name: /^Demander un devis à / }).first();
  const alternative = page.getByRole("region", { name: /^Autre possibilité : FttO/ });
  await expect(alternative).toContainText("À cette adresse : Sur étude — demandez un devis");
  await expect(alternative).toContainText("Règle générale, pas une information sur cette adresse");
  await checkFoldAndScreenshot(page, "guide-address-ftte", quote);
  await expectAccessible();
  await page.getByRole("link", { name: `Toutes les technologies et démarches pour ${BOURG_LABEL}` }).click();
  await expect(page).toHaveURL(new RegExp(`/adresse/${BOURG}$`));
});
test("FttO published for the zone: available, with the publication as its source and quotes from the operators it names", async ({ page }) => {
  await page.goto(`/quelle-fibre?adresse=${BOURG_ZONE}`);
  await answer(page, [/^Confort/, /^Rétablissement en 4 heures/, /^Un débit symétrique garanti/]);
  await expect(page.getByRole("heading", { level: 2, name: /^Notre conseil : FttO/ })).toBeVisible();
  await expect(result(page)).toContainText("À cette adresse : Disponible : vous pouvez commander");
  await expect(result(page)).toContainText(/Publié par CA du Bassin de Bourg-en-Bresse le \d{2}\/\d{2}\/\d{4}/);
  await expect(result(page).getByRole("list", { name: "Que faire maintenant ?" }).getByRole("link", { name: /^Demander un devis à Orange/ })).toBeVisible();
  // A 4-hour repair: nothing cheaper meets it.
  await expect(page.getByRole("region", { name: /^Autre possibilité/ })).toHaveCount(0);
});

test("nothing announced at the address: the recommendation says so and offers FttO on quote", async ({ page, expectAccessible }) => {
  await page.goto(`/quelle-fibre?critique=confort&reparation=non&debit=partage&adresse=${NOTHING}&envoi=1#resultat`);
  await expect(page.getByRole("heading", { level: 2, name: /^Notre conseil : FttH — / })).toBeFocused();
  await expect(result(page)).toContainText("À cette adresse : Pas d'annonce");
  await expect(result(page)).toContainText("Aucune source ne l'indique à cette adresse");
  await expect(result(page)).toContainText("aucune source n'annonce la fibre FttH : la FttO répond aussi à vos besoins");
  await expect(page.getByRole("region", { name: /^Autre possibilité : FttO/ })).toContainText("Sur étude — demandez un devis");
  await expectAccessible();
});

test("a bad link: a French error summary linking each field, valid answers kept, nothing crashes", async ({ page, expectAccessible }) => {
  const response = await page.goto("/quelle-fibre?critique=enorme&reparation=4h&debit=%3Cscript%3E&envoi=1#resultat");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle(/^Erreur : Quelle fibre pour mon entreprise \?/);
  const summary = page.getByRole("alert").filter({ hasText: "Vérifiez vos réponses" });
  await expect(summary.getByRole("link")).toHaveText([
    "Choisissez l'une des trois réponses proposées sur les conséquences d'une coupure.",
    "Choisissez l'une des trois réponses proposées sur le débit.",
  ]);
  await expect(page.locator("#resultat")).toBeFocused();
  await expect(question(page, 1)).toHaveAccessibleDescription("Erreur : Choisissez l'une des trois réponses proposées sur les conséquences d'une coupure.");
  await expect(question(page, 2).getByRole("radio", { name: /^Rétablissement en 4 heures/ })).toBeChecked();
  await expect(result(page)).toHaveCount(0);
  await expectAccessible();
  await summary.getByRole("link", { name: /sur le débit/ }).click();
  await expect(question(page, 3).getByRole("radio").first()).toBeFocused();
});

test("an unknown address is said; the guide still answers and offers a search", async ({ page }) => {
  await page.goto("/quelle-fibre?critique=vital&reparation=4h&debit=partiel&adresse=01053_nope_00000&envoi=1");
  await expect(page.getByText("Nous ne trouvons pas l'adresse demandée (« 01053_nope_00000 »)")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^Notre conseil : FttO/ })).toBeVisible();
  await expect(result(page).getByRole("combobox", { name: /Rechercher une adresse/ })).toBeVisible();
  await expect(page.locator('input[name="adresse"]')).toHaveCount(0);
});

test("keyboard: Tab through the radio groups, choose with the arrows, submit, land on the result", async ({ page }) => {
  await page.goto(`/quelle-fibre?adresse=${BOURG}`);
  await page.getByRole("link", { name: BOURG_LABEL }).focus();
  await page.keyboard.press("Tab");
  await expect(question(page, 1).getByRole("radio", { name: /^Confort/ })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(question(page, 1).getByRole("radio", { name: /^Vital/ })).toBeFocused();
  await expect(question(page, 1).getByRole("radio", { name: /^Vital/ })).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(question(page, 2).getByRole("radio", { name: /^Pas de délai garanti/ })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Tab");
  await expect(question(page, 3).getByRole("radio", { name: /^Un débit partagé suffit/ })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(question(page, 3).getByRole("radio", { name: /^Un débit symétrique garanti/ })).toBeChecked();
  await page.keyboard.press("Tab");
  const submit = page.getByRole("button", { name: "Voir la fibre qui vous convient" });
  await expect(submit).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/critique=vital&reparation=jour-ouvre&debit=symetrique/);
  const heading = page.getByRole("heading", { level: 2, name: /^Notre conseil : FttO/ });
  await expect(heading).toBeFocused();
  // The next Tab goes to the first next step, right under the answer.
  await page.keyboard.press("Tab");
  await expect(result(page).getByRole("list", { name: "Que faire maintenant ?" }).getByRole("link").first()).toBeFocused();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  // axe needs JavaScript: the same states are checked with it above.

  test("a form sent empty gets the error summary from the server, focused through the fragment; its links reach the fields", async ({ page }) => {
    await page.goto(`/quelle-fibre?adresse=${BOURG}`);
    await page.getByRole("button", { name: "Voir la fibre qui vous convient" }).click();
    await expect(page).toHaveURL(new RegExp(`/quelle-fibre\\?adresse=${BOURG}&envoi=1#resultat$`));
    const summary = page.getByRole("alert").filter({ hasText: "Vérifiez vos réponses" });
    await expect(summary.getByRole("link")).toHaveText([
      "Indiquez ce qui se passe pour votre entreprise quand internet est coupé.",
      "Indiquez en combien de temps la connexion doit être rétablie en cas de panne.",
      "Indiquez le débit dont vous avez besoin.",
    ]);
    await expect(page.locator("#resultat")).toBeFocused();
    await summary.getByRole("link").first().click();
    await expect(question(page, 1).getByRole("radio", { name: /^Confort/ })).toBeFocused();
  });

  test("the GET form gives the result from the server, its heading focused and in view", async ({ page }) => {
    await page.setViewportSize(MOBILE);
    await page.goto(`/quelle-fibre?adresse=${BOURG}`);
    await answer(page, [/^Vital/, /^Réparation le jour ouvré suivant/, /^Un débit en partie garanti/]);
    await expect(page).toHaveURL(new RegExp(`critique=vital&reparation=jour-ouvre&debit=partiel&adresse=${BOURG}&envoi=1#resultat$`));
    const heading = page.getByRole("heading", { level: 2, name: /^Notre conseil : FttE/ });
    await expect(heading).toBeFocused();
    await expect(heading).toBeInViewport();
    await expect(result(page)).toContainText("À cette adresse : Pas d'annonce");
    await expect(page.getByRole("region", { name: /^Autre possibilité : FttO/ })).toContainText("Sur étude — demandez un devis");
  });
});
