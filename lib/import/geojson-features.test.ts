import { describe, expect, it } from "vitest";
import { OUTLINE_BYTES_MAX, OUTLINE_POINTS_MAX } from "@/lib/geo/outline-limits";
import { readGeoJsonFeatures, type StreamedFeature } from "@/lib/import/geojson-features";

async function read(chunks: string[]): Promise<StreamedFeature[]> {
  const features: StreamedFeature[] = [];
  async function* source() {
    yield* chunks;
  }
  for await (const feature of readGeoJsonFeatures(source())) features.push(feature);
  return features;
}

const ring = (count: number) => {
  const positions = Array.from({ length: count - 1 }, (_, index) => [5.2 + Math.cos(index) * 0.01, 46.2 + Math.sin(index) * 0.01]);
  return [...positions, positions[0]!];
};

describe("readGeoJsonFeatures", () => {
  it("reads each feature's properties and geometry, whatever the order of their members", async () => {
    const polygon = { type: "Polygon", coordinates: [ring(5)] };
    const text = JSON.stringify({
      type: "FeatureCollection",
      name: "zones",
      features: [
        { type: "Feature", properties: { site_id: "A", site_surf_brute: 12.5, reseau_fibre_optique: null, tags: [1, 2] }, geometry: polygon },
        { geometry: polygon, type: "Feature", properties: { site_id: "B", actif: true } },
        { type: "Feature", properties: { site_id: "C" }, geometry: null },
        7,
      ],
    });
    const features = await read([text.slice(0, 50), text.slice(50, 51), text.slice(51)]);
    expect(features).toEqual([
      { index: 1, properties: { site_id: "A", site_surf_brute: 12.5, reseau_fibre_optique: null, tags: [1, 2] }, geometry: polygon },
      { index: 2, properties: { site_id: "B", actif: true }, geometry: polygon },
      { index: 3, properties: { site_id: "C" }, geometry: null },
      { index: 4, properties: {}, geometry: null },
    ]);
  });

  it("does not build a geometry past the point limit, measures it, and still reads the properties after it", async () => {
    const huge = { type: "MultiPolygon", coordinates: [[ring(OUTLINE_POINTS_MAX + 1)], [ring(4)]] };
    const text = JSON.stringify({ type: "FeatureCollection", features: [{ type: "Feature", geometry: huge, properties: { site_id: "HUGE" } }, { type: "Feature", properties: { site_id: "NEXT" }, geometry: { type: "Polygon", coordinates: [ring(4)] } }] });
    const [first, second] = await read([text]);
    expect(first).toMatchObject({ index: 1, properties: { site_id: "HUGE" }, geometry: null, oversized: { points: OUTLINE_POINTS_MAX + 5 } });
    expect(second).toMatchObject({ index: 2, properties: { site_id: "NEXT" }, geometry: { type: "Polygon" } });
  });

  it("stops at the byte limit too (absurdly long numbers)", async () => {
    const digits = "1".repeat(400);
    const positions = Array.from({ length: 3000 }, () => `[5.${digits},46.${digits}]`).join(",");
    const text = `{"features":[{"type":"Feature","properties":{"site_id":"LONG"},"geometry":{"type":"Polygon","coordinates":[[${positions}]]}}]}`;
    const [feature] = await read([text]);
    expect(feature!.geometry).toBeNull();
    expect(feature!.oversized!.bytes).toBeGreaterThan(OUTLINE_BYTES_MAX);
    expect(feature!.oversized!.points).toBe(3000);
  });
});
