import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { BAL_13_HEADER, BAL_14_HEADER, bal13Line, writeImportFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";

const options = { triggeredBy: "test" };

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
});

describe("BAL import", () => {
  it("reads a BAL 1.3 file, checks its lines and is unchanged the second time", async () => {
    const file = writeImportFile("bal-01053.csv", [
      BAL_13_HEADER,
      bal13Line({ cle: "01053_0420_00003", numero: "3", long: "5.2301", lat: "46.2101" }),
      bal13Line({ cle: "01053_0420_00003_bis", numero: "3", suffixe: "bis", long: "5.2302", lat: "46.2102" }),
      bal13Line({ cle: "01053_0421_99999", voie: "Les Vavres", numero: "99999", x: "872000,5", y: "6569000,2" }),
      bal13Line({ cle: "01053_0420_00005", numero: "7", long: "5.2303", lat: "46.2103" }),
      bal13Line({ cle: "0105_0420_00009", numero: "9", long: "5.23", lat: "46.21" }),
      bal13Line({ cle: "01053_0420_00011", numero: "11" }),
    ]);
    const result = await runImport("bal", file, options);
    expect(result.counts).toMatchObject({ read: 6, created: 3, rejected: 3 });
    expect(result.rejected.map((problem) => [problem.line, problem.reason])).toEqual([
      [5, "le numero 7 ne correspond pas à la cle_interop 01053_0420_00005"],
      [6, 'cle_interop invalide : "0105_0420_00009"'],
      [7, "coordonnées absentes ou invalides (long/lat ou x/y)"],
    ]);
    expect(await db.address.findUnique({ where: { id: "01053_0420_00003_bis" } })).toMatchObject({
      number: 3, suffix: "bis", postcode: "01000", source: "BAL", communeName: "Bourg-en-Bresse",
    });
    expect((await db.address.findUnique({ where: { id: "01053_0421_99999" } }))?.number).toBeNull();
    expect((await runImport("bal", file, options)).counts).toMatchObject({ read: 6, unchanged: 3, created: 0 });
  });

  it("reads the commune from BAL 1.4's commune_insee", async () => {
    const line = ["01002_0007_00004", "", "Place du Pese Lait", "", "4", "", "1", "01002", "L'Abergement-de-Varey", "entrée", "5.4252", "46.0055", "", "", "", "Commune", "2026-10-01", "", "", ""].join(";");
    const result = await runImport("bal", writeImportFile("bal-01002.csv", [BAL_14_HEADER, line]), options);
    expect(result.counts).toMatchObject({ read: 1, created: 1 });
    expect(await db.address.findUnique({ where: { id: "01002_0007_00004" } })).toMatchObject({ inseeCode: "01002", postcode: "01640" });
  });

  it("reads BAL 1.4 with commune_deleguee_insee: the address belongs to commune_insee, whatever its key's prefix", async () => {
    // A commune nouvelle: keys keep the delegated commune's code (42999), commune_insee is today's commune.
    const header = BAL_14_HEADER.replace("commune_insee;commune_nom;", "commune_insee;commune_nom;commune_deleguee_insee;commune_deleguee_nom;");
    const line = ["42999_0005_00008", "", "Rue du Vieux Bourg", "", "8", "", "1", "42207", "Saint-Chamond", "42999", "Ancienne-Commune", "entrée", "4.5021", "45.4752", "", "", "", "Commune", "2026-10-01", "", "", ""].join(";");
    const result = await runImport("bal", writeImportFile("bal-42207.csv", [header, line], { bom: true, eol: "\r\n" }), options);
    expect(result.counts).toMatchObject({ read: 1, created: 1, rejected: 0 });
    expect(await db.address.findUnique({ where: { id: "42999_0005_00008" } })).toMatchObject({ inseeCode: "42207", communeName: "Saint-Chamond", postcode: "42400" });
  });
});
