import { describe, expect, it } from "vitest";
import { containsPoint, OutlineError, toOutline } from "./outline";

const square = [[[5.2, 46.2], [5.21, 46.2], [5.21, 46.21], [5.2, 46.21], [5.2, 46.2]]];

describe("toOutline", () => {
  it("turns a Polygon into a MultiPolygon with its bounding box", () => {
    const outline = toOutline({ type: "Polygon", coordinates: square });
    expect(outline.geometry.type).toBe("MultiPolygon");
    expect(outline.geometry.coordinates).toHaveLength(1);
    expect(outline.bbox).toEqual({ minLon: 5.2, minLat: 46.2, maxLon: 5.21, maxLat: 46.21 });
  });

  it("reprojects Lambert-93 coordinates", () => {
    const [x, y] = [887643.67, 6547960.53];
    const outline = toOutline({ type: "Polygon", coordinates: [[[x, y], [x + 100, y], [x + 100, y + 100], [x, y + 100], [x, y]]] });
    expect(outline.geometry.coordinates[0]![0]![0]![0]).toBeCloseTo(5.425179, 6);
    expect(outline.geometry.coordinates[0]![0]![0]![1]).toBeCloseTo(46.005447, 6);
  });

  it.each([
    [null, "géométrie absente"],
    [{ type: "Point", coordinates: [5, 46] }, "la géométrie de type Point n'est ni un Polygon ni un MultiPolygon"],
    [{ coordinates: [[[5, 46], [5.1, 46], [5.1, 46.1], [5, 46]]] }, "la géométrie n'a pas de type : Polygon ou MultiPolygon attendu"],
    [{ type: "Polygon", coordinates: "5,46" }, "la géométrie Polygon n'a pas de coordonnées (une liste attendue)"],
    [{ type: "Polygon", coordinates: [[[5, 46], [5.1, 46], [5, 46]]] }, "un anneau a moins de 4 positions"],
    [{ type: "Polygon", coordinates: [[[5, 46], [5.1, 46], [5.1, 46.1], [5, 46.1]]] }, "un anneau n'est pas fermé"],
    [{ type: "Polygon", coordinates: [[["a", 46]]] }, "les coordonnées ne sont pas des nombres [x, y]"],
  ])("refuses %j", (geometry, message) => {
    expect(() => toOutline(geometry)).toThrow(OutlineError);
    expect(() => toOutline(geometry)).toThrow(message);
  });
});

describe("toOutline options", () => {
  it("closes an unclosed ring when asked, and counts it", () => {
    const outline = toOutline({ type: "Polygon", coordinates: [[[5, 46], [5.1, 46], [5.1, 46.1], [5, 46.1]]] }, { closeRings: true });
    expect(outline.closedRings).toBe(1);
    expect(outline.geometry.coordinates[0]![0]).toEqual([[5, 46], [5.1, 46], [5.1, 46.1], [5, 46.1], [5, 46]]);
  });

  it("uses the stated projection, and refuses coordinates in neither system when none is stated", () => {
    const lambert = [[[870363.47, 6570178.75], [871134.15, 6570200.38], [871102.93, 6571310.45], [870363.47, 6570178.75]]];
    expect(toOutline({ type: "Polygon", coordinates: lambert }, { projection: "RGF93" }).bbox.minLon).toBeCloseTo(5.21, 4);
    expect(() => toOutline({ type: "Polygon", coordinates: [[[500, 10], [600, 10], [600, 20], [500, 10]]] })).toThrow(
      "coordonnées ni en WGS84 (degrés) ni en Lambert-93 (mètres) : système de coordonnées inconnu",
    );
  });
});

describe("containsPoint", () => {
  it("tells inside from outside, holes included", () => {
    const withHole = toOutline({
      type: "Polygon",
      coordinates: [...square, [[5.204, 46.204], [5.206, 46.204], [5.206, 46.206], [5.204, 46.206], [5.204, 46.204]]],
    }).geometry;
    expect(containsPoint(withHole, 5.201, 46.201)).toBe(true);
    expect(containsPoint(withHole, 5.205, 46.205)).toBe(false);
    expect(containsPoint(withHole, 5.3, 46.3)).toBe(false);
  });
});
