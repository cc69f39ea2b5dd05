/**
 * Search by business: SIRET, SIREN and name, mixed with places, and the search filters. Runs on
 * SQLite (FTS5 "EstablishmentSearch") and PostgreSQL (trigram index); the establishments are rows
 * of the table, as the SIRENE importer leaves them (only diffusible ones exist).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { BAN_HEADER, banLine, writeImportFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { normalizeText } from "@/lib/text/normalize";
import { search } from "./index";

const bourg = (id: string, numero: string, nom_voie: string) => banLine({ id: `01053_${id}`, numero, nom_voie, lon: "5.2256", lat: "46.2046" });
const stEtienne = (id: string, numero: string, nom_voie: string) =>
  banLine({ id: `42218_${id}`, numero, nom_voie, code_postal: "42000", nom_commune: "Saint-Étienne", lon: "4.3872", lat: "45.4397" });

async function establishment(siret: string, fields: { tradeName?: string; legalName?: string; inseeCode: string; addressId?: string; communeName?: string }) {
  const searchName = normalizeText([fields.tradeName, fields.legalName].filter(Boolean).join(" "));
  await db.establishment.create({
    data: {
      siret, siren: siret.slice(0, 9), tradeName: fields.tradeName ?? null, legalName: fields.legalName ?? null, inseeCode: fields.inseeCode,
      communeName: fields.communeName ?? null, addressId: fields.addressId ?? null, matchMethod: fields.addressId ? "ban-id" : null,
      searchName, contentHash: siret,
    },
  });
}

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  const file = writeImportFile("adresses-establishments.csv", [
    BAN_HEADER,
    bourg("0001_00012", "12", "Rue de la République"),
    bourg("0002_00003", "3", "Rue Martin"),
    stEtienne("0001_00012", "12", "Rue de la République"),
    stEtienne("0002_00005", "5", "Rue Martin"),
  ]);
  expect((await runImport("ban", file, { triggeredBy: "test" })).counts.created).toBe(4);
  await establishment("55210055400010", { tradeName: "Boulangerie Martin", legalName: "MARTIN ET FILS", inseeCode: "01053", addressId: "01053_0001_00012" });
  await establishment("55210055400028", { legalName: "MARTIN ET FILS", inseeCode: "42218", communeName: "Saint-Étienne" });
  await establishment("55210055400036", { tradeName: "Martin Traiteur", legalName: "MARTIN ET FILS", inseeCode: "42218", addressId: "42218_0002_00005" });
  await establishment("40483304800022", { tradeName: "Pressing de la République", inseeCode: "01053", addressId: "01053_0002_00003" });
});

describe("search by business", () => {
  it("finds an establishment by its SIRET, spaces allowed, with its name and address", async () => {
    for (const q of ["55210055400010", "552 100 554 00010", "552.100.554.00010"]) {
      expect(await search(q, 8), q).toEqual([
        {
          type: "establishment",
          id: "55210055400010",
          label: "Boulangerie Martin — 12 Rue de la République, 01000 Bourg-en-Bresse",
          name: "Boulangerie Martin",
          siren: "552100554",
          inseeCode: "01053",
          communeName: "Bourg-en-Bresse",
          addressId: "01053_0001_00012",
          lat: 46.2046,
          lon: 5.2256,
          url: "/etablissement/55210055400010",
        },
      ]);
    }
  });

  it("reads a SIRET that is not in the table as no result (non-diffusible ones are never stored)", async () => {
    expect(await search("55210055400044", 8)).toEqual([]);
    expect(await search("999 999 999 00013", 8)).toEqual([]);
  });

  it("finds the establishments of a SIREN, linked ones first, then by SIRET; the commune labels an unmatched one", async () => {
    const results = await search("552 100 554", 8);
    expect(results.map((result) => result.id)).toEqual(["55210055400010", "55210055400036", "55210055400028"]);
    expect(results[2]).toMatchObject({ label: "MARTIN ET FILS — Saint-Étienne", addressId: null, lat: null, lon: null });
  });

  it("finds establishments by trade or legal name, word starts in any order", async () => {
    expect((await search("boulangerie mar", 8)).map((result) => result.id)).toEqual(["55210055400010"]);
    expect((await search("fils martin", 8, ["establishment"])).map((result) => result.id)).toEqual(["55210055400010", "55210055400036", "55210055400028"]);
  });

  it("never lets a name bury the street, nor the street hide the company", async () => {
    const results = await search("12 rue de la republique", 8);
    expect(results.slice(0, 2).map((result) => result.type)).toEqual(["address", "address"]);
    const byName = await search("republique", 8);
    expect(byName[0]?.type).toBe("address");
    expect(byName.map((result) => result.id)).toContain("40483304800022");
    const martin = await search("martin", 4);
    expect(martin.some((result) => result.type === "address")).toBe(true);
    expect(martin.some((result) => result.type === "establishment")).toBe(true);
  });

  it("forgets an establishment the import deleted and follows a new name", async () => {
    await establishment("11111111100019", { tradeName: "Garage Éphémère", inseeCode: "01053" });
    expect((await search("garage ephemere", 8)).map((result) => result.id)).toEqual(["11111111100019"]);
    await db.establishment.update({ where: { siret: "11111111100019" }, data: { tradeName: "Carrosserie Durable", searchName: "carrosserie durable" } });
    expect(await search("garage ephemere", 8)).toEqual([]);
    expect((await search("carrosserie", 8)).map((result) => result.id)).toEqual(["11111111100019"]);
    await db.establishment.delete({ where: { siret: "11111111100019" } });
    expect(await search("carrosserie", 8)).toEqual([]);
    expect(await search("11111111100019", 8)).toEqual([]);
  });
});

describe("search filters", () => {
  it("keeps only the results of a commune or a postcode, whatever their type", async () => {
    const inSaintEtienne = await search("martin", 20, undefined, { citycode: "42218" });
    expect(inSaintEtienne.length).toBeGreaterThan(0);
    for (const result of inSaintEtienne) expect(result.type === "commune" ? result.id : (result as { inseeCode: string }).inseeCode).toBe("42218");
    const in01000 = await search("republique", 20, undefined, { postcode: "01000" });
    expect(in01000.map((result) => result.id)).toEqual(["01053_0001_00012", "40483304800022"]);
    expect(await search("552100554", 8, undefined, { citycode: "42218" })).toHaveLength(2);
  });

  it("puts results near lat+lon first among equally good matches, never a worse match", async () => {
    const nearSaintEtienne = await search("12 rue de la republique", 2, ["address"], { near: { lat: 45.44, lon: 4.39 } });
    expect(nearSaintEtienne.map((result) => result.id)).toEqual(["42218_0001_00012", "01053_0001_00012"]);
    const nearBourg = await search("12 rue de la republique", 2, ["address"], { near: { lat: 46.2, lon: 5.22 } });
    expect(nearBourg.map((result) => result.id)).toEqual(["01053_0001_00012", "42218_0001_00012"]);
    const named = await search("martin traiteur", 3, ["establishment"], { near: { lat: 46.2, lon: 5.22 } });
    expect(named[0]?.id).toBe("55210055400036");
  });

  it("answers only the types asked", async () => {
    expect(new Set((await search("martin", 20, ["address"])).map((result) => result.type))).toEqual(new Set(["address"]));
    expect(await search("55210055400010", 8, ["address", "commune"])).toEqual([]);
  });
});
