/**
 * The SIRENE legal-unit import on both databases: legal names reach establishments whichever file
 * comes first; a person's name only when public; non-diffusible units withheld and never named;
 * a newer stock that drops a unit takes its name off the establishments.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { writeImportFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { STOCK_ETABLISSEMENT_HEADER, STOCK_UNITE_LEGALE_HEADER, etablissementLine, uniteLegaleLine } from "@/lib/testing/sirene-files";

const options = { triggeredBy: "test" };

const COMPANY = uniteLegaleLine({ siren: "100000001", denominationUniteLegale: "SOCIÉTÉ DES ÉTABLISSEMENTS DUPUIS" });
const PERSON = uniteLegaleLine({
  siren: "100000002", categorieJuridiqueUniteLegale: "1000", sexeUniteLegale: "F", prenom1UniteLegale: "MARIE", prenom2UniteLegale: "LOUISE",
  prenomUsuelUniteLegale: "MARIE", nomUniteLegale: "MARTIN", nomUsageUniteLegale: "DURAND", pseudonymeUniteLegale: "LA BOULANGÈRE",
});
const HIDDEN_PERSON = uniteLegaleLine({
  siren: "100000003", statutDiffusionUniteLegale: "P", categorieJuridiqueUniteLegale: "1000", sexeUniteLegale: "[ND]",
  prenom1UniteLegale: "[ND]", prenomUsuelUniteLegale: "[ND]", nomUniteLegale: "JEANNE SECRET",
});
const CEASED = uniteLegaleLine({ siren: "100000004", etatAdministratifUniteLegale: "C", denominationUniteLegale: "ANCIENNE SARL" });

const shops = writeImportFile("StockEtablissement_utf8.csv", [
  STOCK_ETABLISSEMENT_HEADER,
  etablissementLine({ siren: "100000001", nic: "00011", enseigne1Etablissement: "Le Comptoir" }),
  etablissementLine({ siren: "100000001", nic: "00029" }),
  etablissementLine({ siren: "100000002", nic: "00015", enseigne1Etablissement: "Fournil de Marie" }),
  etablissementLine({ siren: "100000003", nic: "00010", denominationUsuelleEtablissement: "ATELIER" }),
]);

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
});

const names = async () =>
  (await db.establishment.findMany({ orderBy: { siret: "asc" }, select: { siret: true, legalName: true, searchName: true } })).map((row) => [
    row.siret, row.legalName, row.searchName,
  ]);

describe("SIRENE legal-unit import", () => {
  it("names the establishments imported before it, and the ones imported after it, the same way", async () => {
    expect((await runImport("sirene", shops, options)).counts).toMatchObject({ created: 4, unmatched: 4 });
    const units = writeImportFile("StockUniteLegale_utf8.csv", [STOCK_UNITE_LEGALE_HEADER, COMPANY, PERSON, HIDDEN_PERSON, CEASED]);
    const result = await runImport("sirene-unites", units, options);
    expect(result.counts).toMatchObject({ read: 4, created: 2, withheld: 1, skipped: 1, rejected: 0 });
    expect(JSON.stringify(result)).not.toContain("100000003");
    expect(JSON.stringify(result)).not.toContain("SECRET");

    const expected = [
      ["10000000100011", "SOCIÉTÉ DES ÉTABLISSEMENTS DUPUIS", "le comptoir societe des etablissements dupuis"],
      ["10000000100029", "SOCIÉTÉ DES ÉTABLISSEMENTS DUPUIS", "societe des etablissements dupuis"],
      // Usual first name and usage name only: no other first names, no pseudonym.
      ["10000000200015", "MARIE DURAND", "fournil de marie marie durand"],
      ["10000000300010", null, "atelier"],
    ];
    expect(await names()).toEqual(expected);
    expect(await db.legalUnit.findMany({ orderBy: { siren: "asc" }, select: { siren: true, name: true } })).toEqual([
      { siren: "100000001", name: "SOCIÉTÉ DES ÉTABLISSEMENTS DUPUIS" },
      { siren: "100000002", name: "MARIE DURAND" },
    ]);

    // The other order: establishments read after the units take the names at once, and a second run changes nothing.
    await db.establishment.deleteMany();
    expect((await runImport("sirene", shops, options)).counts).toMatchObject({ created: 4 });
    expect(await names()).toEqual(expected);
    expect((await runImport("sirene-unites", units, options)).counts).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect((await runImport("sirene", shops, options)).counts).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
  });

  it("takes the name of a unit a newer stock no longer lists (here: turned non-diffusible) off its establishments", async () => {
    const newer = writeImportFile("StockUniteLegale_utf8.csv", [
      STOCK_UNITE_LEGALE_HEADER,
      COMPANY,
      PERSON.replace(/^100000002,O,/, "100000002,P,"),
    ]);
    const result = await runImport("sirene-unites", newer, options);
    expect(result.counts).toMatchObject({ read: 2, unchanged: 1, withheld: 1, withdrawn: 1 });
    expect(await db.legalUnit.findUnique({ where: { siren: "100000002" } })).toBeNull();
    expect(await db.establishment.findUnique({ where: { siret: "10000000200015" }, select: { legalName: true, searchName: true } })).toEqual({
      legalName: null,
      searchName: "fournil de marie",
    });
    // The establishments' own import agrees: nothing to change.
    expect((await runImport("sirene", shops, options)).counts).toMatchObject({ updated: 0, unchanged: 4 });
  });
});
