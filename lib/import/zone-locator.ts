/**
 * Which activity zone an address lies in, for addresses imported after the zones: the zones whose
 * bounding box meets a batch's are loaded, then each point is tested against their outlines.
 */
import { containsPoint, type MultiPolygon } from "@/lib/geo/outline";
import type { SqlStore } from "@/lib/import/store/sql-store";

interface ZoneOutline {
  id: string;
  outline: MultiPolygon;
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

export async function locateZones(store: SqlStore, points: readonly { id: string; lat: number; lon: number }[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (points.length === 0) return found;
  const lats = points.map((point) => point.lat);
  const lons = points.map((point) => point.lon);
  const rows = await store.all<Omit<ZoneOutline, "outline"> & { outline: string }>(
    `SELECT "id", "outline", "minLon", "minLat", "maxLon", "maxLat" FROM "ActivityZone"
       WHERE "archivedAt" IS NULL AND "minLon" <= ? AND "maxLon" >= ? AND "minLat" <= ? AND "maxLat" >= ?`,
    [Math.max(...lons), Math.min(...lons), Math.max(...lats), Math.min(...lats)],
  );
  if (rows.length === 0) return found;
  const zones: ZoneOutline[] = rows.map((row) => ({ ...row, outline: JSON.parse(row.outline) as MultiPolygon }));
  for (const point of points) {
    const zone = zones.find(
      (candidate) =>
        point.lon >= candidate.minLon && point.lon <= candidate.maxLon && point.lat >= candidate.minLat && point.lat <= candidate.maxLat &&
        containsPoint(candidate.outline, point.lon, point.lat),
    );
    if (zone) found.set(point.id, zone.id);
  }
  return found;
}
