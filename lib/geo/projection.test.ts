import { describe, expect, it } from "vitest";
import { parseDecimal, parseProjectionName, toWgs84 } from "./projection";

/** Distance in metres between two WGS84 points (haversine). */
function metres(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

describe("toWgs84", () => {
  // Points given by the BAN export with both their Lambert-93 x/y and their lon/lat.
  it.each([
    ["Place du Pese Lait, L'Abergement-de-Varey", 887643.67, 6547960.53, 5.425179, 46.005447],
    ["Lambert-93 origin", 700000, 6600000, 3, 46.5],
  ])("projects Lambert-93 within 1 m: %s", (_label, x, y, lon, lat) => {
    const position = toWgs84(x, y, "RGF93");
    expect(position).not.toBeNull();
    expect(metres(position!, { lon, lat })).toBeLessThan(1);
  });

  it("passes WGS84 through and refuses impossible positions", () => {
    expect(toWgs84(5.2, 46.2, "WGS84")).toEqual({ lon: 5.2, lat: 46.2 });
    expect(toWgs84(887643, 6547960, "WGS84")).toBeNull();
    expect(toWgs84(Number.NaN, 1, "RGF93")).toBeNull();
  });
});

describe("parseProjectionName", () => {
  it("reads the names files use", () => {
    expect(parseProjectionName("RGF93")).toBe("RGF93");
    expect(parseProjectionName(" rgf93 ")).toBe("RGF93");
    expect(parseProjectionName("urn:ogc:def:crs:EPSG::2154")).toBe("RGF93");
    expect(parseProjectionName("WGS84")).toBe("WGS84");
    expect(parseProjectionName("RGR92")).toBe("RGR92");
    expect(parseProjectionName("NTF")).toBeNull();
  });
});

describe("parseDecimal", () => {
  it("accepts the decimal comma", () => {
    expect(parseDecimal("887643,67")).toBe(887643.67);
    expect(parseDecimal(" 5.425179 ")).toBe(5.425179);
    expect(parseDecimal("")).toBeNaN();
    expect(parseDecimal("abc")).toBeNaN();
  });
});
