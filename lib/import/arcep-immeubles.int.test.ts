import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import {
  ARCEP_BUILDINGS_HEADER, BAN_HEADER, IPE_HEADER, arcepBuildingLine, banLine, ipeLine, writeImportFile,
} from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";

const options = { triggeredBy: "test" };

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  await runImport("ban", writeImportFile("adresses-01.csv", [
    BAN_HEADER,
    banLine({ id: "01053_0150_00012", numero: "12", lon: "5.2256", lat: "46.2046" }),
    banLine({ id: "01053_0150_00014", numero: "14", lon: "5.2260", lat: "46.2049" }),
  ]), options);
});

describe("Arcep Carte fibre import", () => {
  it("reads the comma-separated file, maps lower-case states and matches addresses", async () => {
    const file = writeImportFile("arcep-immeubles-2026t3.csv", [
      ARCEP_BUILDINGS_HEADER,
      arcepBuildingLine({ id: "IMB/A", x: "5.2256", y: "46.2046", numero: "12", typeVoie: "AV", nomVoie: "D ALSACE LORRAINE", etat: "deploye", pmDateMad: "2025-01-10" }),
      arcepBuildingLine({ id: "IMB/B", x: "5.22601", y: "46.20491", etat: "en cours de deploiement" }),
      arcepBuildingLine({ id: "IMB/C", x: "5.2", y: "46.1", etat: "bientot" }),
    ]);
    const result = await runImport("arcep-immeubles", file, { ...options, fileDate: new Date("2026-10-01T00:00:00Z") });
    expect(result.sourceName).toBe("Arcep Carte fibre");
    expect(result.counts).toMatchObject({ read: 3, created: 2, rejected: 1, unmatched: 0 });
    expect(result.rejected[0]).toMatchObject({ line: 4, id: "IMB/C", reason: 'imb_etat inconnu : "bientot"' });
    const a = await db.building.findUnique({ where: { externalId: "IMB/A" }, include: { availabilities: { include: { operators: true } } } });
    expect(a).toMatchObject({ addressId: "01053_0150_00012", addressMatch: "KEY", operatorCode: "FRTE" });
    expect(a?.availabilities[0]).toMatchObject({ technology: "FTTH", status: "DEPLOYE", sourceKind: "ARCEP_IMMEUBLES" });
    expect(a?.availabilities[0]?.availableSince?.toISOString().slice(0, 10)).toBe("2025-04-10");
    expect((await db.operator.findUnique({ where: { code: "FRTE" } }))?.name).toBe("Orange");
    const b = await db.building.findUnique({ where: { externalId: "IMB/B" } });
    expect(b).toMatchObject({ addressId: "01053_0150_00014", addressMatch: "NEAREST" });
  });

  it("keeps both facts when an IPE and Arcep disagree about the same building", async () => {
    await runImport("ipe", writeImportFile("LIAIN_01_SIEA_PM_IPEZMD_V20_20261115_00_PBOOK.csv", [
      IPE_HEADER,
      ipeLine({ id: "IMB/A", etat: "EN COURS DE DEPLOIEMENT", numero: "12", typeVoie: "AV", nomVoie: "D ALSACE LORRAINE", dateMes: "20270301" }),
    ]), options);
    const facts = await db.availability.findMany({
      where: { addressId: "01053_0150_00012", technology: "FTTH", withdrawnAt: null },
      orderBy: { fileDate: "desc" },
      select: { status: true, sourceName: true, fileDate: true },
    });
    expect(facts.map((fact) => [fact.status, fact.sourceName, fact.fileDate?.toISOString().slice(0, 10)])).toEqual([
      ["EN_COURS", "IPE LIAIN", "2026-11-15"],
      ["DEPLOYE", "Arcep Carte fibre", "2026-10-01"],
    ]);
  });
});
