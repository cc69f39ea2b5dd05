import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { BAN_HEADER, IPE_HEADER, banLine, ipeLine, writeImportFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";

const options = { triggeredBy: "test" };
const BASE_IMB =
  "imb_id;imb_x;imb_y;imb_code;imb_code_insee;imb_nbr_logloc;imb_source;imb_type;addr_code;imb_num;addr_numero;addr_rep;addr_nom_voie;addr_nom_ld;addr_code_insee;addr_nom_commune;addr_id_fantoir;addr_source";
const ACTUEL = "imb_id;addr_code;imb_code;code_operateur;code_techno;classe_debit_montant;classe_debit_descendant;limitation;saturation";
const base = (imbId: string, imbCode: string, addrCode: string, x = "581700.1", y = "5813000.2") =>
  [imbId, x, y, imbCode, "01053", "4", "ipe", "IMMEUBLE", addrCode, "1", "12", "", "Avenue d'Alsace-Lorraine", "", "01053", "Bourg-en-Bresse", "", "ban"].join(";");
const actuel = (imbId: string, operator: string, techno = "FO") => [imbId, "", "", operator, techno, "THD1G", "THD1G", "", ""].join(";");
const operatorsOf = async (externalId: string) =>
  (
    await db.availability.findMany({
      where: { building: { externalId }, sourceKind: "ARCEP_MCI" },
      include: { operators: { orderBy: { operatorCode: "asc" } } },
    })
  ).map((fact) => ({ status: fact.status, withdrawn: fact.withdrawnAt !== null, operators: fact.operators.map((o) => `${o.operatorCode}:${o.role}`) }));

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  await runImport("ban", writeImportFile("adresses-mci.csv", [
    BAN_HEADER,
    banLine({ id: "01053_0150_00012", numero: "12", lon: "5.2256", lat: "46.2046" }),
    banLine({ id: "01053_0150_00014", numero: "14", lon: "5.2260", lat: "46.2049" }),
  ]), options);
  await runImport("ipe", writeImportFile("LIAIN_01_SIEA_PM_IPEZMD_V20_20261115_00_PBOOK.csv", [
    IPE_HEADER,
    ipeLine({ id: "IMB/1", numero: "12", typeVoie: "AV", nomVoie: "D ALSACE LORRAINE", dateMes: "20220101" }),
    ipeLine({ id: "IMB/2", numero: "14", typeVoie: "AV", nomVoie: "D ALSACE LORRAINE", dateMes: "20220101" }),
  ]), options);
});

describe("Arcep Ma connexion internet import", () => {
  it("base_imb links Arcep's buildings to ours and to their BAN address", async () => {
    const result = await runImport("arcep-mci", writeImportFile("base_imb_01.csv", [
      BASE_IMB,
      base("M1", "IMB/1", "01053_0150_00014"),
      base("M2", "IMB/2", "01053_0150_00014"),
      base("M3", "", "01053_0150_00012"),
    ]), { ...options, fileDate: new Date("2026-09-30T00:00:00Z") });
    expect(result.sourceName).toBe("Arcep Ma connexion internet (01)");
    expect(result.counts).toMatchObject({ read: 3, created: 1, updated: 2, rejected: 0 });
    // Arcep's address link replaces the one found by street key.
    expect(await db.building.findUnique({ where: { externalId: "IMB/1" } })).toMatchObject({ mciId: "M1", addressId: "01053_0150_00014", addressMatch: "FILE" });
    expect((await db.availability.findFirst({ where: { building: { externalId: "IMB/1" } } }))?.addressId).toBe("01053_0150_00014");
    // The changes feed: IMB/1's FttH leaves number 12 for number 14.
    const moved = await db.changeLogEntry.findMany({ where: { sourceKind: "IPE", changedAt: { gte: new Date(Date.now() - 60_000) }, OR: [{ status: null }, { previousStatus: null }] }, orderBy: { subjectId: "asc" } });
    expect(moved.filter((entry) => entry.id.endsWith(":from") || entry.id.endsWith(":to")).map((entry) => `${entry.subjectId} ${entry.departement} ${entry.previousStatus ?? "-"}→${entry.status ?? "-"}`)).toEqual([
      "01053_0150_00012 01 DEPLOYE→-",
      "01053_0150_00014 01 -→DEPLOYE",
    ]);
    const created = await db.building.findUnique({ where: { externalId: "MCI/M3" } });
    expect(created).toMatchObject({ mciId: "M3", addressId: "01053_0150_00012", source: "ARCEP_MCI", dwellings: 4 });
    expect(created?.lon).toBeCloseTo(5.2256, 3);
  });

  it("actuel gives each building its commercial fibre operators", async () => {
    const file = writeImportFile("actuel_01.csv", [ACTUEL, actuel("M1", "FRTE"), actuel("M1", "SFR0"), actuel("M1", "FRTE", "CU"), actuel("M2", "FREE"), actuel("M9", "BOUY")]);
    const result = await runImport("arcep-mci", file, { ...options, fileDate: new Date("2026-09-30T00:00:00Z") });
    expect(result.counts).toMatchObject({ read: 5, created: 3, rejected: 1, skipped: 1 });
    expect(result.rejected[0]).toMatchObject({ line: 6, id: "M9", reason: "immeuble inconnu : importez d'abord le fichier base_imb du département" });
    expect(await operatorsOf("IMB/1")).toEqual([{ status: "DEPLOYE", withdrawn: false, operators: ["FRTE:COMMERCIAL", "SFR0:COMMERCIAL"] }]);
    // First facts of this source for the addresses of M1 and M2 (both at number 14) and M3 (number 12).
    const first = await db.changeLogEntry.findMany({ where: { sourceKind: "ARCEP_MCI" }, orderBy: { subjectId: "asc" } });
    expect(first.map((entry) => `${entry.subjectId} ${entry.previousStatus ?? "-"}→${entry.status}`)).toEqual([
      "01053_0150_00014 -→DEPLOYE",
      "01053_0150_00014 -→DEPLOYE",
    ]);
    expect((await db.operator.findUnique({ where: { code: "SFR0" } }))?.name).toBe("SFR");

    const again = await runImport("arcep-mci", file, { ...options, fileDate: new Date("2026-09-30T00:00:00Z") });
    expect(again.counts).toMatchObject({ read: 5, created: 0, updated: 0, unchanged: 3, rejected: 1, skipped: 1 });
    expect(await db.changeLogEntry.count({ where: { sourceKind: "ARCEP_MCI" } })).toBe(2);
  });

  it("a newer actuel replaces the operators and withdraws buildings it no longer lists", async () => {
    const result = await runImport("arcep-mci", writeImportFile("actuel_01.csv", [ACTUEL, actuel("M1", "FRTE")]), {
      ...options,
      fileDate: new Date("2026-12-31T00:00:00Z"),
    });
    expect(result.counts).toMatchObject({ read: 1, updated: 1 });
    expect(await operatorsOf("IMB/1")).toEqual([{ status: "DEPLOYE", withdrawn: false, operators: ["FRTE:COMMERCIAL"] }]);
    expect(await operatorsOf("IMB/2")).toEqual([{ status: "DEPLOYE", withdrawn: true, operators: ["FREE:COMMERCIAL"] }]);
    const withdrawn = await db.changeLogEntry.findMany({ where: { sourceKind: "ARCEP_MCI", status: null } });
    expect(withdrawn.map((entry) => `${entry.subjectId} ${entry.previousStatus}→-`)).toEqual(["01053_0150_00014 DEPLOYE→-"]);
  });

  it("links and lists thousands of buildings in batches: addresses given later, a building's lines apart, a fact back after a withdrawal", async () => {
    const ids = Array.from({ length: 2_100 }, (_, index) => `N${String(index).padStart(4, "0")}`);
    const at = (month: number) => ({ ...options, fileDate: new Date(Date.UTC(2027, month, 1)) });
    const linked = await runImport("arcep-mci", writeImportFile("base_imb_01.csv", [BASE_IMB, ...ids.map((id) => base(id, "", ""))]), at(0));
    expect(linked.counts).toMatchObject({ read: 2_100, created: 2_100, rejected: 0 });
    // The next quarter gives half of them a BAN address: those are linked anew, the others only seen.
    const relinked = await runImport(
      "arcep-mci",
      writeImportFile("base_imb_01.csv", [BASE_IMB, ...ids.map((id, index) => base(id, "", index % 2 === 0 ? "01053_0150_00012" : ""))]),
      at(1),
    );
    expect(relinked.counts).toMatchObject({ read: 2_100, created: 0, updated: 1_050, unchanged: 1_050 });
    const buildings = await db.building.findMany({ where: { mciId: { startsWith: "N" } }, orderBy: { mciId: "asc" } });
    expect(buildings.filter((building) => building.lastRunId === relinked.runId)).toHaveLength(2_100);
    expect(buildings.filter((building) => building.addressId === "01053_0150_00012" && building.addressMatch === "FILE").map((building) => building.mciId)).toEqual(
      ids.filter((_, index) => index % 2 === 0),
    );
    expect(buildings.filter((building) => building.addressId === null && building.addressMatch === null)).toHaveLength(1_050);

    // Every building sold by FRTE; N0005 also by FREE, on a line far from its first (another batch).
    const listing = (list: readonly string[]) => [ACTUEL, ...list.map((id) => actuel(id, "FRTE")), actuel("N0005", "FREE")];
    const listed = await runImport("arcep-mci", writeImportFile("actuel_01.csv", listing(ids)), at(2));
    expect(listed.counts).toMatchObject({ read: 2_101, created: 2_100, unchanged: 1, rejected: 0 });
    expect(await operatorsOf("MCI/N0005")).toEqual([{ status: "DEPLOYE", withdrawn: false, operators: ["FREE:COMMERCIAL", "FRTE:COMMERCIAL"] }]);
    expect(await operatorsOf("MCI/N2099")).toEqual([{ status: "DEPLOYE", withdrawn: false, operators: ["FRTE:COMMERCIAL"] }]);
    // A fact appears in the changes feed where its building has an address.
    const appeared = () => db.changeLogEntry.count({ where: { sourceKind: "ARCEP_MCI", subjectId: "01053_0150_00012", status: "DEPLOYE", changedAt: { gte: new Date(Date.now() - 60_000) } } });
    expect(await appeared()).toBe(1_050);

    // N0000 (addressed) left out of a quarter, then back: withdrawn, then listed again, a change each time.
    // (N0005, its lines apart, has its operators replaced by its first line, then grown: one update.)
    const without = await runImport("arcep-mci", writeImportFile("actuel_01.csv", listing(ids.slice(1))), at(3));
    expect(without.counts).toMatchObject({ read: 2_100, created: 0, updated: 1, unchanged: 2_099 });
    expect(await operatorsOf("MCI/N0000")).toEqual([{ status: "DEPLOYE", withdrawn: true, operators: ["FRTE:COMMERCIAL"] }]);
    expect(await operatorsOf("MCI/N0005")).toEqual([{ status: "DEPLOYE", withdrawn: false, operators: ["FREE:COMMERCIAL", "FRTE:COMMERCIAL"] }]);
    const back = await runImport("arcep-mci", writeImportFile("actuel_01.csv", listing(ids)), at(4));
    expect(back.counts).toMatchObject({ read: 2_101, created: 0, updated: 2, unchanged: 2_099 });
    expect(await operatorsOf("MCI/N0000")).toEqual([{ status: "DEPLOYE", withdrawn: false, operators: ["FRTE:COMMERCIAL"] }]);
    expect(await db.changeLogEntry.count({ where: { sourceKind: "ARCEP_MCI", subjectId: "01053_0150_00012", status: null, previousStatus: "DEPLOYE" } })).toBe(1);
    expect(await appeared()).toBe(1_051);
  });
});
