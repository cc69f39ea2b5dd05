/**
 * Findability and polish (issue #14, item 8) on the demo portal: search ranking and examples,
 * the focus after a suggestion, menus, maps in French, landmarks, narrow screens, favicon, the
 * accessibility statement and the spelling of « zone d'activités ».
 */
import type { Page } from "@playwright/test";
import { axeOn, expect, test } from "./fixtures";
import { screenshotsAt as screenshots } from "./capture";

const combobox = (page: Page) => page.getByRole("combobox", { name: /Rechercher une adresse/ });
const suggestions = (page: Page) => page.getByRole("listbox", { name: "Suggestions" }).getByRole("option");

/** Landmark and heading rules axe files under best practice (the fixture runs WCAG A/AA only). */
async function expectLandmarks(page: Page): Promise<void> {
  const results = await axeOn(page)
    .withRules(["region", "landmark-one-main", "landmark-no-duplicate-main", "landmark-unique", "page-has-heading-one", "landmark-banner-is-top-level", "landmark-main-is-top-level"])
    .analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`), page.url()).toEqual([]);
}

test("« bourg » lists Bourg-en-Bresse, which has data, before Bourg (33), which has none", async ({ page, request }) => {
  // Communes only: the zones other tests draw in Bourg-en-Bresse also match « bourg », and come first.
  const { results } = (await (await request.get("/api/v1/search?q=bourg&type=commune&limit=8")).json()) as { results: { label: string }[] };
  expect(results.map((result) => result.label).slice(0, 5)).toEqual([
    "Bourg-en-Bresse (01)",
    "Bourg-Saint-Christophe (01)",
    "Saint-Denis-lès-Bourg (01)",
    "Bourg (33)",
    "Bourg (52)",
  ]);

  await page.goto("/");
  await combobox(page).pressSequentially("bourg");
  await expect(suggestions(page).filter({ hasText: "Bourg-en-Bresse (01)" })).toBeVisible();
  const shown = await suggestions(page).allTextContents();
  const gironde = shown.findIndex((text) => text.includes("Bourg (33)"));
  expect(gironde === -1 || gironde > shown.findIndex((text) => text.includes("Bourg-en-Bresse (01)"))).toBe(true);
});

test("every example of the API documentation answers on the demo portal", async ({ page, request }) => {
  await page.goto("/api");
  const examples = await page.getByRole("link", { name: /^\/api\// }).evaluateAll((links) => links.map((link) => link.getAttribute("href")!));
  expect(examples.length).toBeGreaterThanOrEqual(10);
  for (const example of examples) {
    expect((await request.get(example)).status(), example).toBe(200);
  }
});

test("every example under the search boxes finds what it names", async ({ page }) => {
  const expected = [
    ["12 rue de la République Bourg-en-Bresse", "12 Rue de la République, 01000 Bourg-en-Bresse"],
    ["ZA de la Plaine de l'Ain", "ZA de la Plaine de l'Ain — Ambérieu-en-Bugey"],
    ["01000", "Bourg-en-Bresse (01)"],
  ];
  for (const path of ["/", "/recherche"]) {
    await page.goto(path);
    const hint = (await page.getByText(/^Par exemple/).textContent())!;
    expect([...hint.matchAll(/«\s([^»]+)\s»/g)].map((match) => match[1])).toEqual(expected.map(([example]) => example));
  }
  for (const [example, first] of expected) {
    await combobox(page).fill(example!);
    await expect(suggestions(page).first()).toContainText(first!);
  }

  // The widget's placeholder, and the examples of the snippet page.
  await page.goto("/embed");
  const widgetExample = await page.getByRole("textbox").getAttribute("placeholder");
  expect(widgetExample).toBe(expected[0]![0]);
  await page.getByRole("textbox").fill(widgetExample!);
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page.getByRole("link", { name: new RegExp(expected[0]![1]!) })).toBeVisible();
  await page.goto("/integrer");
  const q = await page.getByLabel("Recherche déjà saisie (facultatif)").getAttribute("placeholder");
  const zone = await page.getByLabel(/Zone d'activités mise en avant/).getAttribute("placeholder");
  await page.goto(`/embed?q=${encodeURIComponent(q!)}&zone=${encodeURIComponent(zone!)}`);
  await expect(page.getByRole("link", { name: /Bourg-en-Bresse \(01\)/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Parc d'activités des Entrepreneurs" })).toBeVisible();
});

test("a suggestion chosen from the keyboard or the mouse puts the focus on the new page's heading", async ({ page }) => {
  await page.goto("/");
  await combobox(page).pressSequentially("01000");
  await expect(suggestions(page).first()).toContainText("Bourg-en-Bresse (01)");
  await combobox(page).press("ArrowDown");
  await combobox(page).press("Enter");
  await expect(page).toHaveURL(/\/commune\/01053$/);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText("Bourg-en-Bresse");
  await expect(heading).toBeFocused();
  // Arriving any other way leaves the focus alone.
  await page.reload();
  await expect(heading).toBeVisible();
  await expect(heading).not.toBeFocused();

  await page.goto("/");
  await combobox(page).pressSequentially("plaine de l ain");
  await suggestions(page).filter({ hasText: "ZA de la Plaine de l'Ain" }).click();
  await expect(page).toHaveURL(/\/zone\/01004_SITE-ECO_00003$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
});

test("the menus mark the current page with aria-current", async ({ page }) => {
  const menu = page.getByRole("navigation", { name: "Navigation principale" });
  await page.goto("/");
  await expect(menu.getByRole("link", { name: "Rechercher" })).toHaveAttribute("aria-current", "page");
  await expect(menu.locator("[aria-current]")).toHaveCount(1);
  await page.goto("/carte");
  await expect(menu.getByRole("link", { name: "Carte" })).toHaveAttribute("aria-current", "page");
  await expect(menu.getByRole("link", { name: "Rechercher" })).not.toHaveAttribute("aria-current", /.*/);
  await page.goto("/recherche?q=bourg");
  await expect(menu.getByRole("link", { name: "Rechercher" })).toHaveAttribute("aria-current", "true");
  await page.goto("/commune/01053");
  await expect(menu.locator("[aria-current]")).toHaveCount(0);
});

test("the maps' controls speak French and have names", async ({ page, request }) => {
  test.slow();
  await page.goto("/zone/01053_SITE-ECO_00001");
  const map = page.getByRole("region", { name: /Carte/ }).first();
  // Leaflet is loaded after the page (next/dynamic): give it time on a loaded machine.
  await expect(map.getByRole("button", { name: "Zoom avant" })).toBeVisible({ timeout: 30_000 });
  await expect(map.getByRole("button", { name: "Zoom arrière" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Zoom (in|out)/ })).toHaveCount(0);
  const leaflet = page.locator(".leaflet-control-attribution a[href='https://leafletjs.com']");
  await expect(leaflet).toHaveAttribute("title", "Bibliothèque JavaScript de cartes interactives");

  // The map explorer, down to a building's popup and its close button.
  const { results } = (await (await request.get("/api/v1/search?q=12%20rue%20de%20la%20republique%20bourg%20en%20bresse&limit=1")).json()) as {
    results: { lat: number; lon: number }[];
  };
  await page.goto(`/carte?lat=${results[0]!.lat}&lon=${results[0]!.lon}&z=18`);
  await expect(page.getByRole("button", { name: "Zoom avant" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("status").filter({ hasText: /immeubles?/ })).toBeVisible();
  // The markers are drawn again when the view's data arrives: click until a popup opens.
  const building = page.locator(".leaflet-overlay-pane path.leaflet-interactive[fill-opacity='1']").first();
  const close = page.getByRole("button", { name: "Fermer la bulle" });
  await expect(async () => {
    await building.click({ force: true, timeout: 5_000 });
    await expect(close).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole("button", { name: "Close popup" })).toHaveCount(0);
});

test("landmarks: the demo notice sits in the header, the widget's preview brings no second main, /embed has an h1", async ({ page, expectAccessible }) => {
  // axe runs in the preview's frame too: slow on a loaded machine.
  test.slow();
  await page.goto("/");
  await expect(page.getByRole("banner").getByRole("note", { name: "Données de démonstration" })).toBeVisible();
  await expectLandmarks(page);

  await page.goto("/integrer");
  await expect(page.locator("main, [role='main']")).toHaveCount(1);
  const preview = page.frameLocator("iframe[title='Aperçu du widget Fibre Pro']");
  await expect(preview.getByRole("region", { name: "Widget Fibre Pro" })).toBeVisible();
  await expect(preview.locator("main, [role='main']")).toHaveCount(0);
  await expectLandmarks(page);
  await expectAccessible();

  // Opened on its own, the widget is the page's main landmark, headed by its question.
  await page.goto("/embed");
  await expect(page.getByRole("main")).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("La fibre pour votre entreprise : saisissez votre adresse");
  await expectLandmarks(page);
  await expectAccessible();
});

test.describe("on a 375 px wide phone", () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test("/api and /donnees do not scroll sideways; their tables scroll inside their own box", async ({ page, expectAccessible }) => {
    for (const path of ["/api", "/donnees", "/", "/recherche?q=bourg", "/integrer", "/embed?q=bourg", "/accessibilite"]) {
      await page.goto(path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
    }
    // A code example wider than the screen scrolls in its box, which the keyboard can then reach.
    await page.goto("/api");
    const code = page.getByRole("region", { name: "Exemple de code pour /api/v1/search (défilant)" });
    await expect(code).toHaveAttribute("tabindex", "0");
    expect(await code.evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);
    await code.focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => code.evaluate((box) => box.scrollLeft)).toBeGreaterThan(0);
    await expectAccessible();
  });
});

test("a favicon in the FP badge's colours", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.locator("link[rel='icon']").first().getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg/);
  const icon = await request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  expect(await icon.text()).toContain("#17338c");
});

test("the accessibility statement says « non conforme », its limits, a contact and the Défenseur des droits", async ({ page, expectAccessible }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Accessibilité : non conforme" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Déclaration d'accessibilité");
  await expect(page.getByText(/est non conforme avec le Référentiel général d'amélioration de l'accessibilité \(RGAA 4\.1\) : aucun audit/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Contenus non accessibles ou limites connues" })).toBeVisible();
  await expect(page.getByRole("link", { name: "contact@fibre-pro.example" })).toHaveAttribute("href", "mailto:contact@fibre-pro.example");
  await expect(page.getByRole("heading", { name: "Voies de recours" })).toBeVisible();
  await expect(page.getByRole("link", { name: "formulaire en ligne" })).toHaveAttribute("href", "https://formulaire.defenseurdesdroits.fr/");
  await expect(page.getByText(/Libre réponse 71120, 75342 Paris CEDEX 07/)).toBeVisible();
  await expectLandmarks(page);
  await expectAccessible();
});

test("one spelling: « zone(s) d'activités », never « zone d'activité »", async ({ page }) => {
  for (const path of ["/", "/sources", "/zone/01053_SITE-ECO_00001", "/donnees", "/api", "/recherche?q=za", "/carte"]) {
    await page.goto(path);
    const text = await page.locator("body").innerText();
    expect(text, path).not.toMatch(/zones? d['’]activité(?!s)/i);
    expect(text, path).not.toMatch(/\bZAE\b/);
  }
  await page.goto("/zone/01053_SITE-ECO_00001");
  await expect(page.getByText("Zone d'activités économiques")).toBeVisible();
});

for (const [name, path] of [
  ["home", "/"],
  ["recherche", "/recherche?q=bourg"],
  ["api", "/api"],
  ["donnees", "/donnees"],
  ["integrer", "/integrer"],
  ["embed", "/embed?q=12%20rue%20de%20la%20republique%20bourg&zone=01053_SITE-ECO_00001"],
  ["accessibilite", "/accessibilite"],
] as const) {
  test(`${path}: axe-clean, landmarks included; screenshots at 1280 and 375 px`, async ({ page, expectAccessible }) => {
    test.slow();
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    if (name === "integrer") await expect(page.frameLocator("iframe").getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible();
    await expectLandmarks(page);
    await screenshots(page, `findability-${name}`);
  });
}
