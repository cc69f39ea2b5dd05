import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getMap } from "@/app/api/v1/map/route";
import { GET as getZoneJson } from "@/app/api/v1/zones/[id]/route";
import { getCommuneZones } from "@/lib/data/communes";
import { getAddressEligibility } from "@/lib/data/eligibility";
import { fillDisplayOutlines } from "@/lib/data/zone-outlines";
import { getZone } from "@/lib/data/zones";
import { db } from "@/lib/db/client";
import { countPositions } from "@/lib/geo/outline-checks";
import { DISPLAY_POINTS_MAX } from "@/lib/geo/outline-display";
import type { MultiPolygon } from "@/lib/geo/outline";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { wavyPolygon } from "@/lib/testing/big-outline";
import { BAN_HEADER, banLine, writeImportFile } from "@/lib/testing/import-files";
import { validated } from "@/lib/testing/openapi";
import { referenceFixture } from "@/lib/testing/reference-fixture";

const options = { triggeredBy: "test" };
const ZONE = "01053_SITE-ECO_00040";
const POINTS = 19_999;
const MAX_BYTES = 300 * 1024;

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  await runImport("ban", writeImportFile("adresses-outlines.csv", [
    BAN_HEADER,
    banLine({ id: "01053_zc01_00001", numero: "1", nom_voie: "Rue du Contour", lon: "5.2125", lat: "46.2125" }),
  ]), options);
  const feature = {
    type: "Feature",
    properties: { site_id: ZONE, site_nom: "ZA au contour détaillé", site_comm_insee: "01053" },
    geometry: wavyPolygon(POINTS, [5.2125, 46.2125]),
  };
  await runImport("zones", writeImportFile("zae-detail.geojson", [JSON.stringify({ type: "FeatureCollection", features: [feature] })]), options);
  // As a zone written before display outlines existed.
  await db.activityZone.update({ where: { id: ZONE }, data: { displayOutline: null } });
});

const positions = (geometry: unknown) => countPositions(geometry as MultiPolygon);

describe("display outlines", () => {
  it("are filled for older zones by the backfill, which is idempotent; pages and the map get them", async () => {
    expect(positions((await getZone(ZONE))!.outline)).toBe(POINTS);
    expect(await fillDisplayOutlines()).toBe(1);
    expect(await fillDisplayOutlines()).toBe(0);

    const zone = await getZone(ZONE);
    expect(positions(zone!.outline)).toBeLessThanOrEqual(DISPLAY_POINTS_MAX);
    expect(positions((await getCommuneZones("01053")).find((candidate) => candidate.id === ZONE)!.outline)).toBeLessThanOrEqual(DISPLAY_POINTS_MAX);
    const address = await getAddressEligibility("01053_zc01_00001");
    expect(address!.zone?.id).toBe(ZONE);
    expect(JSON.stringify(address!.zone!.outline).length).toBeLessThan(MAX_BYTES);

    const map = await validated(getMap(new NextRequest("http://localhost/api/v1/map?bbox=5.20,46.20,5.23,46.23&zoom=14"), { params: Promise.resolve({}) }), "/api/v1/map");
    const text = await map.text();
    expect(text.length).toBeLessThan(MAX_BYTES);
    expect(positions((JSON.parse(text) as { zones: { id: string; outline: unknown }[] }).zones.find((candidate) => candidate.id === ZONE)!.outline)).toBeLessThanOrEqual(DISPLAY_POINTS_MAX);
  });

  it("GET /api/v1/zones/{id} answers the display outline, every point with outline=full", async () => {
    await fillDisplayOutlines();
    const call = (query: string) =>
      validated(getZoneJson(new NextRequest(`http://localhost/api/v1/zones/${ZONE}${query}`), { params: Promise.resolve({ id: ZONE }) }), "/api/v1/zones/{id}");
    const shown = await call("");
    const text = await shown.text();
    expect(text.length).toBeLessThan(MAX_BYTES);
    expect(positions(JSON.parse(text).zone.outline)).toBeLessThanOrEqual(DISPLAY_POINTS_MAX);
    expect(positions((await (await call("?outline=full")).json()).zone.outline)).toBe(POINTS);
    const invalid = await call("?outline=everything");
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).invalid_params).toEqual([{ name: "outline", reason: "outline doit valoir display ou full." }]);
  });
});
