import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import {
  ARCEP_BUILDINGS_HEADER, BAN_HEADER, IPE_HEADER, arcepBuildingLine, banLine, ipeLine, writeImportFile,
} from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { getCoverage } from "./coverage";

const options = { triggeredBy: "test" };

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  await runImport("ban", writeImportFile("adresses-cov.csv", [
    BAN_HEADER,
    banLine({ id: "01053_0150_00012", numero: "12", lon: "5.2256", lat: "46.2046" }),
    banLine({ id: "01053_0150_00014", numero: "14", lon: "5.2260", lat: "46.2049" }),
    banLine({ id: "01053_0150_00016", numero: "16", lon: "5.2264", lat: "46.2052" }),
  ]), options);
  // Arcep (older) says 12 is in progress; the IPE (newer) says it is deployed, with FttE.
  await runImport("arcep-immeubles", writeImportFile("arcep-cov.csv", [
    ARCEP_BUILDINGS_HEADER,
    arcepBuildingLine({ id: "IMB/12", numero: "12", typeVoie: "AV", nomVoie: "D ALSACE LORRAINE", etat: "en cours de deploiement" }),
  ]), { ...options, fileDate: new Date("2026-09-30T00:00:00Z") });
  await runImport("ipe", writeImportFile("LIAIN_01_SIEA_PM_IPEZMD_V20_20261115_00_PBOOK.csv", [
    IPE_HEADER,
    ipeLine({ id: "IMB/12", numero: "12", typeVoie: "AV", nomVoie: "D ALSACE LORRAINE", dateMes: "20261101", fibreDediee: "O" }),
    ipeLine({ id: "IMB/14", etat: "SIGNE", numero: "14", typeVoie: "AV", nomVoie: "D ALSACE LORRAINE" }),
  ]), options);
});

describe("getCoverage", () => {
  it("counts addresses by the most recent status of each technology, and names the sources", async () => {
    const coverage = await getCoverage({ inseeCode: "01053" });
    expect(coverage.addresses).toBe(3);
    expect(coverage.technologies).toEqual({ FTTH: { DEPLOYE: 1, SIGNE: 1 }, FTTE: { DEPLOYE: 1 } });
    expect(coverage.sources.map((source) => [source.name, source.date?.toISOString().slice(0, 10)])).toEqual([
      ["IPE LIAIN", "2026-11-15"],
      ["Arcep Carte fibre", "2026-09-30"],
    ]);
  });

  it("is empty for a commune without addresses", async () => {
    expect(await getCoverage({ inseeCode: "42218" })).toEqual({ addresses: 0, technologies: {}, levels: { FTTH: [], FTTH_PRO: [], FTTE: [], FTTO: [] }, sources: [], planned: {} });
  });
});
