import { describe, expect, it } from "vitest";
import { countPositions } from "@/lib/geo/outline-checks";
import { wavyPolygon } from "@/lib/testing/big-outline";
import { fieldErrors, parseOutlineText, zoneFormSchema } from "./admin-zones";

const ring = [[5.2, 46.2], [5.21, 46.2], [5.21, 46.21], [5.2, 46.21], [5.2, 46.2]];
const polygon = { type: "Polygon", coordinates: [ring] };
const text = (value: unknown) => JSON.stringify(value);

describe("parseOutlineText", () => {
  it("accepts a Polygon, a MultiPolygon, and a Feature or FeatureCollection of one polygon", () => {
    for (const value of [
      polygon,
      { type: "MultiPolygon", coordinates: [[ring]] },
      { type: "Feature", properties: {}, geometry: polygon },
      { type: "FeatureCollection", features: [{ type: "Feature", properties: { site_nom: "ZA" }, geometry: polygon }] },
    ]) {
      const { outline, error } = parseOutlineText(text(value));
      expect(error).toBeUndefined();
      expect(outline!.geometry.type).toBe("MultiPolygon");
      expect(outline!.areaHa).toBeGreaterThan(80);
      expect(outline!.areaHa).toBeLessThan(90);
    }
  });

  it("closes an open ring and drops repeated points, as a drawing tool may leave them", () => {
    const { outline } = parseOutlineText(text({ type: "Polygon", coordinates: [[[5.2, 46.2], [5.2, 46.2], [5.21, 46.2], [5.21, 46.21]]] }));
    expect(outline!.geometry.coordinates[0]![0]).toEqual([[5.2, 46.2], [5.21, 46.2], [5.21, 46.21], [5.2, 46.2]]);
  });

  it.each([
    ["", "Dessinez le contour"],
    ["{not json", "pas du GeoJSON valide"],
    [text({ type: "Point", coordinates: [5.2, 46.2] }), "pas un Point"],
    [text({ type: "FeatureCollection", features: [{ type: "Feature", geometry: polygon }, { type: "Feature", geometry: polygon }] }), "il en contient 2"],
    [text({ type: "Polygon", coordinates: [[[5.2, 46.2], [5.21, 46.2], [5.2, 46.2]]] }), "au moins 3 points distincts"],
    [text({ type: "Polygon", coordinates: [[[-74, 40.7], [-73.9, 40.7], [-73.9, 40.8], [-74, 40.7]]] }), "en France"],
    // A bow tie: its two sides cross.
    [text({ type: "Polygon", coordinates: [[[5.2, 46.2], [5.21, 46.21], [5.21, 46.2], [5.2, 46.21], [5.2, 46.2]]] }), "se croise lui-même"],
    [text({ type: "Polygon", coordinates: [[[5, 46], [5.2, 46], [5.2, 46.2], [5, 46.2], [5, 46]]] }), "moins de 5 000 ha"],
  ])("refuses %s with a French message", (value, message) => {
    expect(parseOutlineText(value).error).toContain(message);
  });

  it("takes an outline of 20,000 points, refuses 20,001 and a 1,000,001-point one, with French messages", { timeout: 30_000 }, () => {
    const allowed = parseOutlineText(text(wavyPolygon(20_000)));
    expect(allowed.error).toBeUndefined();
    expect(countPositions(allowed.outline!.geometry)).toBe(20_000);
    expect(parseOutlineText(text(wavyPolygon(20_001))).error).toMatch(
      /^Le contour compte trop de points \(20\s000 au plus\) : simplifiez-le avant de l'importer \(dans QGIS : Vecteur › Outils de géométrie › Simplifier\)\.$/,
    );
    expect(parseOutlineText(text(wavyPolygon(1_000_001))).error).toMatch(/^Le contour est trop volumineux \(2 Mo de GeoJSON au plus\) : simplifiez-le/);
  });

  it("accepts Lambert-93 coordinates, reprojected", () => {
    const [x, y] = [870000, 6570000];
    const { outline } = parseOutlineText(text({ type: "Polygon", coordinates: [[[x, y], [x + 300, y], [x + 300, y + 300], [x, y + 300], [x, y]]] }));
    expect(outline!.bbox.minLon).toBeGreaterThan(5);
    expect(outline!.areaHa).toBeCloseTo(9, 0);
  });
});

describe("zoneFormSchema", () => {
  const valid = { name: " ZA du Test ", inseeCode: "01053", state: "en projet", vocation: "", contact: "  ", outline: text(polygon) };

  it("trims and empties optional fields", () => {
    const parsed = zoneFormSchema().parse(valid);
    expect(parsed).toMatchObject({ name: "ZA du Test", vocation: null, contact: null });
  });

  it("gives one French message per field", () => {
    const result = zoneFormSchema().safeParse({ ...valid, name: "", inseeCode: "1053", state: "ouverte", vocation: "spatiale", contact: "x".repeat(1001), outline: "" });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual({
      name: "Indiquez le nom de la zone.",
      inseeCode: expect.stringContaining("commune"),
      state: "Choisissez l'état de la zone dans la liste.",
      vocation: "Choisissez la vocation dans la liste.",
      contact: "Le contact est limité à 1000 caractères.",
      outline: expect.stringContaining("Dessinez le contour"),
    });
  });

  it("keeps an imported zone's own state when its other fields are edited", () => {
    expect(zoneFormSchema({ state: "en service", vocation: null }).safeParse({ ...valid, state: "en service" }).success).toBe(true);
  });
});
