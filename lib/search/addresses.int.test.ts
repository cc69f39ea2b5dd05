/**
 * Search quality: the right address first despite what people really type. Runs on SQLite (FTS5)
 * and PostgreSQL (pg_trgm); the addresses come in through the BAN importer.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { BAN_HEADER, banLine, writeImportFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { search } from "./index";

const bourg = (id: string, numero: string, nom_voie: string, rep = "") =>
  banLine({ id: `01053_${id}`, numero, rep, nom_voie, lon: "5.2256", lat: "46.2046" });
const stChamond = (id: string, numero: string, nom_voie: string) =>
  banLine({ id: `42207_${id}`, numero, nom_voie, code_postal: "42400", nom_commune: "Saint-Chamond", lon: "4.5022", lat: "45.4756" });
const stEtienne = (id: string, numero: string, nom_voie: string) =>
  banLine({ id: `42218_${id}`, numero, nom_voie, code_postal: "42000", nom_commune: "Saint-Étienne", lon: "4.3872", lat: "45.4397" });

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  const file = writeImportFile("adresses-search.csv", [
    BAN_HEADER,
    bourg("0001_00012", "12", "Rue de la République"),
    bourg("0001_00012_bis", "12", "Rue de la République", "bis"),
    bourg("0001_00014", "14", "Rue de la République"),
    bourg("0002_00012", "12", "Rue de la République Prolongée"),
    bourg("0003_00005", "5", "Avenue du Général de Gaulle"),
    bourg("0004_00003", "3", "Boulevard de Brou"),
    bourg("0005_00007", "7", "Place de l'Hôtel de Ville"),
    bourg("0006_00001", "1", "Impasse des Lilas"),
    bourg("0007_00008", "8", "Route de Lyon"),
    bourg("0008_00002", "2", "Chemin du Moulin"),
    bourg("0009_00009", "9", "Allée des Acacias"),
    bourg("0010_00004", "4", "Rue Sainte-Madeleine"),
    bourg("0011_00006", "6", "Faubourg Saint-Nicolas"),
    bourg("0012_00010_ter", "10", "Rue Bourgmayer", "ter"),
    bourg("0012_00010", "10", "Rue Bourgmayer"),
    bourg("0013_00003", "3", "ZI de Cenord"),
    bourg("0014_00011", "11", "ZA des Baisses"),
    stEtienne("0001_00012", "12", "Rue de la République"),
    stChamond("0002_00005", "5", "Chemin Noël Renard"),
    stChamond("0002_00006", "6", "Chemin Noël Renard"),
    stChamond("0003_00005", "5", "Route Noël Renard"),
    stChamond("0004_00005", "5", "Chemin Noël Martin"),
    stChamond("0005_00005", "5", "Chemins Noël Renard"),
  ]);
  const result = await runImport("ban", file, { triggeredBy: "test" });
  expect(result.counts.created).toBe(23);
});

const first = async (q: string) => (await search(q, 5)).find((result) => result.type === "address")?.id;

describe("address search", () => {
  it("puts the exact number, street and commune first", async () => {
    expect(await first("12 rue de la République Bourg-en-Bresse")).toBe("01053_0001_00012");
    expect(await first("12 rue de la republique saint etienne")).toBe("42218_0001_00012");
    const [top] = await search("12 rue de la république bourg en bresse", 5);
    expect(top).toEqual({
      type: "address",
      id: "01053_0001_00012",
      label: "12 Rue de la République, 01000 Bourg-en-Bresse",
      inseeCode: "01053",
      lat: 46.2046,
      lon: 5.2256,
      url: "/adresse/01053_0001_00012",
    });
  });

  it("ignores case and accents", async () => {
    expect(await first("12 RUE DE LA REPUBLIQUE BOURG EN BRESSE")).toBe("01053_0001_00012");
    expect(await first("5 avenue du général de gaulle bourg")).toBe("01053_0003_00005");
  });

  it.each([
    ["5 av gal de gaulle bourg", "01053_0003_00005"],
    ["3 bd de brou", "01053_0004_00003"],
    ["3 bld brou bourg", "01053_0004_00003"],
    ["7 pl de l hotel de ville bourg", "01053_0005_00007"],
    ["1 imp des lilas", "01053_0006_00001"],
    ["8 rte de lyon bourg", "01053_0007_00008"],
    ["2 chem du moulin", "01053_0008_00002"],
    ["9 all des acacias", "01053_0009_00009"],
    ["4 r ste madeleine", "01053_0010_00004"],
    ["6 fg st nicolas bourg", "01053_0011_00006"],
    ["3 zi cenord", "01053_0013_00003"],
    ["3 zone industrielle de cenord", "01053_0013_00003"],
    ["11 za baisses", "01053_0014_00011"],
  ])("spells out abbreviations: %s", async (q, id) => {
    expect(await first(q)).toBe(id);
  });

  it.each([
    ["12 bis rue de la republique bourg", "01053_0001_00012_bis"],
    ["12bis rue de la republique bourg", "01053_0001_00012_bis"],
    ["12 b rue de la republique bourg", "01053_0001_00012_bis"],
    ["12b rue de la republique bourg", "01053_0001_00012_bis"],
    ["10 ter rue bourgmayer", "01053_0012_00010_ter"],
    ["10t rue bourgmayer", "01053_0012_00010_ter"],
    ["10 t rue bourgmayer bourg", "01053_0012_00010_ter"],
    ["10 rue bourgmayer", "01053_0012_00010"],
  ])("reads bis / ter attached or apart: %s", async (q, id) => {
    expect(await first(q)).toBe(id);
  });

  it("takes the postcode or the commune anywhere, or neither", async () => {
    expect(await first("01000 12 rue de la republique")).toBe("01053_0001_00012");
    expect(await first("12 rue de la republique 01000 bourg en bresse")).toBe("01053_0001_00012");
    expect(await first("bourg en bresse 12 rue de la republique")).toBe("01053_0001_00012");
    expect(await first("12 rue de la republique 42000")).toBe("42218_0001_00012");
    const withoutCommune = (await search("12 rue de la republique", 5)).map((result) => result.id);
    expect(withoutCommune.slice(0, 2).sort()).toEqual(["01053_0001_00012", "42218_0001_00012"]);
  });

  it("does without the small words", async () => {
    expect(await first("12 rue republique bourg")).toBe("01053_0001_00012");
    expect(await first("7 place hotel ville")).toBe("01053_0005_00007");
  });

  it("forgives one or two typos in a long word", async () => {
    expect(await first("12 rue de la repuplique bourg")).toBe("01053_0001_00012");
    expect(await first("12 rue de la rpublikue bourg")).toBe("01053_0001_00012");
    expect(await first("10 rue bourgmayr")).toBe("01053_0012_00010");
  });

  it("completes the last word as it is typed", async () => {
    expect(await first("12 rue de la repu")).toMatch(/^(01053|42218)_0001_00012$/);
    expect(await first("14 rue de la rép")).toBe("01053_0001_00014");
  });

  it("checks common words and one- or two-letter prefixes on the key: the same addresses as matching every word", async () => {
    const addresses = async (q: string) => (await search(q, 5)).filter((result) => result.type === "address").map((result) => result.id);
    // "chemin" and "r" are common (checked on the candidates' key), "noel" selective (matched).
    expect(await addresses("5 chemin noel r")).toEqual(["42207_0002_00005"]);
    expect(await addresses("5 ch noel re")).toEqual(["42207_0002_00005"]);
    expect(await addresses("5 route noel r")).toEqual(["42207_0003_00005"]);
    expect(await addresses("5 chemin noel m")).toEqual(["42207_0004_00005"]);
    expect((await addresses("5 chemin noel")).sort()).toEqual(["42207_0002_00005", "42207_0004_00005"]);
    // A checked word is a whole word ("chemin" is not "Chemins"), a checked prefix the start of one
    // ("ar" is inside "Renard" and "Martin", at the start of no word).
    expect(await addresses("5 chemins noel r")).toEqual(["42207_0005_00005"]);
    expect(await addresses("5 chemin noel ar")).toEqual([]);
    expect(await addresses("5 rue noel r")).toEqual([]);
    // A checked abbreviation stands for its words in order ("zi": zone industrielle).
    expect(await addresses("3 cenord zi")).toEqual(["01053_0013_00003"]);
    // With the API's filters beside the checked words (their parameters follow the patterns').
    const filtered = async (filters: { citycode?: string; postcode?: string }) =>
      (await search("5 chemin noel r", 5, ["address"], filters)).map((result) => result.id);
    expect(await filtered({ citycode: "42207", postcode: "42400" })).toEqual(["42207_0002_00005"]);
    expect(await filtered({ citycode: "01053" })).toEqual([]);
    // Only common words: every word is matched, as before.
    expect(await addresses("12 rue de la r")).toEqual(expect.arrayContaining(["01053_0001_00012", "42218_0001_00012"]));
  });

  it("ranks the street named in full before a longer one with the same words", async () => {
    const ids = (await search("12 rue de la republique bourg", 5)).map((result) => result.id);
    expect(ids.indexOf("01053_0001_00012")).toBeLessThan(ids.indexOf("01053_0002_00012"));
    expect(ids.indexOf("01053_0001_00012")).toBeLessThan(ids.indexOf("01053_0001_00012_bis"));
  });

  it("filters by type and finds nothing for what does not exist", async () => {
    expect(await search("12 rue de la republique bourg", 5, ["commune"])).toEqual([]);
    expect(await search("12 rue des inexistants bourg", 5, ["address"])).toEqual([]);
  });

  it("puts communes first for a commune name, addresses first with a number", async () => {
    const [top] = await search("bourg en bresse", 5);
    expect(top).toMatchObject({ type: "commune", id: "01053" });
    const [withNumber] = await search("12 rue de la republique bourg en bresse", 5);
    expect(withNumber).toMatchObject({ type: "address" });
  });

  it("gives each commune the centre of its addresses", async () => {
    const commune = await db.commune.findUnique({ where: { inseeCode: "42218" } });
    expect(commune).toMatchObject({ lat: 45.4397, lon: 4.3872 });
  });
});
