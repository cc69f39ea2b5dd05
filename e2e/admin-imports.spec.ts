/**
 * Journey 4: a RIP uploads its latest IPE file; the portal shows a validation report (the line
 * outside its territory rejected), then applies it; the public address page shows the new status
 * with its source. Another organisation cannot see the job nor download its report.
 */
import type { APIRequestContext } from "@playwright/test";
import { IPE_HEADER, ipeLine } from "../lib/testing/import-files";
import { expect, test, uniqueSuffix } from "./admin-fixtures";
import { screenshotsAt } from "./capture";

interface TechnologyDto {
  technology: string;
  source: { name: string; date: string | null } | null;
}

/**
 * A demo address of Bourg-en-Bresse whose facts are all older than today: the file uploaded today is
 * then the most recent source and the public page shows it. Each run takes the next such address.
 */
async function addressWithOlderFacts(request: APIRequestContext): Promise<{ id: string; number: number }> {
  const today = new Date().toISOString().slice(0, 10);
  for (let number = 1; number <= 200; number += 1) {
    const id = `01053_v00h_${String(number).padStart(5, "0")}`;
    const response = await request.get(`/api/v1/addresses/${id}`);
    if (!response.ok()) continue;
    const { technologies } = (await response.json()) as { technologies: TechnologyDto[] };
    if (technologies.every(({ source }) => source === null || (source.date !== null && source.date < today))) return { id, number };
  }
  throw new Error("no demo address of Avenue des Prés is left with only older facts");
}

const ftthSource = async (request: APIRequestContext, id: string) =>
  ((await (await request.get(`/api/v1/addresses/${id}`)).json()) as { technologies: TechnologyDto[] }).technologies.find(
    (technology) => technology.technology === "FTTH",
  )?.source?.name ?? null;

test("an organisation uploads an IPE, reads the dry-run report, applies it, and the public page shows it", async ({
  page,
  browser,
  createOrganisation,
  createUser,
  signIn,
  expectAccessible,
}) => {
  test.setTimeout(120_000);
  const suffix = uniqueSuffix();
  const organisation = await createOrganisation({ name: "RIP de test", communes: ["01053"] });
  const orgAdmin = await createUser({ role: "org_admin", organisation });
  const address = await addressWithOlderFacts(page.request);
  const sourceName = `IPE E2E ${suffix}`;
  const file = [
    IPE_HEADER,
    ipeLine({ id: `E2E/${suffix}/1`, numero: String(address.number), typeVoie: "AV", nomVoie: "DES PRES", dateMes: "20260105", fibreDediee: "O" }),
    ipeLine({ id: `E2E/${suffix}/2`, insee: "01451", numero: "1", typeVoie: "RUE", nomVoie: "DE LA MAIRIE" }),
  ].join("\n");

  await signIn(page, orgAdmin);
  await page.goto("/admin/imports");
  await expect(page.getByRole("heading", { level: 1, name: "Charger un fichier" })).toBeVisible();
  await expectAccessible();
  await page.getByLabel("Format du fichier").selectOption("ipe");
  await page.getByLabel("Nom de la source (facultatif)").fill(sourceName);
  await page.getByLabel(/^Fichier \(CSV/).setInputFiles({ name: `ipe-e2e-${suffix}.csv`, mimeType: "text/csv", buffer: Buffer.from(file, "utf8") });
  await page.getByRole("button", { name: "Envoyer et vérifier" }).click();

  await expect(page).toHaveURL(/\/admin\/imports\/[0-9a-f-]{36}$/);
  const jobUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("status")).toHaveText("Vérifié : à confirmer", { timeout: 60_000 });
  const report = page.getByRole("region", { name: /Rapport de vérification/ });
  await expect(report.getByText("Lignes lues")).toBeVisible();
  const rejected = page.getByRole("table", { name: /Lignes rejetées/ });
  await expect(rejected.getByRole("row").filter({ hasText: `E2E/${suffix}/2` })).toContainText("commune 01451 hors du territoire de l'organisation");
  await expect(rejected.getByRole("row")).toHaveCount(2);
  await expectAccessible();
  await screenshotsAt(page, "admin-import-checked");

  // Nothing is public before the import is applied.
  expect(await ftthSource(page.request, address.id)).not.toBe(sourceName);

  const download = await page.request.get(`${jobUrl}/rapport.csv`);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toContain("text/csv");
  expect(await download.text()).toContain(`rejete;3;E2E/${suffix}/2;commune 01451 hors du territoire de l'organisation`);

  await page.getByRole("button", { name: "Appliquer l'import" }).click();
  await expect(page.getByRole("status")).toHaveText("Importé", { timeout: 60_000 });
  await expect(page.getByRole("heading", { name: "Résultat de l'import" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Bourg-en-Bresse" })).toBeVisible();
  await expectAccessible();
  await screenshotsAt(page, "admin-import-applied");

  await page.goto("/admin/imports");
  await expect(page.getByRole("listitem").filter({ hasText: `ipe-e2e-${suffix}.csv` })).toContainText("Importé");
  await screenshotsAt(page, "admin-imports-list");

  await page.goto(`/adresse/${address.id}`);
  await expect(page.getByText(`Source : ${sourceName}`).first()).toBeVisible();
  expect(await ftthSource(page.request, address.id)).toBe(sourceName);
  await expect(page.getByRole("heading", { level: 2, name: /^(Vous pouvez commander une offre fibre professionnelle|Fibre disponible : demandez une offre professionnelle)$/ })).toBeVisible();

  // Another organisation's account: 403 on the job page and on its report.
  const otherOrganisation = await createOrganisation({ name: "Autre collectivité", communes: ["01283"] });
  const stranger = await createUser({ role: "org_admin", organisation: otherOrganisation });
  const context = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const strangerPage = await context.newPage();
  await signIn(strangerPage, stranger);
  const denied = await strangerPage.goto(jobUrl);
  expect(denied?.status()).toBe(403);
  await expect(strangerPage.getByRole("heading", { level: 1, name: "Accès refusé" })).toBeVisible();
  expect((await strangerPage.request.get(`${jobUrl}/rapport.csv`)).status()).toBe(403);
  await context.close();
});
