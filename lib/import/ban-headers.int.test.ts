/**
 * BAN files refused at their header, before any line, and a file whose every line is rejected:
 * through runImport, and through the real command line for its exit code.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ImportFileError } from "@/lib/import/errors";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { BAN_HEADER, banLine, writeImportFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";

const exec = promisify(execFile);
const options = { triggeredBy: "test" };

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
});

/** `npm run import -- …` against the test database: exit code and output. */
async function importCommand(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(path.resolve("node_modules/.bin/tsx"), ["scripts/import.ts", ...args], {
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

// The legacy export as it is still found: IGN ids, code_post, nom_commune last.
const LEGACY_HEADER = "id;nom_voie;id_fantoir;numero;rep;code_insee;code_post;alias;nom_ld;nom_afnor;libelle_acheminement;x;y;lon;lat;nom_commune";
const LEGACY_LINE = "ADRNIVX_0000000268375839;Avenue d'Alsace-Lorraine;01053_0150;12;;01053;01000;;;AVENUE D ALSACE LORRAINE;BOURG EN BRESSE;871234.5;6568432.1;5.2256;46.2046;Bourg-en-Bresse";

describe("BAN header checks", () => {
  it("refuses a file without lon/lat nor x/y before any line, in one sentence", async () => {
    const header = BAN_HEADER.replace(";x;y;lon;lat", "");
    const file = writeImportFile("adresses-sans-position.csv", [header, "01053_0150_00012;;12;;Rue A;01000;01053;Bourg-en-Bresse;;;;;;;;;;;;"]);
    const before = await db.importRun.count();
    const error = await runImport("ban", file, options).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as Error).message).toBe(
      "adresses-sans-position.csv n'a pas de colonnes de position : il faut lon et lat ou x et y ; rien n'a été importé.",
    );
    expect(await db.importRun.count()).toBe(before);
  });

  it("refuses the 2015–2018 BAN export with one message that says what it is, never « n'est pas un fichier BAN »", async () => {
    const file = writeImportFile("BAN_licence_gratuite_repartage_01.csv", [LEGACY_HEADER, LEGACY_LINE]);
    const error = await runImport("ban", file, options).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ImportFileError);
    const message = (error as Error).message;
    expect(message).toBe(
      "BAN_licence_gratuite_repartage_01.csv est un export BAN de l'ancien format (2015–2018, identifiants ADRNIVX_…), qui ne donne pas les identifiants des adresses d'aujourd'hui : importez le fichier BAN actuel (adresses-<département>.csv.gz sur adresse.data.gouv.fr).",
    );
    expect(message).not.toMatch(/n'est pas un fichier BAN|ressemble/);
  });

  it("never says a file missing a BAN column « looks like a BAN file »", async () => {
    const header = BAN_HEADER.replace("nom_commune;", "");
    const error = await runImport("ban", writeImportFile("adresses-tronque.csv", [header, "x"]), options).catch((thrown: unknown) => thrown);
    expect((error as Error).message).toBe("adresses-tronque.csv n'est pas un fichier BAN (adresses) : colonne manquante nom_commune.");
  });

  it("exits 1 with nothing applied when every line is rejected, and 0 with --allow-empty", async () => {
    const file = writeImportFile("adresses-toutes-rejetees.csv", [
      BAN_HEADER,
      banLine({ id: "99999_0150_00012", numero: "12", lon: "5.2256", lat: "46.2046" }),
      banLine({ id: "01053_0150_00013", numero: "13" }),
    ]);
    const refused = await importCommand(["ban", file]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('line 2 [99999_0150_00012]: code INSEE inconnu : "99999"');
    expect(refused.stderr).toContain("Les 2 lignes du fichier ont été rejetées : rien n'a été importé.");
    expect(await db.importRun.count({ where: { fileName: "adresses-toutes-rejetees.csv" } })).toBe(0);

    const allowed = await importCommand(["ban", file, "--allow-empty"]);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain("rejected 2");
    expect(await db.importRun.count({ where: { fileName: "adresses-toutes-rejetees.csv" } })).toBe(1);
  });
});
