import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { BAN_HEADER, IPE_HEADER, banLine, ipeLine, writeImportFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { GET } from "./route";
import { validated } from "@/lib/testing/openapi";

const options = { triggeredBy: "test" };

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  await runImport("ban", writeImportFile("adresses-map.csv", [
    BAN_HEADER,
    banLine({ id: "01053_0150_00012", numero: "12", lon: "5.2256", lat: "46.2046" }),
    banLine({ id: "01053_0150_00014", numero: "14", lon: "5.2260", lat: "46.2049" }),
  ]), options);
  // Three buildings: 12 deployed (FttE too), 14 signed, one far away in progress.
  await runImport("ipe", writeImportFile("LIAIN_01_SIEA_PM_IPEZMD_V20_20261115_00_PBOOK.csv", [
    IPE_HEADER,
    ipeLine({ id: "IMB/12", numero: "12", typeVoie: "AV", nomVoie: "D ALSACE LORRAINE", x: "5.2256", y: "46.2046", projection: "WGS84", dateMes: "20240101", fibreDediee: "O" }),
    ipeLine({ id: "IMB/14", etat: "SIGNE", numero: "14", typeVoie: "AV", nomVoie: "D ALSACE LORRAINE", x: "5.2260", y: "46.2049", projection: "WGS84" }),
    ipeLine({ id: "IMB/FAR", etat: "EN COURS DE DEPLOIEMENT", x: "5.40", y: "46.40", projection: "WGS84" }),
  ]), options);
});

const get = (query: string) => validated(GET(new NextRequest(`http://localhost/api/v1/map${query}`), { params: Promise.resolve({}) }), "/api/v1/map");
const BOX = "bbox=5.22,46.20,5.23,46.21";

describe("GET /api/v1/map", () => {
  it("shows single buildings with the level and status of the chosen technology when zoomed in", async () => {
    const body = await (await get(`?${BOX}&zoom=17`)).json();
    expect(body.buildings).toEqual([
      { id: "IMB/12", lat: 46.2046, lon: 5.2256, level: "AVAILABLE", status: "DEPLOYE", addressId: "01053_0150_00012" },
      { id: "IMB/14", lat: 46.2049, lon: 5.226, level: "PLANNED", status: "SIGNE", addressId: "01053_0150_00014" },
    ]);
    expect(body.clusters).toBeNull();
    const ftte = await (await get(`?${BOX}&zoom=17&technology=FTTE`)).json();
    expect(ftte.buildings.map((building: { status: string; level: string }) => `${building.level}/${building.status}`)).toEqual(["AVAILABLE/DEPLOYE", "NOT_ANNOUNCED/NON_PREVU"]);
    // FttO without a source: on quote, the general rule.
    const ftto = await (await get(`?${BOX}&zoom=17&technology=FTTO`)).json();
    expect(ftto.buildings.map((building: { level: string }) => building.level)).toEqual(["ON_REQUEST", "ON_REQUEST"]);
  });

  it("groups buildings into clusters at middle zooms, and filters by status", async () => {
    const body = await (await get("?bbox=5.0,46.0,5.5,46.5&zoom=13")).json();
    expect(body.buildings).toBeNull();
    const total = body.clusters.reduce((sum: number, cluster: { count: number }) => sum + cluster.count, 0);
    expect(total).toBe(3);
    const statuses = Object.assign({}, ...body.clusters.map((cluster: { statuses: object }) => cluster.statuses));
    expect(statuses).toEqual({ DEPLOYE: 1, SIGNE: 1, EN_COURS: 1 });
    const levels: Record<string, number> = {};
    for (const cluster of body.clusters as { levels: Record<string, number> }[]) for (const [level, n] of Object.entries(cluster.levels)) levels[level] = (levels[level] ?? 0) + n;
    expect(levels).toEqual({ AVAILABLE: 1, PLANNED: 2 });
    const filtered = await (await get("?bbox=5.0,46.0,5.5,46.5&zoom=13&status=DEPLOYE,SIGNE")).json();
    expect(filtered.clusters.reduce((sum: number, cluster: { count: number }) => sum + cluster.count, 0)).toBe(2);
    const planned = await (await get("?bbox=5.0,46.0,5.5,46.5&zoom=13&level=PLANNED")).json();
    expect(planned.clusters.reduce((sum: number, cluster: { count: number }) => sum + cluster.count, 0)).toBe(2);
  });

  it("shows no buildings below zoom 12 (never the whole country)", async () => {
    const body = await (await get("?bbox=-5,41,10,51&zoom=6")).json();
    expect(body).toEqual({ zones: [], clusters: null, buildings: null, truncated: false });
  });

  it.each([
    ["?zoom=12", "bbox"],
    ["?bbox=5,46,4,47&zoom=12", "bbox"],
    ["?bbox=a,b,c,d&zoom=12", "bbox"],
    [`?${BOX}&zoom=30`, "zoom"],
    [`?${BOX}&zoom=12&status=BIENTOT`, "status"],
    [`?${BOX}&zoom=12&level=BIENTOT`, "level"],
  ])("refuses %s with a 400 problem+json", async (query, name) => {
    const response = await get(query);
    expect(response.status).toBe(400);
    expect((await response.json()).invalid_params.map((param: { name: string }) => param.name)).toContain(name);
  });
});
