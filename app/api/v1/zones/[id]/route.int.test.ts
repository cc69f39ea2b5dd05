import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { BAN_HEADER, IPE_HEADER, banLine, ipeLine, writeImportFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { search } from "@/lib/search";
import { GET as getAddresses } from "./addresses/route";
import { GET as getZone } from "./route";
import { validated } from "@/lib/testing/openapi";

const options = { triggeredBy: "test" };
const ZONE = "01053_SITE-ECO_00001";

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  await runImport("ban", writeImportFile("adresses-za.csv", [
    BAN_HEADER,
    ...[1, 2, 3, 4, 5].map((n) =>
      banLine({ id: `01053_za01_0000${n}`, numero: String(n), nom_voie: "Rue des Entrepreneurs", lon: String(5.2101 + n * 0.001), lat: "46.2105" }),
    ),
    banLine({ id: "01053_hors_00001", numero: "1", nom_voie: "Rue du Centre", lon: "5.30", lat: "46.30" }),
  ]), options);
  const square = [[[5.21, 46.21], [5.22, 46.21], [5.22, 46.22], [5.21, 46.22], [5.21, 46.21]]];
  await runImport("zones", writeImportFile("zae.geojson", [
    JSON.stringify({
      type: "FeatureCollection",
      features: [{
        type: "Feature",
        properties: {
          site_id: ZONE, site_nom: "ZA des Entrepreneurs", site_type: "zone d'activité économique", site_etat: "existant et actif",
          site_comm_insee: "01053", site_comm_nom: "Bourg-en-Bresse", site_surf_brute: 42.5, site_actu_date: "2026-09-01",
        },
        geometry: { type: "Polygon", coordinates: square },
      }],
    }),
  ]), options);
  // 1 and 2 deployed with FttE possible on 1; 3 signed; 4 and 5: nothing stated.
  await runImport("ipe", writeImportFile("LIAIN_01_SIEA_PM_IPEZMD_V20_20261115_00_PBOOK.csv", [
    IPE_HEADER,
    ipeLine({ id: "IMB/1", numero: "1", typeVoie: "RUE", nomVoie: "DES ENTREPRENEURS", dateMes: "20240101", fibreDediee: "O" }),
    ipeLine({ id: "IMB/2", numero: "2", typeVoie: "RUE", nomVoie: "DES ENTREPRENEURS", dateMes: "20240101" }),
    ipeLine({ id: "IMB/3", etat: "SIGNE", numero: "3", typeVoie: "RUE", nomVoie: "DES ENTREPRENEURS" }),
  ]), options);
});

const context = (id: string) => ({ params: Promise.resolve({ id }) });
const zoneUrl = (path: string) => new NextRequest(`http://localhost/api/v1/zones/${path}`);

describe("GET /api/v1/zones/{id}", () => {
  it("answers the zone with its outline, its coverage per technology and status, and its schedule", async () => {
    const response = await validated(getZone(zoneUrl(ZONE), context(ZONE)), "/api/v1/zones/{id}");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.zone).toMatchObject({ id: ZONE, name: "ZA des Entrepreneurs", inseeCode: "01053", areaHa: 42.5, archived: false });
    expect(body.zone.outline.type).toMatch(/Polygon/);
    expect(body.coverage.addresses).toBe(5);
    expect(body.coverage.technologies.map((entry: { technology: string }) => entry.technology)).toEqual(["FTTH", "FTTH_PRO", "FTTE", "FTTO"]);
    expect(body.coverage.technologies[0].levels).toEqual([
      { level: "AVAILABLE", basis: "SOURCE", count: 2, percent: 40 },
      { level: "PLANNED", basis: "SOURCE", count: 1, percent: 20 },
      { level: "NOT_ANNOUNCED", basis: "NONE", count: 2, percent: 40 },
    ]);
    expect(body.coverage.technologies[3].levels).toEqual([{ level: "ON_REQUEST", basis: "GENERAL_RULE", count: 5, percent: 100 }]);
    expect(body.coverage.technologies.filter((entry: { technology: string }) => entry.technology === "FTTH" || entry.technology === "FTTE").map(({ technology, statuses }: { technology: string; statuses: unknown }) => ({ technology, statuses }))).toEqual([
      {
        technology: "FTTH",
        statuses: [
          { status: "DEPLOYE", statusLabel: "Raccordable", count: 2, percent: 40 },
          { status: "SIGNE", statusLabel: "Convention signée avec le gestionnaire", count: 1, percent: 20 },
          { status: "NON_PREVU", statusLabel: "Aucun déploiement annoncé", count: 2, percent: 40 },
        ],
      },
      {
        technology: "FTTE",
        statuses: [
          { status: "DEPLOYE", statusLabel: "Raccordable", count: 1, percent: 20 },
          { status: "NON_PREVU", statusLabel: "Aucun déploiement annoncé", count: 4, percent: 80 },
        ],
      },
    ]);
    expect(body.coverage.sources).toEqual([{ name: "IPE LIAIN", date: "2026-11-15" }]);
    expect(body.schedule).toEqual([]);
  });

  it("is found by the search, by name or abbreviation", async () => {
    expect((await search("za des entrepreneurs", 5))[0]).toMatchObject({ type: "zone", id: ZONE, label: "ZA des Entrepreneurs — Bourg-en-Bresse" });
    expect((await search("zone artisanale entrepreneurs", 5))[0]).toMatchObject({ type: "zone", id: ZONE });
  });

  it("answers 404 problem+json for an unknown zone", async () => {
    const response = await validated(getZone(zoneUrl("nope"), context("nope")), "/api/v1/zones/{id}");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });
});

describe("GET /api/v1/zones/{id}/addresses", () => {
  const list = (query: string) => validated(getAddresses(zoneUrl(`${ZONE}/addresses${query}`), context(ZONE)), "/api/v1/zones/{id}/addresses");

  it("pages through the zone's addresses with a cursor", async () => {
    const first = await (await list("?limit=2")).json();
    expect(first.items.map((item: { id: string }) => item.id)).toEqual(["01053_za01_00001", "01053_za01_00002"]);
    expect(first.items[0]).toEqual({
      id: "01053_za01_00001",
      label: "1 Rue des Entrepreneurs, 01000 Bourg-en-Bresse",
      lat: 46.2105,
      lon: 5.2111,
      level: "AVAILABLE",
      status: "DEPLOYE",
      statusLabel: "Raccordable",
    });
    const second = await (await list(`?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((item: { id: string }) => item.id)).toEqual(["01053_za01_00003", "01053_za01_00004"]);
    const last = await (await list(`?limit=2&cursor=${second.nextCursor}`)).json();
    expect(last.items.map((item: { id: string }) => item.id)).toEqual(["01053_za01_00005"]);
    expect(last.nextCursor).toBeNull();
    // An id is not a cursor: a made-up one is refused, never read as the end of the list.
    for (const cursor of ["garbage", "01053_za01_00002"]) {
      const refused = await list(`?cursor=${cursor}`);
      expect(refused.status, cursor).toBe(400);
      expect((await refused.json()).invalid_params.map((param: { name: string }) => param.name)).toEqual(["cursor"]);
    }
  });

  it("filters by technology, level and status", async () => {
    const available = await (await list("?level=AVAILABLE")).json();
    expect(available.items.map((item: { id: string }) => item.id)).toEqual(["01053_za01_00001", "01053_za01_00002"]);
    const onQuote = await (await list("?technology=FTTO&level=ON_REQUEST")).json();
    expect(onQuote.items).toHaveLength(5);
    const deployed = await (await list("?status=DEPLOYE")).json();
    expect(deployed.items.map((item: { id: string }) => item.id)).toEqual(["01053_za01_00001", "01053_za01_00002"]);
    const nothing = await (await list("?technology=FTTE&status=NON_PREVU")).json();
    expect(nothing.items.map((item: { id: string }) => item.id)).toEqual(["01053_za01_00002", "01053_za01_00003", "01053_za01_00004", "01053_za01_00005"]);
  });

  it.each([["?status=BIENTOT", "status"], ["?level=BIENTOT", "level"], ["?technology=ADSL", "technology"], ["?limit=0", "limit"]])(
    "refuses %s with a 400 problem+json",
    async (query, name) => {
      const response = await list(query);
      expect(response.status).toBe(400);
      expect((await response.json()).invalid_params.map((param: { name: string }) => param.name)).toEqual([name]);
    },
  );
});
