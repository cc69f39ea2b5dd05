import { describe, expect, it } from "vitest";
import { crsMemberInHead, projectionOfCrsMember, projectionOfPositions } from "./crs";

describe("projectionOfCrsMember", () => {
  it.each([
    [{ type: "name", properties: { name: "urn:ogc:def:crs:EPSG::2154" } }, "RGF93"],
    [{ type: "name", properties: { name: "EPSG:2154" } }, "RGF93"],
    [{ type: "name", properties: { name: "urn:ogc:def:crs:OGC:1.3:CRS84" } }, "WGS84"],
    [{ type: "name", properties: { name: "urn:ogc:def:crs:EPSG:6.6:4326" } }, "WGS84"],
    [{ type: "EPSG", properties: { code: 2154 } }, "RGF93"],
  ])("reads %j", (crs, projection) => {
    expect(projectionOfCrsMember(crs)).toEqual({ projection });
  });

  it("gives the name of a system it does not know", () => {
    expect(projectionOfCrsMember({ type: "name", properties: { name: "urn:ogc:def:crs:EPSG::27572" } })).toEqual({ unknown: "urn:ogc:def:crs:EPSG::27572" });
  });
});

describe("projectionOfPositions", () => {
  it("tells degrees from Lambert-93 metres, and neither from nonsense", () => {
    expect(projectionOfPositions([[5.21, 46.21], [5.22, 46.22]])).toBe("WGS84");
    expect(projectionOfPositions([[656589.7, 6425785.32], [656655.02, 6425866.31]])).toBe("RGF93");
    expect(projectionOfPositions([[656589.7, 25785.32]])).toBeNull();
  });
});

describe("crsMemberInHead", () => {
  it("finds the member ogr2ogr writes before the features, nested braces and all", () => {
    const head = '{\n"type": "FeatureCollection",\n"name": "ZONE",\n"crs": { "type": "name", "properties": { "name": "urn:ogc:def:crs:EPSG::2154" } },\n"features": [\n{ "type": "Feature", "properties": { "crs": "x" ';
    expect(crsMemberInHead(head)).toEqual({ type: "name", properties: { name: "urn:ogc:def:crs:EPSG::2154" } });
  });

  it("is undefined without a member before the features, null when it is cut", () => {
    expect(crsMemberInHead('{"type":"FeatureCollection","features":[{"properties":{"crs":{"a":1}}}]}')).toBeUndefined();
    expect(crsMemberInHead('{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:2')).toBeNull();
  });
});
