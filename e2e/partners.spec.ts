/**
 * Issue #6, journeys 5 and 6 in part: a chamber of commerce's page on another origin embeds the
 * widget and its members search from there; a partner's page calls the API across origins; the
 * documentation and snippet pages; only /embed may be framed.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./fixtures";

/**
 * The partner's site: a real little server on another port (another origin). A page faked with
 * page.route would count as a public site, which Chromium forbids to reach a loopback server.
 */
async function partnerSite(html: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

test("the widget inside an iframe on another site searches and opens the full page in a new tab", async ({ page, context, baseURL }) => {
  const partner = await partnerSite(`<!doctype html><html lang="fr"><head><title>CCI</title></head><body><h1>Votre fibre</h1>
    <iframe src="${baseURL}/embed?accent=%23e30613" title="Fibre Pro : la fibre pour les entreprises" width="100%" height="480"></iframe></body></html>`);
  await page.goto(`${partner.origin}/cci/fibre`);
  const widget = page.frameLocator("iframe[title^='Fibre Pro']");
  await widget.getByLabel(/saisissez votre adresse/).fill("12 av alsace lorraine bourg");
  await widget.getByRole("button", { name: "Rechercher" }).click();
  const link = widget.getByRole("link", { name: /12 Avenue d'Alsace-Lorraine, 01000 Bourg-en-Bresse/ });
  await expect(link).toBeVisible();
  await expect(widget.getByText(/^(Vous pouvez commander une offre fibre professionnelle|Fibre disponible : demandez une offre professionnelle)$/).first()).toBeVisible();
  const [opened] = await Promise.all([context.waitForEvent("page"), link.click()]);
  await opened.waitForLoadState();
  expect(opened.url()).toMatch(/\/adresse\/01053_v001_00012$/);
  await expect(opened.getByRole("heading", { level: 1 })).toHaveText("12 Avenue d'Alsace-Lorraine, 01000 Bourg-en-Bresse");
  await partner.close();
});

test("only /embed may be framed by other sites", async ({ request }) => {
  const embed = await request.get("/embed?q=bourg");
  expect(embed.headers()["content-security-policy"]).toContain("frame-ancestors *");
  expect(embed.headers()["x-frame-options"]).toBeUndefined();
  for (const path of ["/", "/adresse/01053_v001_00012", "/integrer", "/api"]) {
    const response = await request.get(path);
    expect(response.headers()["x-frame-options"], path).toBe("DENY");
    expect(response.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
  }
});

test("a page on another origin calls the API from the browser (CORS)", async ({ page, baseURL }) => {
  const partner = await partnerSite("<!doctype html><title>Partenaire</title>");
  await page.goto(`${partner.origin}/outil`);
  const answer = await page.evaluate(async (api) => {
    const search = await fetch(`${api}/api/v1/search?q=${encodeURIComponent("12 av alsace lorraine bourg")}`);
    const { results } = await search.json();
    const address = await fetch(`${api}/api/v1/addresses/${results[0].id}`, { headers: { "If-None-Match": '"x"' } });
    const bad = await fetch(`${api}/api/v1/search?q=`);
    return { first: results[0].id, status: address.status, etag: address.headers.get("etag"), bad: bad.status, problem: (await bad.json()).title };
  }, baseURL!);
  await partner.close();
  expect(answer).toEqual({ first: "01053_v001_00012", status: 200, etag: expect.stringMatching(/^W\//), bad: 400, problem: "Requête invalide" });
});

test("the API documentation and the snippet page", async ({ page, context, expectAccessible }) => {
  await page.goto("/api");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("API ouverte");
  await expect(page.getByRole("heading", { name: "GET /api/v1/addresses/{banId}" })).toBeVisible();
  await expect(page.getByRole("link", { name: "/api/v1/openapi.json" })).toBeVisible();
  await expectAccessible();

  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/integrer");
  await page.getByLabel("Recherche déjà saisie (facultatif)").fill("bourg");
  const snippet = page.getByLabel("Code à coller dans votre page");
  await expect(snippet).toHaveValue(/<iframe src="http:\/\/[^"]+\/embed\?q=bourg" title="Fibre Pro/);
  await page.getByRole("button", { name: "Copier le code" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Code copié" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain("/embed?q=bourg");
  await expect(page.frameLocator("iframe[title='Aperçu du widget Fibre Pro']").getByRole("link", { name: /Bourg-en-Bresse/ }).first()).toBeVisible();
  await expectAccessible();
});

test("the widget itself passes axe", async ({ page, expectAccessible }) => {
  await page.goto("/embed?q=12%20av%20alsace%20lorraine%20bourg&zone=01053_SITE-ECO_00001&accent=777777");
  await expect(page.getByRole("heading", { name: "Parc d'activités des Entrepreneurs" })).toBeVisible();
  await expectAccessible();
});

test("a reuser finds the exports with their freshness and downloads a zone as CSV and GeoJSON", async ({ page, expectAccessible }) => {
  await page.goto("/donnees");
  const freshness = page.getByRole("table", { name: "Dernier fichier chargé pour chaque source" });
  await expect(freshness).toContainText("IPE LIAIN (démo)");
  await expect(freshness).toContainText("15/11/2026");
  await expectAccessible();

  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV de Parc d'activités des Entrepreneurs" }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^fibre-pro-zone-01053_SITE-ECO_00001-\d{4}-\d{2}-\d{2}\.csv$/);
  const [geojson] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "GeoJSON de Parc d'activités des Entrepreneurs" }).click(),
  ]);
  const fs = await import("node:fs/promises");
  const body = JSON.parse(await fs.readFile((await geojson.path())!, "utf8"));
  expect(body.type).toBe("FeatureCollection");
  expect(body.metadata.licence.name).toContain("Licence Ouverte");
  expect(body.features.length).toBeGreaterThan(0);
  expect(body.features[0].geometry.type).toBe("Point");

  await page.getByLabel("Une commune (code INSEE)").fill("01053");
  const [communeCsv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "CSV" }).first().click()]);
  const text = await fs.readFile((await communeCsv.path())!, "utf8");
  expect(text.split("\n")[0]).toContain("ban_id;libelle;numero");
  expect(text.split("\n").length).toBeGreaterThan(100);
});
