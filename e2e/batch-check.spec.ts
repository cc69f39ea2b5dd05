/**
 * Issue #16, point 3: a chamber of commerce checks a 1,000-line member list on /verifier-une-liste
 * and downloads the result. The list is built from the demo's own addresses (read through the
 * export API), demo establishments' SIRETs (found), a non-diffusible one (reads as unknown) and SIRETs no
 * establishment has: they are reported, not guessed.
 */
import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { expect, test } from "./fixtures";
import { screenshotsAt } from "./capture";
import { DEMO_SIRETS } from "../lib/demo/sirene";

const LINES = 1_000;

test("a CCI uploads a 1,000-line list of SIRETs and addresses, sees the summary and downloads the result", async ({ page, request, expectAccessible }) => {
  const exported = await request.get("/api/v1/exports/availability.csv?commune=01053");
  expect(exported.status()).toBe(200);
  const addresses = parse(await exported.text(), { delimiter: ";", columns: true, bom: true }) as Record<string, string>[];
  expect(addresses.length).toBeGreaterThan(50);
  const lines = ["nom;siret;numero;suffixe;voie;code_insee"];
  /** One line in five names a SIRET: a demo establishment linked by BAN id, one linked by street, a non-diffusible one, an unknown one. */
  const sirets = [DEMO_SIRETS.banId, DEMO_SIRETS.address, DEMO_SIRETS.nonDiffusible, null];
  const found = new Set<string>([DEMO_SIRETS.banId, DEMO_SIRETS.address]);
  for (let index = 0; index < LINES; index++) {
    const address = addresses[index % addresses.length]!;
    const siret = sirets[Math.floor(index / 5) % sirets.length] ?? String(90000000000000 + index);
    lines.push(
      index % 5 === 4
        ? `Membre ${index};${siret};;;;`
        : `Membre ${index};;${address.numero};${address.suffixe};${address.voie};${address.code_insee}`,
    );
  }
  const expectedAddresses = lines.slice(1).filter((line) => !/;\d{14};/.test(line) && !/^Membre \d+;;;/.test(line)).length;

  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Vérifier une liste d'entreprises" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vérifier une liste d'entreprises");
  await expect(page.getByText("Votre fichier n'est pas conservé.")).toBeVisible();
  await expect(page.getByText(/Chaque adresse IP peut faire vérifier 200\u202f000 lignes par période de 1 h/)).toBeVisible();
  // On a phone the form comes within the first screen; the columns' full list follows it, one link away.
  await page.setViewportSize({ width: 375, height: 800 });
  const fileField = page.getByLabel("Votre liste (fichier CSV)");
  expect((await fileField.boundingBox())!.y).toBeLessThan(800);
  await page.getByRole("link", { name: "les colonnes attendues" }).click();
  await expect(page.getByRole("heading", { name: "Les colonnes attendues" })).toBeInViewport();
  await page.setViewportSize({ width: 1280, height: 800 });

  // Sent without a file: the error summary takes the focus and links the field.
  await page.getByRole("button", { name: "Vérifier la liste" }).click();
  await expect(page.getByRole("group").filter({ hasText: "Choisissez un fichier CSV." })).toBeFocused();

  await page.getByLabel("Votre liste (fichier CSV)").setInputFiles({ name: "membres.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\n")) });
  await page.getByRole("button", { name: "Vérifier la liste" }).focus();
  await page.keyboard.press("Enter");

  const result = page.getByRole("region", { name: "Résultat de la vérification" });
  await expect(result).toBeVisible({ timeout: 30_000 });
  await expect(result).toContainText(`Vos ${LINES.toLocaleString("fr-FR")} lignes par niveau et par technologie`);
  await expect(result).toContainText(`${(LINES / 10).toLocaleString("fr-FR")} non trouvées`);
  const table = result.getByRole("table", { name: "Nombre de lignes par technologie et par niveau" });
  await expect(table.getByRole("rowheader", { name: "FttO" })).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), result.getByRole("link", { name: "Télécharger le résultat (CSV)" }).click()]);
  expect(download.suggestedFilename()).toBe("membres-fibre-pro.csv");
  const rows = parse(fs.readFileSync((await download.path())!, "utf8"), { delimiter: ";", columns: true, bom: true }) as Record<string, string>[];
  expect(rows).toHaveLength(LINES);
  expect(rows.map((row) => row.nom)).toEqual(lines.slice(1).map((line) => line.split(";")[0]));
  expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(["fp_match", "fp_score", "fp_ban_id", "fp_label", "fp_url", "fp_ftth_level", "fp_ftto_source", "fp_reason"]));
  expect(rows.filter((row) => row.fp_match === "address")).toHaveLength(expectedAddresses);
  const bySiret = rows.filter((row) => /^\d{14}$/.test(row.siret!));
  expect(bySiret).toHaveLength(LINES / 5);
  expect(bySiret.filter((row) => found.has(row.siret!)).every((row) => row.fp_match === "siret" && /^\d{5}_/.test(row.fp_ban_id!))).toBe(true);
  // The non-diffusible establishment reads exactly like a SIRET nobody has.
  expect(bySiret.filter((row) => !found.has(row.siret!)).every((row) => row.fp_match === "none" && row.fp_reason === "SIRET inconnu")).toBe(true);
  for (const row of rows.filter((candidate) => candidate.fp_match === "address")) expect(row.fp_ftth_level).toMatch(/^(AVAILABLE|ON_REQUEST|PLANNED|NOT_ANNOUNCED)$/);

  const [workbook] = await Promise.all([page.waitForEvent("download"), result.getByRole("button", { name: "Télécharger le résultat (XLSX)" }).click()]);
  expect(workbook.suggestedFilename()).toBe("membres-fibre-pro.xlsx");

  await expectAccessible();
  await screenshotsAt(page, "batch-check");
});
