/**
 * The SIRENE establishment import on both databases, on files written as INSEE writes them
 * (lib/testing/sirene-files.ts): linking by BAN id, by address, by position only, or not at all;
 * non-diffusible and closed establishments never stored nor named; idempotence, withdrawal,
 * the département filter, a zip, and a wrong file refused.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ImportFileError } from "@/lib/import/errors";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { BAN_HEADER, banLine, writeImportFile, writeRawFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { STOCK_ETABLISSEMENT_HEADER, etablissementLine } from "@/lib/testing/sirene-files";
import { zipOf } from "@/lib/testing/zip";

const options = { triggeredBy: "test" };

const BY_BAN_ID = etablissementLine({
  siren: "111111111", nic: "00011", enseigne1Etablissement: "BOULANGERIE DU MAIL", numeroVoieEtablissement: "29",
  typeVoieEtablissement: "RUE", libelleVoieEtablissement: "LAVOISIER", identifiantAdresseEtablissement: "01053_lavo_00029",
});
const BY_ADDRESS = etablissementLine({
  siren: "222222222", nic: "00022", denominationUsuelleEtablissement: "GARAGE, CARROSSERIE \"LE RELAIS\"", numeroVoieEtablissement: "35",
  typeVoieEtablissement: "RUE", libelleVoieEtablissement: "LAVOISIER", trancheEffectifsEtablissement: "11",
  activitePrincipaleEtablissement: "45.20A",
});
// No number, a place name the BAN does not know, 3 m from the BAN's 31 rue Lavoisier.
const BY_POSITION = etablissementLine({
  siren: "333333333", nic: "00033", enseigne1Etablissement: "KIOSQUE", libelleVoieEtablissement: "ZA DES CHAMPS",
  coordonneeLambertAbscisseEtablissement: "871907.10", coordonneeLambertOrdonneeEtablissement: "6570223.27",
});
// 33 rue Lavoisier does not exist; its position is 27 m from the 31: never attached to the 31.
const UNMATCHED = etablissementLine({
  siren: "444444444", nic: "00044", enseigne1Etablissement: "ATELIER 33", numeroVoieEtablissement: "33",
  typeVoieEtablissement: "RUE", libelleVoieEtablissement: "LAVOISIER",
  coordonneeLambertAbscisseEtablissement: "871931.79", coordonneeLambertOrdonneeEtablissement: "6570222.86",
});
const PARTIAL = etablissementLine({
  siren: "555555555", nic: "00055", statutDiffusionEtablissement: "P", numeroVoieEtablissement: "[ND]", typeVoieEtablissement: "[ND]",
  libelleVoieEtablissement: "[ND]", identifiantAdresseEtablissement: "[ND]", coordonneeLambertAbscisseEtablissement: "[ND]",
  coordonneeLambertOrdonneeEtablissement: "[ND]",
});
// Diffusible status, but a hidden name: withheld all the same.
const HIDDEN_NAME = etablissementLine({
  siren: "666666666", nic: "00066", enseigne1Etablissement: "[ND]", numeroVoieEtablissement: "31", typeVoieEtablissement: "RUE",
  libelleVoieEtablissement: "LAVOISIER",
});
const CLOSED = etablissementLine({
  siren: "777777777", nic: "00077", etatAdministratifEtablissement: "F", numeroVoieEtablissement: "31", typeVoieEtablissement: "RUE",
  libelleVoieEtablissement: "LAVOISIER",
});
const LOIRE = etablissementLine({ siren: "888888888", nic: "00088", codeCommuneEtablissement: "42218", codePostalEtablissement: "42000" });
const BAD_SIRET = etablissementLine({ siren: "999999999", nic: "00099", siret: "99999999900000" });
const UNKNOWN_COMMUNE = etablissementLine({ siren: "121212121", nic: "00012", codeCommuneEtablissement: "01999" });

const PRIVATE_SIRETS = ["55555555500055", "66666666600066", "77777777700077"];

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  await runImport("ban", writeImportFile("adresses-01.csv", [
    BAN_HEADER,
    banLine({ id: "01053_lavo_00029", numero: "29", nom_voie: "Rue Lavoisier", lon: "5.22960", lat: "46.21000" }),
    banLine({ id: "01053_lavo_00031", numero: "31", nom_voie: "Rue Lavoisier", lon: "5.23000", lat: "46.21000" }),
    banLine({ id: "01053_lavo_00035", numero: "35", nom_voie: "Rue Lavoisier", lon: "5.23080", lat: "46.21000" }),
  ]), options);
});

const establishment = (siret: string) => db.establishment.findUnique({ where: { siret } });

describe("SIRENE establishment import", () => {
  it("links by BAN id, by address, by position, keeps the unmatched, and never stores or names the non-diffusible ones", async () => {
    const file = writeImportFile("StockEtablissement_utf8.csv", [
      STOCK_ETABLISSEMENT_HEADER, BY_BAN_ID, BY_ADDRESS, BY_POSITION, UNMATCHED, PARTIAL, HIDDEN_NAME, CLOSED, LOIRE, BAD_SIRET, UNKNOWN_COMMUNE,
    ]);
    const result = await runImport("sirene", file, { ...options, departements: ["01"] });
    expect(result.counts).toMatchObject({ read: 10, created: 4, rejected: 2, unmatched: 1, withheld: 2, skipped: 2, withdrawn: 0 });
    expect(result.rejected.map(({ line, id }) => [line, id])).toEqual([[10, "99999999900000"], [11, "12121212100012"]]);
    expect(result.rejected[1]?.reason).toMatch(/codeCommuneEtablissement inconnu : "01999"/);
    expect(result.unmatched).toEqual([{ line: 5, id: "44444444400044", reason: expect.stringMatching(/numéro 33 n'existe pas/) }]);

    expect(await establishment("11111111100011")).toMatchObject({
      addressId: "01053_lavo_00029", matchMethod: "ban-id", tradeName: "BOULANGERIE DU MAIL", searchName: "boulangerie du mail",
      sourceAddressId: "01053_lavo_00029", lastRunId: result.runId,
    });
    expect(await establishment("22222222200022")).toMatchObject({
      addressId: "01053_lavo_00035", matchMethod: "address", tradeName: 'GARAGE, CARROSSERIE "LE RELAIS"', headcountBand: "11",
      activityCode: "45.20A", number: 35, streetType: "RUE", street: "LAVOISIER", postcode: "01000", inseeCode: "01053",
    });
    const byPosition = await establishment("33333333300033");
    expect(byPosition).toMatchObject({ addressId: "01053_lavo_00031", matchMethod: "position", number: null });
    expect(byPosition?.lat).toBeCloseTo(46.21, 4);
    expect(byPosition?.lon).toBeCloseTo(5.23, 4);
    expect(await establishment("44444444400044")).toMatchObject({ addressId: null, matchMethod: null, number: 33 });

    // Withheld and closed: not stored, and named nowhere — neither in the result nor in the recorded run.
    expect(await db.establishment.count()).toBe(4);
    const run = await db.importRun.findUniqueOrThrow({ where: { id: result.runId! } });
    expect(run).toMatchObject({ format: "sirene", sourceKind: "SIRENE", createdCount: 4, unmatchedCount: 1 });
    expect(JSON.parse(run.report!)).toMatchObject({ withheld: 2 });
    for (const siret of PRIVATE_SIRETS) {
      expect(JSON.stringify(result)).not.toContain(siret);
      expect(run.report).not.toContain(siret);
      expect(run.report).not.toContain(siret.slice(0, 9));
    }
  });

  it("changes nothing on a second import of the same file, zipped as INSEE publishes it", async () => {
    const text = `${[STOCK_ETABLISSEMENT_HEADER, BY_BAN_ID, BY_ADDRESS, BY_POSITION, UNMATCHED, PARTIAL, HIDDEN_NAME, CLOSED, LOIRE].join("\r\n")}\r\n`;
    const zip = writeRawFile("StockEtablissement_utf8.zip", zipOf("StockEtablissement_utf8.csv", Buffer.from(text, "utf8")));
    const before = await db.establishment.findMany({ orderBy: { siret: "asc" }, select: { siret: true, contentHash: true, updatedAt: true } });
    const result = await runImport("sirene", zip, { ...options, departements: ["01"] });
    expect(result.counts).toMatchObject({ read: 8, created: 0, updated: 0, unchanged: 4, rejected: 0, withdrawn: 0 });
    expect(await db.establishment.findMany({ orderBy: { siret: "asc" }, select: { siret: true, contentHash: true, updatedAt: true } })).toEqual(before);
  });

  it("deletes what a newer file no longer lists in its départements: closed, turned non-diffusible, gone", async () => {
    const loire = writeImportFile("StockEtablissement_42.csv", [STOCK_ETABLISSEMENT_HEADER, LOIRE]);
    expect((await runImport("sirene", loire, options)).counts).toMatchObject({ created: 1 });

    const newer = writeImportFile("StockEtablissement_utf8.csv", [
      STOCK_ETABLISSEMENT_HEADER,
      BY_BAN_ID.replace(",A,BOULANGERIE", ",F,BOULANGERIE"),
      BY_ADDRESS.replace(/^(\d+,\d+,\d+),O,/, "$1,P,"),
      BY_POSITION,
      LOIRE,
    ]);
    const result = await runImport("sirene", newer, { ...options, departements: ["01"] });
    expect(result.counts).toMatchObject({ read: 4, unchanged: 1, withheld: 1, skipped: 2, withdrawn: 3 });
    expect((await db.establishment.findMany({ orderBy: { siret: "asc" } })).map((row) => row.siret)).toEqual(["33333333300033", "88888888800088"]);
  });

  it("refuses a file that is not a StockEtablissement, in French, and changes nothing", async () => {
    const runs = await db.importRun.count();
    const ban = writeImportFile("adresses-01.csv", [BAN_HEADER, banLine({ id: "01053_lavo_00029", numero: "29", lon: "5.2", lat: "46.2" })]);
    await expect(runImport("sirene", ban, options)).rejects.toThrow(ImportFileError);
    await expect(runImport("sirene", ban, options)).rejects.toThrow(/n'est pas un fichier SIRENE \(StockEtablissement\) : colonnes manquantes siren, nic, siret/);
    const units = writeImportFile("StockUniteLegale_utf8.csv", ["siren,statutDiffusionUniteLegale,denominationUniteLegale", "111111111,O,ACME"]);
    await expect(runImport("sirene", units, options)).rejects.toThrow(/Il ressemble à un fichier SIRENE \(StockUniteLegale\)/);
    expect(await db.importRun.count()).toBe(runs);
  });
});
