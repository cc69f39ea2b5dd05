/**
 * Several buildings at one address with different statuses from one source (an IPE lists each
 * building of a site on its own line, same number and street): the technology takes the least
 * advanced status, says the split, and the page, the API, the coverage and the exports agree.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { addressJson } from "@/lib/api/address-json";
import { getAddressAnswer } from "@/lib/data/business-answer";
import { getCoverage } from "@/lib/data/coverage";
import { exportedAddresses, resolveExportSubject, type ExportedAddress } from "@/lib/data/exports";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { BAN_HEADER, IPE_HEADER, banLine, ipeLine, writeImportFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";

const options = { triggeredBy: "test" };
const SPLIT = "01053_tann_00007";
const SAME = "01053_tann_00009";
const SINGLE = "01053_tann_00011";

const ftthOf = async (id: string) => (await getAddressAnswer(id))!.answers.find((entry) => entry.technology === "FTTH")!;

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  await runImport("ban", writeImportFile("adresses-01.csv", [
    BAN_HEADER,
    banLine({ id: SPLIT, numero: "7", nom_voie: "Rue des Tanneurs", lon: "5.2200", lat: "46.2000" }),
    banLine({ id: SAME, numero: "9", nom_voie: "Rue des Tanneurs", lon: "5.2203", lat: "46.2000" }),
    banLine({ id: SINGLE, numero: "11", nom_voie: "Rue des Tanneurs", lon: "5.2206", lat: "46.2000" }),
  ]), options);
  // As RIPs publish it: one line per building, the same address on each, Windows-1252 and CRLF.
  await runImport("ipe", writeImportFile("LIAIN_01_SIEA_PM_IPEZMD_V20_20261115_00_PBOOK.csv", [
    IPE_HEADER,
    ipeLine({ id: "IMB/T7A", etat: "DEPLOYE", numero: "7", typeVoie: "R", nomVoie: "DES TANNEURS", dateMes: "20220105" }),
    ipeLine({ id: "IMB/T7B", etat: "RACCORDABLE DEMANDE", numero: "7", typeVoie: "R", nomVoie: "DES TANNEURS" }),
    ipeLine({ id: "IMB/T9A", etat: "DEPLOYE", numero: "9", typeVoie: "R", nomVoie: "DES TANNEURS", dateMes: "20220105" }),
    ipeLine({ id: "IMB/T9B", etat: "DEPLOYE", numero: "9", typeVoie: "R", nomVoie: "DES TANNEURS", dateMes: "20220105" }),
    ipeLine({ id: "IMB/T11", etat: "DEPLOYE", numero: "11", typeVoie: "R", nomVoie: "DES TANNEURS", dateMes: "20220105" }),
  ], { encoding: "windows-1252", eol: "\r\n" }), options);
});

describe("several buildings at one address", () => {
  it("takes the least advanced status and states the split, on the page and in the API", async () => {
    const answer = (await getAddressAnswer(SPLIT))!;
    const ftth = answer.answers.find((entry) => entry.technology === "FTTH")!;
    expect(ftth).toMatchObject({
      status: "RAD",
      level: "ON_REQUEST",
      basis: "SOURCE",
      buildings: { count: 2, statuses: [{ status: "DEPLOYE", count: 1 }, { status: "RAD", count: 1 }] },
      disagreements: [],
    });
    expect(answer.headline.tone).toBe("on-request");
    // Both lines have no coordinates: counted, not placed on the map.
    expect(answer.buildings).toEqual([]);
    expect(answer.unplacedBuildings).toBe(2);
    const json = addressJson(answer).technologies.find((entry) => entry.technology === "FTTH")!;
    expect(json).toMatchObject({ level: "ON_REQUEST", status: "RAD", statusLabel: "Raccordable à la demande" });
    expect(json.buildings).toEqual({
      count: 2,
      statuses: [
        { status: "DEPLOYE", statusLabel: "Raccordable", count: 1 },
        { status: "RAD", statusLabel: "Raccordable à la demande", count: 1 },
      ],
      summary:
        "2 bâtiments : 1 raccordable, 1 raccordable à la demande. Le niveau indiqué est celui du bâtiment le moins avancé : vérifiez lequel est le vôtre auprès d'un opérateur.",
    });
  });

  it("says nothing more when the buildings agree, or when there is one", async () => {
    for (const id of [SAME, SINGLE]) {
      const ftth = await ftthOf(id);
      expect(ftth).toMatchObject({ status: "DEPLOYE", level: "AVAILABLE" });
      expect(ftth.buildings).toBeUndefined();
    }
    const answer = (await getAddressAnswer(SAME))!;
    expect(addressJson(answer).technologies.find((entry) => entry.technology === "FTTH")).not.toHaveProperty("buildings");
  });

  it("coverage and exports count the address where the page puts it", async () => {
    const coverage = await getCoverage({ inseeCode: "01053" });
    expect(coverage.technologies.FTTH).toEqual({ DEPLOYE: 2, RAD: 1 });
    const rows: ExportedAddress[] = [];
    for await (const page of exportedAddresses(await resolveExportSubject({ commune: "01053" }))) rows.push(...page);
    const exported = new Map(rows.map((row) => [row.id, row.technologies.FTTH]));
    for (const id of [SPLIT, SAME, SINGLE]) {
      const ftth = await ftthOf(id);
      expect(exported.get(id)).toMatchObject({ level: ftth.level, status: ftth.status, source: ftth.source?.name });
    }
    expect(exported.get(SPLIT)).toMatchObject({ level: "ON_REQUEST", status: "RAD" });
  });
});
