import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ImportFileError } from "@/lib/import/errors";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { BAN_HEADER, IPE_HEADER, banLine, ipeLine, writeImportFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";

const options = { triggeredBy: "test" };
const TECHNOLOGY_ORDER = ["FTTH", "FTTH_PRO", "FTTE", "FTTO"];
const ipeName = (date: string) => `LIAIN_01_SIEA_PM_IPEZMD_V20_${date}_00_PBOOK.csv`;

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  const ban = writeImportFile("adresses-01.csv", [
    BAN_HEADER,
    banLine({ id: "01053_0150_00012", numero: "12", lon: "5.2256", lat: "46.2046" }),
    banLine({ id: "01053_0150_00012_bis", numero: "12", rep: "bis", lon: "5.2257", lat: "46.2047" }),
    banLine({ id: "01053_0150_00014", numero: "14", lon: "5.2260", lat: "46.2049" }),
    banLine({ id: "01002_w4ld4h_00006", numero: "6", nom_voie: "Place du Pese Lait", code_postal: "01640", lon: "5.425179", lat: "46.005447" }),
  ]);
  await runImport("ban", ban, options);
});

const factsOf = async (externalId: string) =>
  (
    await db.availability.findMany({
      where: { building: { externalId } },
      include: { operators: true },
    })
  )
    .sort((a, b) => TECHNOLOGY_ORDER.indexOf(a.technology) - TECHNOLOGY_ORDER.indexOf(b.technology))
    .map((fact) => ({
    technology: fact.technology,
    status: fact.status,
    since: fact.availableSince?.toISOString().slice(0, 10) ?? null,
    planned: fact.plannedDate ? `${fact.plannedDate.toISOString().slice(0, 10)} ${fact.plannedPrecision}` : null,
    withdrawn: fact.withdrawnAt !== null,
    operators: fact.operators.map((operator) => `${operator.operatorCode}:${operator.role}`),
    source: `${fact.sourceName} ${fact.fileDate?.toISOString().slice(0, 10)}`,
  }));

describe("IPE import", () => {
  const first = [
    IPE_HEADER,
    // Deployed, free dedicated fibre: FttH and FttE; Lambert-93 with decimal comma; matched by street key.
    ipeLine({ id: "IMB/1", numero: "12", typeVoie: "AV", nomVoie: "D ALSACE LORRAINE", x: "872000,5", y: "6569000,2", projection: "RGF93", dateMes: "20220105", fibreDediee: "O", logements: "12" }),
    // In progress with a future opening: planned at the day; "B" finds the "bis" address.
    ipeLine({ id: "IMB/2", etat: "EN COURS DE DEPLOIEMENT", numero: "12", complement: "B", typeVoie: "AVENUE", nomVoie: "ALSACE LORRAINE", dateMes: "20270601" }),
    // No street: found by position within 30 m (WGS84).
    ipeLine({ id: "IMB/3", etat: "CIBLE", insee: "01002", x: "5.42520", y: "46.00546", projection: "WGS84" }),
    // Matches nothing: kept with its own position, listed as unmatched.
    ipeLine({ id: "IMB/4", etat: "SIGNE", numero: "99", nomVoie: "RUE NULLE PART", x: "880000", y: "6540000", projection: "RGF93" }),
    ipeLine({ id: "IMB/5", etat: "EN TRAVAUX", numero: "14", nomVoie: "AVENUE D ALSACE LORRAINE" }),
    ipeLine({ id: "IMB/6", etat: "RACCORDABLE DEMANDE", numero: "14", nomVoie: "AVENUE D ALSACE LORRAINE" }),
    ipeLine({ id: "IMB/7", etat: "RAD EN COURS DE DEPLOIEMENT", numero: "14", nomVoie: "AVENUE D ALSACE LORRAINE" }),
    ipeLine({ id: "IMB/8", etat: "ABANDONNE", numero: "14", nomVoie: "AVENUE D ALSACE LORRAINE" }),
    ipeLine({ id: "IMB/1", numero: "12", typeVoie: "AV", nomVoie: "D ALSACE LORRAINE" }),
    ipeLine({ id: "IMB/9", etat: "DEPLOYE", numero: "14", nomVoie: "AVENUE D ALSACE LORRAINE", x: "1", y: "2", projection: "NTF" }),
  ];

  it("maps every state, matches addresses and keeps unmatched buildings", async () => {
    const file = writeImportFile(ipeName("20261115"), first, { encoding: "windows-1252", eol: "\r\n" });
    const result = await runImport("ipe", file, options);
    expect(result.sourceName).toBe("IPE LIAIN");
    expect(result.fileDate?.toISOString().slice(0, 10)).toBe("2026-11-15");
    expect(result.counts).toMatchObject({ read: 10, created: 7, rejected: 3, unmatched: 1, withdrawn: 0 });
    expect(result.rejected.map((problem) => [problem.line, problem.id, problem.reason])).toEqual([
      [6, "IMB/5", 'EtatImmeuble inconnu : "EN TRAVAUX"'],
      [10, "IMB/1", "doublon : même immeuble qu'à la ligne 2"],
      [11, "IMB/9", 'TypeProjectionGeographique inconnu : "NTF"'],
    ]);
    expect(result.unmatched).toEqual([{ line: 5, id: "IMB/4", reason: "aucune adresse avec cette voie et ce numéro, ni à moins de 30 m" }]);

    const buildings = await db.building.findMany({ orderBy: { externalId: "asc" }, select: { externalId: true, addressId: true, addressMatch: true, dwellings: true, operatorCode: true } });
    expect(buildings).toEqual([
      { externalId: "IMB/1", addressId: "01053_0150_00012", addressMatch: "KEY", dwellings: 12, operatorCode: "LIAI" },
      { externalId: "IMB/2", addressId: "01053_0150_00012_bis", addressMatch: "KEY", dwellings: 1, operatorCode: "LIAI" },
      { externalId: "IMB/3", addressId: "01002_w4ld4h_00006", addressMatch: "NEAREST", dwellings: 1, operatorCode: "LIAI" },
      { externalId: "IMB/4", addressId: null, addressMatch: null, dwellings: 1, operatorCode: "LIAI" },
      { externalId: "IMB/6", addressId: "01053_0150_00014", addressMatch: "KEY", dwellings: 1, operatorCode: "LIAI" },
      { externalId: "IMB/7", addressId: "01053_0150_00014", addressMatch: "KEY", dwellings: 1, operatorCode: "LIAI" },
      { externalId: "IMB/8", addressId: "01053_0150_00014", addressMatch: "KEY", dwellings: 1, operatorCode: "LIAI" },
    ]);
    const unmatched = await db.building.findUnique({ where: { externalId: "IMB/4" } });
    expect(unmatched?.lat).toBeCloseTo(45.9358, 3);

    expect(await factsOf("IMB/1")).toEqual([
      { technology: "FTTH", status: "DEPLOYE", since: "2022-01-05", planned: null, withdrawn: false, operators: ["LIAI:INFRASTRUCTURE"], source: "IPE LIAIN 2026-11-15" },
      { technology: "FTTE", status: "DEPLOYE", since: "2022-01-05", planned: null, withdrawn: false, operators: ["LIAI:INFRASTRUCTURE"], source: "IPE LIAIN 2026-11-15" },
    ]);
    expect((await factsOf("IMB/2"))[0]).toMatchObject({ status: "EN_COURS", planned: "2027-06-01 DAY", since: null });
    expect((await factsOf("IMB/3"))[0]?.status).toBe("CIBLE");
    expect((await factsOf("IMB/4"))[0]?.status).toBe("SIGNE");
    expect((await factsOf("IMB/6"))[0]?.status).toBe("RAD");
    expect((await factsOf("IMB/7"))[0]?.status).toBe("RAD_EN_COURS");
    expect((await factsOf("IMB/8"))[0]?.status).toBe("ABANDONNE");
    expect(await db.availability.count({ where: { addressId: "01053_0150_00012" } })).toBe(2);
  });

  it("re-importing the same file changes nothing", async () => {
    const file = writeImportFile(ipeName("20261115"), first, { encoding: "windows-1252", eol: "\r\n" });
    const result = await runImport("ipe", file, options);
    expect(result.counts).toMatchObject({ read: 10, created: 0, updated: 0, unchanged: 7, rejected: 3, withdrawn: 0 });
  });

  it("a newer file replaces the source's facts and withdraws what it no longer lists", async () => {
    const newer = writeImportFile(ipeName("20261201"), [
      IPE_HEADER,
      ipeLine({ id: "IMB/1", numero: "12", typeVoie: "AV", nomVoie: "D ALSACE LORRAINE", x: "872000,5", y: "6569000,2", projection: "RGF93", dateMes: "20220105", fibreDediee: "N", logements: "12" }),
      ipeLine({ id: "IMB/2", etat: "DEPLOYE", numero: "12", complement: "B", typeVoie: "AVENUE", nomVoie: "ALSACE LORRAINE", dateMes: "20261120" }),
      ipeLine({ id: "IMB/3", etat: "CIBLE", insee: "01002", x: "5.42520", y: "46.00546", projection: "WGS84" }),
    ]);
    const result = await runImport("ipe", newer, options);
    expect(result.counts).toMatchObject({ read: 3, created: 0, updated: 2, unchanged: 1, withdrawn: 4 });

    expect(await factsOf("IMB/1")).toEqual([
      expect.objectContaining({ technology: "FTTH", status: "DEPLOYE", withdrawn: false, source: "IPE LIAIN 2026-12-01" }),
      expect.objectContaining({ technology: "FTTE", withdrawn: true }),
    ]);
    expect((await factsOf("IMB/2"))[0]).toMatchObject({ status: "DEPLOYE", since: "2026-11-20", planned: null });
    expect((await factsOf("IMB/3"))[0]).toMatchObject({ status: "CIBLE", source: "IPE LIAIN 2026-12-01" });
    const withdrawn = await db.building.findMany({ where: { withdrawnAt: { not: null } }, select: { externalId: true }, orderBy: { externalId: "asc" } });
    expect(withdrawn.map((building) => building.externalId)).toEqual(["IMB/4", "IMB/6", "IMB/7", "IMB/8"]);
  });

  it("refuses an older file of the same source, database unchanged", async () => {
    const facts = await db.availability.count({ where: { withdrawnAt: null } });
    const older = writeImportFile(ipeName("20261101"), first);
    await expect(runImport("ipe", older, options)).rejects.toThrow(/Un fichier plus récent de « IPE LIAIN » .* est déjà importé/);
    expect(await db.availability.count({ where: { withdrawnAt: null } })).toBe(facts);
  });

  // Batches are written while the next lines are read (lib/import/building-writer.ts): across them, a repeated
  // building is still caught, and a file failing late leaves nothing behind.
  const manyLines = (prefix: string, count: number) =>
    Array.from({ length: count }, (_, index) => ipeLine({ id: `${prefix}/${index}`, etat: "CIBLE", numero: String(index + 1), nomVoie: "RUE DES ESSAIS" }));

  it("rejects a building repeated in a later batch", async () => {
    const lines = manyLines("IMB/LOT", 2_600);
    lines.splice(1_500, 0, lines[998]!);
    const result = await runImport("ipe", writeImportFile("ESSA_01_RIP_PM_IPEZMD_V20_20261115_00_PBOOK.csv", [IPE_HEADER, ...lines]), options);
    expect(result.counts).toMatchObject({ read: 2_601, created: 2_600, rejected: 1 });
    expect(result.rejected).toEqual([{ line: 1_502, id: "IMB/LOT/998", reason: "doublon : cet immeuble figure déjà plus haut dans le fichier" }]);
    expect(await db.building.count({ where: { sourceName: "IPE ESSA" } })).toBe(2_600);
  });

  it("a file failing after several batches leaves the database unchanged", async () => {
    const before = { buildings: await db.building.count(), facts: await db.availability.count(), runs: await db.importRun.count() };
    const file = writeImportFile("CASS_01_RIP_PM_IPEZMD_V20_20261115_00_PBOOK.csv", [IPE_HEADER, ...manyLines("IMB/CASSE", 3_500), `IMB/LONG;${"x".repeat(9 * 1024 * 1024)}`]);
    await expect(runImport("ipe", file, options)).rejects.toThrow(/une ligne dépasse 8 Mo/);
    expect({ buildings: await db.building.count(), facts: await db.availability.count(), runs: await db.importRun.count() }).toEqual(before);
  });

  it("refuses a BAN file given as IPE", async () => {
    const ban = writeImportFile("adresses-as-ipe.csv", [BAN_HEADER, banLine({ id: "01053_0150_00050", numero: "50", lon: "5.2", lat: "46.2" })]);
    const error = await runImport("ipe", ban, options).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as Error).message).toMatch(/n'est pas un fichier IPE \(Interop'Fibre\) : colonnes manquantes IdentifiantImmeuble, EtatImmeuble, CodeInseeImmeuble\. Il ressemble à un fichier BAN \(adresses\)\./);
  });
});
