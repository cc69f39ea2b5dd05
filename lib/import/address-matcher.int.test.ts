/**
 * The matcher rule on the quirks of real files (DATA-FORMATS.md §8), through real BAN and IPE
 * imports, on both databases: a stated house number the BAN lacks is never the neighbour's
 * building; grouped numbers (166170) and metric numbers (5000–9999) are read as what they are.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { addressJson } from "@/lib/api/address-json";
import { getAddressAnswer } from "@/lib/data/business-answer";
import { listCommuneUnmatchedBuildings, listZoneUnmatchedBuildings } from "@/lib/data/unmatched-buildings";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { BAN_HEADER, IPE_HEADER, banLine, ipeLine, writeImportFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";

const options = { triggeredBy: "test" };
const LAVOISIER_31 = "01053_lavo_00031";
const ZONE_ID = "01053_SITE-ECO_00033";

const matchOf = async (externalId: string) =>
  db.building.findUnique({ where: { externalId }, select: { addressId: true, addressMatch: true, lat: true, lon: true } });

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  await runImport("ban", writeImportFile("adresses-01.csv", [
    BAN_HEADER,
    // Rue Lavoisier has 29, 31 and 35 — no 33.
    banLine({ id: "01053_lavo_00029", numero: "29", nom_voie: "Rue Lavoisier", lon: "5.22960", lat: "46.21000" }),
    banLine({ id: LAVOISIER_31, numero: "31", nom_voie: "Rue Lavoisier", lon: "5.23000", lat: "46.21000" }),
    banLine({ id: "01053_lavo_00035", numero: "35", nom_voie: "Rue Lavoisier", lon: "5.23080", lat: "46.21000" }),
    // The same street spelled otherwise by the BAN: "Rue Antoine Lavoisier", numbers 8 and 12.
    banLine({ id: "01053_alav_00008", numero: "8", nom_voie: "Rue Antoine Lavoisier", lon: "5.24000", lat: "46.22000" }),
    banLine({ id: "01053_alav_00012", numero: "12", nom_voie: "Rue Antoine Lavoisier", lon: "5.24060", lat: "46.22000" }),
    // Grouped numbers: 168 and 170 exist, 166 does not.
    banLine({ id: "01053_gare_00168", numero: "168", nom_voie: "Avenue de la Gare", lon: "5.25000", lat: "46.23000" }),
    banLine({ id: "01053_gare_00170", numero: "170", nom_voie: "Avenue de la Gare", lon: "5.25010", lat: "46.23000" }),
    // Metric numbering: the number is the distance from the start of the road.
    banLine({ id: "01053_lyon_05312", numero: "5312", nom_voie: "Route de Lyon", lon: "5.26000", lat: "46.24000" }),
    banLine({ id: "01053_lyon_05658", numero: "5658", nom_voie: "Route de Lyon", lon: "5.26400", lat: "46.24000" }),
  ]), options);
  // A zone around 31–35 rue Lavoisier, not around rue Antoine Lavoisier.
  await runImport("zones", writeImportFile("zae-lavoisier.geojson", [JSON.stringify({
    type: "FeatureCollection",
    features: [{
      type: "Feature",
      properties: { site_id: ZONE_ID, site_nom: "ZA Lavoisier", site_comm_insee: "01053", site_comm_nom: "Bourg-en-Bresse" },
      geometry: { type: "Polygon", coordinates: [[[5.2298, 46.2098], [5.2310, 46.2098], [5.2310, 46.2102], [5.2298, 46.2102], [5.2298, 46.2098]]] },
    }],
  })]), options);
  // As the RIP published it: Windows-1252, CRLF, Lambert-93 with decimal commas, street type in its own column.
  await runImport("ipe", writeImportFile("LIAIN_01_SIEA_PM_IPEZMD_V20_20261115_00_PBOOK.csv", [
    IPE_HEADER,
    // 3 m from BAN 31: its own line.
    ipeLine({ id: "IMB/L31", etat: "RAD EN COURS DE DEPLOIEMENT", numero: "31", typeVoie: "RUE", nomVoie: "LAVOISIER", x: "871907,10", y: "6570223,27", projection: "RGF93" }),
    // 27 m from BAN 31; the BAN has no 33.
    ipeLine({ id: "IMB/L33", etat: "DEPLOYE", numero: "33", typeVoie: "RUE", nomVoie: "LAVOISIER", x: "871931,79", y: "6570222,86", projection: "RGF93", dateMes: "20220105" }),
    // Street spelled otherwise, same number 4 m away: the same address.
    ipeLine({ id: "IMB/A8", etat: "DEPLOYE", numero: "8", typeVoie: "RUE", nomVoie: "A LAVOISIER", x: "5.24004", y: "46.22001", projection: "WGS84" }),
    // Street spelled otherwise, number 10 absent, nearest is 8: not that address.
    ipeLine({ id: "IMB/A10", etat: "CIBLE", numero: "10", typeVoie: "RUE", nomVoie: "A LAVOISIER", x: "5.24025", y: "46.22000", projection: "WGS84" }),
    // 166–170 grouped: the first number that exists is 168.
    ipeLine({ id: "IMB/G166", etat: "DEPLOYE", numero: "166170", typeVoie: "AV", nomVoie: "DE LA GARE" }),
    ipeLine({ id: "IMB/M5312", etat: "DEPLOYE", numero: "5312", typeVoie: "RTE", nomVoie: "DE LYON" }),
    // 5658 is a metric number, never "56–58".
    ipeLine({ id: "IMB/M5658", etat: "SIGNE", numero: "5658", typeVoie: "RTE", nomVoie: "DE LYON" }),
  ], { encoding: "windows-1252", eol: "\r\n" }), options);
});

describe("address matcher on real quirks", () => {
  it("never attaches 33 rue Lavoisier to 31: unmatched, kept with its position, reported", async () => {
    expect(await matchOf("IMB/L31")).toMatchObject({ addressId: LAVOISIER_31, addressMatch: "KEY" });
    const l33 = await matchOf("IMB/L33");
    expect(l33).toMatchObject({ addressId: null, addressMatch: null });
    expect(l33?.lat).toBeCloseTo(46.21, 4);
    expect(l33?.lon).toBeCloseTo(5.23035, 4);
    const run = await db.importRun.findFirstOrThrow({ where: { format: "ipe" }, orderBy: { startedAt: "desc" } });
    const report = JSON.parse(run.report ?? "{}") as { unmatched: { id: string; reason: string }[] };
    expect(report.unmatched.find((line) => line.id === "IMB/L33")?.reason).toBe(
      "le numéro 33 n'existe pas dans cette voie (BAN) : le bâtiment n'est pas rattaché à une autre adresse",
    );
  });

  it("number 31 keeps its own status on the page and in the API, not « Raccordable »", async () => {
    const answer = await getAddressAnswer(LAVOISIER_31);
    const ftth = answer!.answers.find((entry) => entry.technology === "FTTH")!;
    expect(ftth).toMatchObject({ status: "RAD_EN_COURS", level: "ON_REQUEST", basis: "SOURCE" });
    expect(answer!.buildings.map((building) => building.id)).toEqual(["IMB/L31"]);
    const json = addressJson(answer!);
    const ftthJson = json.technologies.find((entry) => entry.technology === "FTTH")!;
    expect(ftthJson.statusLabel).toBe("Raccordement à la demande en cours");
    expect(ftthJson.statusLabel).not.toBe("Raccordable");
    expect(json.headline).not.toMatch(/disponible/i);
  });

  it("matches by position a stated number only on a differently spelled street with that same number", async () => {
    expect(await matchOf("IMB/A8")).toMatchObject({ addressId: "01053_alav_00008", addressMatch: "NEAREST" });
    expect(await matchOf("IMB/A10")).toMatchObject({ addressId: null, addressMatch: null });
  });

  it("reads grouped numbers as their range and metric numbers as numbers", async () => {
    expect(await matchOf("IMB/G166")).toMatchObject({ addressId: "01053_gare_00168", addressMatch: "KEY" });
    expect(await matchOf("IMB/M5312")).toMatchObject({ addressId: "01053_lyon_05312", addressMatch: "KEY" });
    expect(await matchOf("IMB/M5658")).toMatchObject({ addressId: "01053_lyon_05658", addressMatch: "KEY" });
  });

  it("lists the unmatched buildings on the commune and zone pages, with the address as written and their own status", async () => {
    const commune = await listCommuneUnmatchedBuildings("01053");
    expect(commune.total).toBe(2);
    expect(commune.items.map(({ id, statedAddress, status, level, sourceName }) => ({ id, statedAddress, status, level, sourceName }))).toEqual([
      { id: "IMB/A10", statedAddress: "10 RUE A LAVOISIER", status: "CIBLE", level: "PLANNED", sourceName: "IPE LIAIN" },
      { id: "IMB/L33", statedAddress: "33 RUE LAVOISIER", status: "DEPLOYE", level: "AVAILABLE", sourceName: "IPE LIAIN" },
    ]);
    expect(commune.items[1]!.lon).toBeCloseTo(5.23035, 4);
    const zone = await listZoneUnmatchedBuildings(ZONE_ID);
    expect(zone.items.map((building) => building.id)).toEqual(["IMB/L33"]);
    expect(await listCommuneUnmatchedBuildings("01002")).toEqual({ items: [], total: 0 });
  });
});
