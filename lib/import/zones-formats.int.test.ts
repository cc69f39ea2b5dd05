/**
 * Zone files as publishers really write them: IGN BD TOPO with its legacy `crs` member, the CNIG
 * standard's own example (site_geomsurf in Lambert-93, an unclosed ring, values outside its lists).
 * The fixtures in lib/import/fixtures reproduce those quirks.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { BAN_HEADER, banLine, writeImportFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";

const options = { triggeredBy: "test" };
const fixture = (name: string) => path.join(__dirname, "fixtures", name);

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  await runImport("ban", writeImportFile("adresses-zones-formats.csv", [
    BAN_HEADER,
    banLine({ id: "01053_zf01_00001", numero: "1", nom_voie: "Rue de l'Industrie", lon: "5.2105", lat: "46.2105" }),
    banLine({ id: "01053_zf01_00002", numero: "2", nom_voie: "Rue de l'Industrie", lon: "5.2600", lat: "46.2600" }),
  ]), options);
});

describe("IGN BD TOPO zone_d_activite_ou_d_interet", () => {
  it("imports the industrial zones (legacy crs EPSG:2154, 3D positions) and counts the other places as skipped", async () => {
    const result = await runImport("zones", fixture("bdtopo-zone-d-activite-ou-d-interet-01.geojson"), { ...options, sourceName: "IGN BD TOPO 01" });
    expect(result.counts).toMatchObject({ read: 6, created: 2, skipped: 4, rejected: 0 });
    expect(result.isApplied).toBe(true);

    const named = await db.activityZone.findUniqueOrThrow({ where: { id: "SURFACTI0000000245368911" }, include: { addresses: { select: { id: true } } } });
    expect(named).toMatchObject({ name: "Zone Industrielle Nord", type: "zone d'activité économique", state: "existant et actif", vocation: "industrielle", inseeCode: "01053" });
    expect(named.sourceUpdatedOn?.toISOString().slice(0, 10)).toBe("2023-05-12");
    // Reprojected from Lambert-93: x 870300 m is about 5.209° east.
    expect(named.minLon).toBeCloseTo(5.209, 2);
    expect(named.minLat).toBeCloseTo(46.209, 2);
    expect(named.addresses.map((address) => address.id)).toEqual(["01053_zf01_00001"]);

    const unnamed = await db.activityZone.findUniqueOrThrow({ where: { id: "SURFACTI0000000245368914" } });
    expect(unnamed).toMatchObject({ name: "Zone industrielle (Bourg-en-Bresse)", state: "création" });
    expect(await db.activityZone.count({ where: { id: { in: ["SURFACTI0000000245368912", "SURFACTI0000000245368913", "SURFACTI0000000245368915", "SURFACTI0000000245368916"] } } })).toBe(0);

    const again = await runImport("zones", fixture("bdtopo-zone-d-activite-ou-d-interet-01.geojson"), { ...options, sourceName: "IGN BD TOPO 01" });
    expect(again.counts).toMatchObject({ read: 6, created: 0, unchanged: 2, skipped: 4 });
  });

  it("refuses at the header a crs it cannot convert, and applies nothing", async () => {
    const file = writeImportFile("zones-lambert2.geojson", [
      JSON.stringify({
        type: "FeatureCollection",
        crs: { type: "name", properties: { name: "urn:ogc:def:crs:EPSG::27572" } },
        features: [{ type: "Feature", properties: { ID: "SURFACTI0000000000000001", CATEGORIE: "Industriel et commercial", NATURE: "Zone industrielle", INSEE_COM: "01053" }, geometry: null }],
      }),
    ]);
    await expect(runImport("zones", file, options)).rejects.toThrow(
      "zones-lambert2.geojson est en coordonnées « urn:ogc:def:crs:EPSG::27572 », un système que Fibre Pro ne sait pas convertir : exportez-le en WGS84 (EPSG:4326) ou en Lambert-93 (EPSG:2154).",
    );
    expect(await db.importRun.count({ where: { fileName: "zones-lambert2.geojson" } })).toBe(0);
  });

  it("honours a short EPSG:2154 crs on coordinates a range check alone could not place", async () => {
    // Lambert-93 metres near the origin (x 100–900 m, y 6.6e6 m), stated by the file.
    const file = writeImportFile("zones-short-crs.geojson", [
      JSON.stringify({
        type: "FeatureCollection",
        crs: { type: "name", properties: { name: "EPSG:2154" } },
        features: [{
          type: "Feature",
          properties: { site_id: "01053_SITE-ECO_00201", site_nom: "ZA du Méridien", site_comm_insee: "01053" },
          geometry: { type: "Polygon", coordinates: [[[870363.47, 6570178.75], [871134.15, 6570200.38], [871102.93, 6571310.45], [870363.47, 6570178.75]]] },
        }],
      }),
    ]);
    const result = await runImport("zones", file, { ...options, sourceName: "Zones short crs" });
    expect(result.counts).toMatchObject({ created: 1, rejected: 0 });
    const saved = await db.activityZone.findUniqueOrThrow({ where: { id: "01053_SITE-ECO_00201" } });
    expect(saved.minLon).toBeCloseTo(5.21, 3);
    expect(saved.minLat).toBeCloseTo(46.21, 3);
  });
});

describe("CNIG site_eco as the standard's example writes it", () => {
  it("reads site_geomsurf in Lambert-93, closes the unclosed ring and keeps site_etat=logistique, each noted", async () => {
    const result = await runImport("zones", fixture("cnig-site-eco-exemple.csv"), { ...options, sourceName: "CNIG exemple" });
    expect(result.counts).toMatchObject({ read: 3, created: 2, rejected: 1, noted: 2 });
    expect(result.notes.map((note) => [note.line, note.id, note.reason])).toEqual([
      [2, "01053_SITE-ECO_00101", "site_etat hors des valeurs du standard CNIG : « logistique », gardé tel quel"],
      [2, "01053_SITE-ECO_00101", "anneau du contour non fermé : fermé à l'import"],
    ]);
    expect(result.rejected.map((problem) => [problem.line, problem.reason])).toEqual([
      [4, "contour absent : site_geompoint ne donne qu'un point, il faut le contour (site_geomsurf)"],
    ]);
    const bornes = await db.activityZone.findUniqueOrThrow({ where: { id: "01053_SITE-ECO_00101" } });
    expect(bornes).toMatchObject({ state: "logistique", vocation: "entrepôts", grossAreaHa: 37.2, hasFibreNetwork: true });
    const ring = JSON.parse(bornes.outline).coordinates[0][0] as number[][];
    expect(ring).toHaveLength(5);
    expect(ring[4]).toEqual(ring[0]);
    expect(bornes.minLon).toBeCloseTo(5.209, 2);
    const vavres = await db.activityZone.findUniqueOrThrow({ where: { id: "01053_SITE-ECO_00102" } });
    expect(vavres).toMatchObject({ state: "existant et actif", hasFibreNetwork: false });
  });

  it("reads the earlier example's `,` file whose GeoJSON quotes are escaped with backslashes", async () => {
    const geometry = `"{\\""type\\"": \\""Polygon\\"", \\""coordinates\\"": [[[5.30, 46.30],[5.31, 46.30],[5.31, 46.31],[5.30, 46.31],[5.30, 46.30]]]}"`;
    const file = writeImportFile("site-eco-virgules.csv", [
      "site_id,site_nom,site_type,site_vocadomi,site_etat,site_comm_insee,site_geomsurf,site_geompoint",
      `01053_SITE-ECO_00301,ZA des Échets,zone d'activité économique,"entrepôts, logistique",existant,01053,${geometry},"5.305, 46.305"`,
    ]);
    const result = await runImport("zones", file, { ...options, sourceName: "CNIG virgules" });
    expect(result.counts).toMatchObject({ created: 1, rejected: 0, noted: 1 });
    expect(result.notes[0]?.reason).toBe("site_etat hors des valeurs du standard CNIG : « existant », gardé tel quel");
    expect(await db.activityZone.findUniqueOrThrow({ where: { id: "01053_SITE-ECO_00301" } })).toMatchObject({ vocation: "entrepôts, logistique", state: "existant" });
  });

  it("refuses a file whose every zone is rejected, unless allowEmpty", async () => {
    const file = writeImportFile("site-eco-sans-contour.csv", [
      "site_id;site_nom;site_comm_insee;site_geomsurf;site_geompoint",
      "01053_SITE-ECO_00401;ZA ponctuelle;01053;;5.4, 46.4",
    ]);
    const refused = await runImport("zones", file, { ...options, sourceName: "CNIG vide" });
    expect(refused).toMatchObject({ isApplied: false, refusal: "La seule ligne du fichier a été rejetée : rien n'a été importé." });
    expect(await db.importRun.count({ where: { sourceName: "CNIG vide" } })).toBe(0);

    const allowed = await runImport("zones", file, { ...options, sourceName: "CNIG vide", allowEmpty: true });
    expect(allowed).toMatchObject({ isApplied: true, refusal: null });
    expect(await db.importRun.count({ where: { sourceName: "CNIG vide" } })).toBe(1);
  });
});
