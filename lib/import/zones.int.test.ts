import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { countPositions } from "@/lib/geo/outline-checks";
import { DISPLAY_POINTS_MAX } from "@/lib/geo/outline-display";
import type { MultiPolygon } from "@/lib/geo/outline";
import { wavyPolygon } from "@/lib/testing/big-outline";
import { BAN_HEADER, banLine, writeImportFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";

const options = { triggeredBy: "test" };
const ring = (lon: number, lat: number, size: number) => [
  [lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat],
];

function zone(id: string, name: string, coordinates: number[][][], extra: Record<string, unknown> = {}) {
  return {
    type: "Feature",
    properties: {
      site_id: id, site_nom: name, site_type: "zone d'activité économique", site_etat: "existant et actif", site_vocadomi: "mixte",
      site_comm_insee: "01053", site_comm_nom: "Bourg-en-Bresse", site_epci_siren: "200071751", site_epci_nom: "CA du Bassin de Bourg-en-Bresse",
      site_surf_brute: 42.5, site_actu_date: "2026-09-01", reseau_fibre_optique: "oui", ...extra,
    },
    geometry: { type: "Polygon", coordinates },
  };
}

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  await runImport("ban", writeImportFile("adresses-zones.csv", [
    BAN_HEADER,
    banLine({ id: "01053_za01_00001", numero: "1", nom_voie: "Rue des Entrepreneurs", lon: "5.2105", lat: "46.2105" }),
    banLine({ id: "01053_za01_00002", numero: "2", nom_voie: "Rue des Entrepreneurs", lon: "5.2150", lat: "46.2150" }),
    banLine({ id: "01053_za01_00003", numero: "3", nom_voie: "Rue des Entrepreneurs", lon: "5.2500", lat: "46.2500" }),
  ]), options);
});

describe("CNIG zones import", () => {
  it("imports a GeoJSON FeatureCollection and links the addresses inside each outline", async () => {
    const file = writeImportFile("zae-bassin-bourg.geojson", [
      JSON.stringify({
        type: "FeatureCollection",
        name: "site_eco",
        features: [
          zone("01053_SITE-ECO_00001", "ZA des Entrepreneurs", [ring(5.21, 46.21, 0.01)]),
          zone("01053_SITE-ECO_00002", "Zone sans contour", []),
          zone("01053_SITE-ECO_00003", "Zone hors commune", [ring(5.3, 46.3, 0.01)], { site_comm_insee: "99999" }),
        ],
      }),
    ]);
    const result = await runImport("zones", file, options);
    expect(result.counts).toMatchObject({ read: 3, created: 1, rejected: 2 });
    expect(result.rejected.map((problem) => [problem.line, problem.reason])).toEqual([
      [2, "contour invalide : un polygone n'a aucun anneau"],
      [3, 'site_comm_insee inconnu : "99999"'],
    ]);
    const saved = await db.activityZone.findUnique({ where: { id: "01053_SITE-ECO_00001" }, include: { addresses: { select: { id: true } } } });
    expect(saved).toMatchObject({ name: "ZA des Entrepreneurs", searchName: "za des entrepreneurs zone artisanale bourg en bresse", vocation: "mixte", grossAreaHa: 42.5, hasFibreNetwork: true });
    expect(JSON.parse(saved!.outline).type).toBe("MultiPolygon");
    expect(saved!.addresses.map((address) => address.id).sort()).toEqual(["01053_za01_00001", "01053_za01_00002"]);

    const again = await runImport("zones", file, options);
    expect(again.counts).toMatchObject({ read: 3, created: 0, unchanged: 1, rejected: 2 });
  });

  it("reads a CSV with a GeoJSON geometry column in Lambert-93, and moves the addresses when the outline changes", async () => {
    const [x, y] = [872000, 6569000];
    const lambert = { type: "Polygon", coordinates: [[[x, y], [x + 500, y], [x + 500, y + 500], [x, y + 500], [x, y]]] };
    const moved = { type: "Polygon", coordinates: [ring(5.249, 46.249, 0.002)] };
    const header = "site_id;site_nom;site_comm_insee;site_type;site_etat;geometry";
    const csv = writeImportFile("zae.csv", [
      header,
      `01053_SITE-ECO_00010;Parc d'activités Lambert;01053;zone d'activité économique;en projet;${JSON.stringify(lambert).replace(/"/g, '""').replace(/^/, '"').replace(/$/, '"')}`,
      `01053_SITE-ECO_00001;ZA des Entrepreneurs;01053;zone d'activité économique;existant et actif;"${JSON.stringify(moved).replace(/"/g, '""')}"`,
    ]);
    const result = await runImport("zones", csv, { ...options, sourceName: "Zones d'activité zae-bassin-bourg" });
    expect(result.counts).toMatchObject({ read: 2, created: 1, updated: 1, rejected: 0 });
    const lambertZone = await db.activityZone.findUnique({ where: { id: "01053_SITE-ECO_00010" } });
    expect(lambertZone?.minLon).toBeGreaterThan(5.1);
    expect(lambertZone?.minLon).toBeLessThan(5.4);
    const za = await db.activityZone.findUnique({ where: { id: "01053_SITE-ECO_00001" }, include: { addresses: { select: { id: true } } } });
    expect(za?.addresses.map((address) => address.id)).toEqual(["01053_za01_00003"]);
  });

  it("links addresses imported after the zone", async () => {
    const file = writeImportFile("zae-later.geojson", [
      JSON.stringify({ type: "FeatureCollection", features: [zone("01053_SITE-ECO_00020", "ZA des Vavres", [ring(5.3, 46.3, 0.01)])] }),
    ]);
    await runImport("zones", file, { ...options, sourceName: "Zones later" });
    await runImport("ban", writeImportFile("adresses-later.csv", [
      BAN_HEADER,
      banLine({ id: "01053_zb01_00001", numero: "1", nom_voie: "Rue des Vavres", lon: "5.305", lat: "46.305" }),
      banLine({ id: "01053_zb01_00002", numero: "2", nom_voie: "Rue des Vavres", lon: "5.4", lat: "46.4" }),
    ]), options);
    expect((await db.address.findUnique({ where: { id: "01053_zb01_00001" } }))?.zoneId).toBe("01053_SITE-ECO_00020");
    expect((await db.address.findUnique({ where: { id: "01053_zb01_00002" } }))?.zoneId).toBeNull();
  });
});

describe("zone outline limits", () => {
  // Building, writing and streaming 25 MB of GeoJSON: ~20 s on an idle 2-core machine.
  it("refuses a 1,000,001-point outline with a line-numbered reason and imports the other zones of the file", { timeout: 240_000 }, async () => {
    const huge = zone("01053_SITE-ECO_00030", "ZA démesurée", wavyPolygon(1_000_001).coordinates);
    const normal = zone("01053_SITE-ECO_00031", "ZA voisine", [ring(5.33, 46.33, 0.005)]);
    const file = writeImportFile("zae-huge.geojson", [JSON.stringify({ type: "FeatureCollection", features: [normal, huge] })]);
    const result = await runImport("zones", file, { ...options, sourceName: "Zones huge" });
    expect(result.counts).toMatchObject({ read: 2, created: 1, rejected: 1 });
    expect(result.rejected.map((problem) => [problem.line, problem.id, problem.reason])).toEqual([
      [2, "01053_SITE-ECO_00030", expect.stringMatching(/^contour trop détaillé : 1\s000\s001 points \(20\s000 au plus\)$/)],
    ]);
    expect(await db.activityZone.findUnique({ where: { id: "01053_SITE-ECO_00030" } })).toBeNull();
  });

  it("refuses a CSV geometry over 2 MB with its line", async () => {
    const digits = "1".repeat(300);
    const long = `{""type"":""Polygon"",""coordinates"":[[${Array.from({ length: 4000 }, () => `[5.2${digits},46.2${digits}]`).join(",")}]]}`;
    const csv = writeImportFile("zae-long.csv", ["site_id;site_nom;site_comm_insee;geometry", `01053_SITE-ECO_00032;ZA bavarde;01053;"${long}"`]);
    const result = await runImport("zones", csv, { ...options, sourceName: "Zones long" });
    expect(result.rejected.map((problem) => [problem.line, problem.reason])).toEqual([[2, expect.stringMatching(/^contour trop volumineux : 2\s4\d\d ko de GeoJSON \(2\s000 ko au plus\)$/)]]);
  });

  it("keeps a large but allowed outline whole, with a display copy of a few hundred points", async () => {
    const file = writeImportFile("zae-large.geojson", [
      JSON.stringify({ type: "FeatureCollection", features: [zone("01053_SITE-ECO_00033", "ZA détaillée", wavyPolygon(19_999, [5.36, 46.36]).coordinates)] }),
    ]);
    expect((await runImport("zones", file, { ...options, sourceName: "Zones large" })).counts).toMatchObject({ created: 1, rejected: 0 });
    const saved = await db.activityZone.findUniqueOrThrow({ where: { id: "01053_SITE-ECO_00033" } });
    expect(countPositions(JSON.parse(saved.outline) as MultiPolygon)).toBe(19_999);
    const display = JSON.parse(saved.displayOutline!) as MultiPolygon;
    expect(countPositions(display)).toBeLessThanOrEqual(DISPLAY_POINTS_MAX);
    expect(countPositions(display)).toBeGreaterThan(50);
  });
});
