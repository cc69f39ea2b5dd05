/**
 * data:sync seen from the site: the command (against a local stand-in for the official hosts)
 * fills the "Fichiers officiels suivis" table of /donnees and of /admin/imports.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { OfficialMirror } from "../lib/testing/official-mirror";
import { expect, expectNoAxeViolations, test } from "./admin-fixtures";

const BAN_HEADER =
  "id;id_fantoir;numero;rep;nom_voie;code_postal;code_insee;nom_commune;code_insee_ancienne_commune;nom_ancienne_commune;x;y;lon;lat;type_position;alias;nom_ld;libelle_acheminement;nom_afnor;source_position;source_nom_voie;certification_commune;cad_parcelles";
const banLine = (numero: number) =>
  [`2A004_e2es_${String(numero).padStart(5, "0")}`, "", numero, "", "Cours Napoléon", "20000", "2A004", "Ajaccio", "", "", "", "", 8.7369 + numero / 10_000, 41.9192, "entrée", "", "", "AJACCIO", "", "commune", "commune", "1", ""].join(";");

test("a data:sync run shows each official file's last check and change on /donnees and in the admin", async ({ page, server, createUser, signIn }) => {
  const mirror = new OfficialMirror();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fibre-pro-e2e-sync-"));
  try {
    await mirror.start();
    mirror.put("https://adresse.data.gouv.fr/data/ban/adresses/latest/csv/adresses-2A.csv.gz", {
      // A number of its own per run: the file is new to the database each time, so it is imported.
      body: zlib.gzipSync(`${[BAN_HEADER, banLine(1), banLine(3), banLine(5_000 + Math.floor(Math.random() * 4_000))].join("\n")}\n`),
    });
    const output = await new Promise<string>((resolve, reject) => {
      // Asynchronous: the mirror answers from this process while the command runs.
      execFile(
        "node_modules/.bin/tsx",
        ["--conditions=react-server", "scripts/data-sync.ts", "2A", "--only", "ban", "--mirror", mirror.url],
        { env: { ...process.env, DATABASE_URL: server.databaseUrl, DATA_SYNC_DIR: dir } },
        (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)),
      );
    });
    expect(output).toContain("ban 2A: imported: 3 read, ");
  } finally {
    await mirror.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }

  await page.goto("/donnees");
  const table = page.getByRole("table", { name: "Dernière vérification et dernier changement de chaque fichier officiel suivi" });
  const row = table.getByRole("row", { name: /Base Adresse Nationale 2A/ });
  await expect(row).toBeVisible();
  await expect(row.getByRole("cell").nth(1)).toHaveText(/^\d{2}\/\d{2}\/\d{4}/);
  await expect(row.getByRole("cell").nth(2)).toHaveText(/^\d{2}\/\d{2}\/\d{4}/);
  await expectNoAxeViolations(page);

  await signIn(page, await createUser({ role: "admin" }));
  await page.goto("/admin/imports");
  await expect(page.getByRole("heading", { name: "Fichiers officiels suivis" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Base Adresse Nationale 2A/ })).toBeVisible();
  await expectNoAxeViolations(page);
});
