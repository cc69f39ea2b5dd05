import zlib from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ImportFileError } from "@/lib/import/errors";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { BAN_HEADER, banLine, writeImportFile, writeRawFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { ADDRESS_SEARCH_INSERT_TRIGGER } from "@/lib/search/sqlite-address-index";

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
});

const options = { triggeredBy: "test" };

const bourgLines = [
  banLine({ id: "01053_0150_00012", numero: "12", lon: "5.2256", lat: "46.2046" }),
  banLine({ id: "01053_0150_00012_bis", numero: "12", rep: "bis", lon: "5.2257", lat: "46.2047" }),
  banLine({ id: "01002_w4ld4h_00006", numero: "6", nom_voie: "Place du Pese Lait", code_postal: "01640", nom_commune: "L'Abergement-de-Varey", x: "887643,67", y: "6547960,53" }),
];

describe("BAN import", () => {
  it("creates addresses, then finds them all unchanged on a second import", async () => {
    const file = writeImportFile("adresses-01.csv", [BAN_HEADER, ...bourgLines]);
    const first = await runImport("ban", file, options);
    expect(first.counts).toMatchObject({ read: 3, created: 3, updated: 0, unchanged: 0, rejected: 0 });
    const second = await runImport("ban", file, options);
    expect(second.counts).toMatchObject({ read: 3, created: 0, updated: 0, unchanged: 3, rejected: 0 });

    const bis = await db.address.findUnique({ where: { id: "01053_0150_00012_bis" } });
    expect(bis).toMatchObject({ number: 12, suffix: "bis", street: "Avenue d'Alsace-Lorraine", postcode: "01000", inseeCode: "01053" });
    expect(bis?.streetKey).toBe("avenue alsace lorraine");

    // Lambert-93 with a decimal comma, no lon/lat: reprojected within a metre of the BAN's own lon/lat.
    const lambert = await db.address.findUnique({ where: { id: "01002_w4ld4h_00006" } });
    expect(lambert?.lon).toBeCloseTo(5.425179, 5);
    expect(lambert?.lat).toBeCloseTo(46.005447, 5);

    const run = await db.importRun.findFirst({ where: { format: "ban" }, orderBy: { startedAt: "desc" } });
    expect(run).toMatchObject({ status: "SUCCEEDED", sourceName: "Base Adresse Nationale", unchangedCount: 3, triggeredBy: "test" });
  });

  it("updates a changed address and reads Windows-1252 and BOM files", async () => {
    const renamed = banLine({ id: "01053_0150_00012", numero: "12", nom_voie: "Avenue d’Alsace-Lorraine Été", lon: "5.2256", lat: "46.2046" });
    const latin = writeImportFile("adresses-latin.csv", [BAN_HEADER, renamed], { encoding: "windows-1252", eol: "\r\n" });
    const result = await runImport("ban", latin, options);
    expect(result.encoding).toBe("windows-1252");
    expect(result.counts).toMatchObject({ read: 1, updated: 1 });
    expect((await db.address.findUnique({ where: { id: "01053_0150_00012" } }))?.street).toBe("Avenue d’Alsace-Lorraine Été");

    const bom = writeImportFile("adresses-bom.csv", [BAN_HEADER, bourgLines[0]!], { bom: true });
    const withBom = await runImport("ban", bom, options);
    expect(withBom.encoding).toBe("utf-8");
    expect(withBom.counts).toMatchObject({ read: 1, updated: 1, rejected: 0 });
  });

  it("reads a gzipped file", async () => {
    const plain = writeImportFile("adresses-gz.csv", [BAN_HEADER, ...bourgLines]);
    const gz = writeRawFile("adresses-01.csv.gz", zlib.gzipSync(await import("node:fs").then((fs) => fs.readFileSync(plain))));
    const result = await runImport("ban", gz, options);
    expect(result.counts).toMatchObject({ read: 3, unchanged: 3 });
  });

  it("rejects bad lines with their line numbers and imports the rest", async () => {
    const file = writeImportFile("adresses-bad.csv", [
      BAN_HEADER,
      banLine({ id: "01053_0150_00020", numero: "20", lon: "5.22", lat: "46.20" }),
      banLine({ id: "01053_0150_00022", numero: "22", code_insee: "99999", lon: "5.22", lat: "46.20" }),
      banLine({ id: "01053_0150_00024", numero: "24" }),
      banLine({ id: "pas-un-id", numero: "26", lon: "5.22", lat: "46.20" }),
      banLine({ id: "01053_0150_00020", numero: "20", lon: "5.22", lat: "46.20" }),
      banLine({ id: "01053_0150_00028", numero: "28", nom_voie: "x".repeat(1024 * 1024), lon: "5.22", lat: "46.20" }),
    ]);
    const result = await runImport("ban", file, options);
    expect(result.counts).toMatchObject({ read: 6, created: 1, rejected: 5 });
    expect(result.rejected.map((problem) => [problem.line, problem.id, problem.reason])).toEqual([
      [3, "01053_0150_00022", 'code INSEE inconnu : "99999"'],
      [4, "01053_0150_00024", "coordonnées absentes ou invalides (lon/lat ou x/y)"],
      [5, "pas-un-id", 'identifiant BAN invalide : "pas-un-id"'],
      [6, "01053_0150_00020", "doublon : même identifiant qu'à la ligne 2"],
      [7, "01053_0150_00028", expect.stringMatching(/^un champ fait 1\s048\s576 caractères/)],
    ]);
  });

  it("under --strict, a rejected line leaves the database unchanged", async () => {
    const before = await db.address.count();
    const runsBefore = await db.importRun.count();
    const file = writeImportFile("adresses-strict.csv", [
      BAN_HEADER,
      banLine({ id: "01053_0150_00030", numero: "30", lon: "5.22", lat: "46.20" }),
      banLine({ id: "01053_0150_00032", numero: "32", code_insee: "99999", lon: "5.22", lat: "46.20" }),
    ]);
    const result = await runImport("ban", file, { ...options, strict: true });
    expect(result.isApplied).toBe(false);
    expect(result.refusal).toMatch(/1 ligne rejetée avec --strict/);
    expect(await db.address.count()).toBe(before);
    expect(await db.importRun.count()).toBe(runsBefore);
  });

  it("a dry run reports the counts and writes nothing", async () => {
    const before = await db.address.count();
    const file = writeImportFile("adresses-dry.csv", [BAN_HEADER, banLine({ id: "01053_0150_00040", numero: "40", lon: "5.22", lat: "46.20" })]);
    const result = await runImport("ban", file, { ...options, dryRun: true });
    expect(result.counts).toMatchObject({ read: 1, created: 1 });
    expect(result.isApplied).toBe(false);
    expect(await db.address.count()).toBe(before);
  });

  it("rejects an address repeated in a later batch (batches are written while the next are read)", async () => {
    const lines = Array.from({ length: 4_500 }, (_, index) =>
      banLine({ id: `01053_0777_${String(index + 1).padStart(5, "0")}`, numero: String(index + 1), nom_voie: "Rue des Essais", lon: "5.23", lat: "46.21" }),
    );
    lines.splice(2_500, 0, lines[1_998]!);
    const result = await runImport("ban", writeImportFile("adresses-lots.csv", [BAN_HEADER, ...lines]), options);
    expect(result.counts).toMatchObject({ read: 4_501, created: 4_500, rejected: 1 });
    expect(result.rejected).toEqual([{ line: 2_502, id: "01053_0777_01999", reason: "doublon : cet identifiant figure déjà plus haut dans le fichier" }]);
  });

  it.each([
    ["an empty file", () => writeRawFile("vide.csv", Buffer.alloc(0)), /vide\.csv est vide/],
    ["a header without data", () => writeImportFile("entete.csv", [BAN_HEADER]), /ne contient aucune ligne de données/],
    ["a binary file", () => writeRawFile("image.csv", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3])), /fichier binaire/],
    ["a missing file", () => "/nonexistent/adresses.csv", /ce fichier n'existe pas/],
    ["a wrong header", () => writeImportFile("faux.csv", ["a;b;c", "1;2;3"]), /n'est pas un fichier BAN \(adresses\) : colonnes manquantes id, numero/],
    [
      "an IPE file given as BAN",
      () => writeImportFile("ipe-as-ban.csv", ["IdentifiantImmeuble;EtatImmeuble;CodeInseeImmeuble", "IMB1;DEPLOYE;01053"]),
      /Il ressemble à un fichier IPE \(Interop'Fibre\)/,
    ],
  ])("refuses %s with one sentence, database unchanged", async (_label, makeFile, message) => {
    const before = { addresses: await db.address.count(), runs: await db.importRun.count() };
    const error = await runImport("ban", makeFile(), options).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as Error).message).toMatch(message);
    expect({ addresses: await db.address.count(), runs: await db.importRun.count() }).toEqual(before);
  });
});

describe.skipIf(process.env.TEST_DB_PROVIDER !== "sqlite")("BAN import into SQLite: the search index written at the end", () => {
  const triggerSql = async () =>
    (await db.$queryRawUnsafe<{ sql: string }[]>(`SELECT "sql" FROM sqlite_master WHERE "type" = 'trigger' AND "name" = 'Address_search_insert'`))[0]?.sql;
  const searchHits = async (words: string) =>
    Number((await db.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT count(*) AS "n" FROM "AddressSearch" WHERE "AddressSearch" MATCH ?`, words))[0]!.n);

  it("indexes the new addresses, keeps the insert trigger as the migration wrote it, and a failed import changes neither", async () => {
    const before = await triggerSql();
    expect(before).toBe(ADDRESS_SEARCH_INSERT_TRIGGER);
    const file = writeImportFile("adresses-fts.csv", [
      BAN_HEADER,
      banLine({ id: "01053_ftsx_00001", numero: "1", nom_voie: "Rue Zéphyrine Quetzal", lon: "5.2256", lat: "46.2046" }),
      banLine({ id: "01053_ftsx_00002", numero: "2", nom_voie: "Rue Zéphyrine Quetzal", lon: "5.2257", lat: "46.2047" }),
    ]);
    await runImport("ban", file, options);
    expect(await searchHits("zephyrine quetzal")).toBe(2);
    expect(await triggerSql()).toBe(before);
    // Written one by one again after the import: an address created by other code is indexed at once.
    await db.$executeRawUnsafe(
      `INSERT INTO "Address" ("id", "street", "inseeCode", "communeName", "lat", "lon", "streetKey", "searchKey", "source", "contentHash", "updatedAt")
       VALUES ('01053_ftsx_00003', 'Rue Zéphyrine Quetzal', '01053', 'Bourg-en-Bresse', 46.2, 5.2, 'rue zephyrine quetzal', '3 rue zephyrine quetzal', 'BAN', 'x', CURRENT_TIMESTAMP)`,
    );
    expect(await searchHits("zephyrine quetzal")).toBe(3);

    // --strict with a bad line: nothing of it reaches the table, the index or the trigger.
    const strict = writeImportFile("adresses-fts-strict.csv", [
      BAN_HEADER,
      banLine({ id: "01053_ftsy_00001", numero: "1", nom_voie: "Impasse Xylophage", lon: "5.2256", lat: "46.2046" }),
      banLine({ id: "pas-un-id", numero: "2", nom_voie: "Impasse Xylophage", lon: "5.2257", lat: "46.2047" }),
    ]);
    await runImport("ban", strict, { ...options, strict: true });
    expect(await searchHits("xylophage")).toBe(0);
    expect(await db.address.count({ where: { street: "Impasse Xylophage" } })).toBe(0);
    expect(await triggerSql()).toBe(before);
  });

  it("keeps prefix indexes of one to five letters, so a half-typed word reads one list instead of merging every word it starts", async () => {
    const [table] = await db.$queryRawUnsafe<{ sql: string }[]>(`SELECT "sql" FROM sqlite_master WHERE "name" = 'AddressSearch'`);
    expect(table?.sql).toContain("prefix = '1 2 3 4 5'");
    const file = writeImportFile("adresses-fts-prefix.csv", [
      BAN_HEADER,
      banLine({ id: "01053_ftsp_00001", numero: "8", nom_voie: "Boulevard Quintessence", lon: "5.2256", lat: "46.2046" }),
      banLine({ id: "01053_ftsp_00002", numero: "9", nom_voie: "Boulevard Quintessence", lon: "5.2257", lat: "46.2047" }),
    ]);
    await runImport("ban", file, options);
    for (const typed of ["q", "qu", "qui", "quin", "quint", "quinte", "quintessence"]) {
      expect(await searchHits(`"8" AND "boulevard" AND "${typed}"*`), typed).toBe(1);
    }
    // The prefix indexes agree with the addresses they were built from.
    await db.$executeRawUnsafe(`INSERT INTO "AddressSearch"("AddressSearch", "rank") VALUES ('integrity-check', 1)`);
  });
});
