import "server-only";
/**
 * Which addresses belong to a zone, recomputed inside the caller's transaction when its outline
 * changes or it is archived: the addresses inside (bounding box in SQL, then point in polygon)
 * join it; those that left it go to another active zone containing them, or to none.
 */
import type { DbTransaction } from "@/lib/db/client";
import { containsPoint, type MultiPolygon } from "@/lib/geo/outline";

const CHUNK = 500;

interface Point {
  id: string;
  lat: number;
  lon: number;
}

async function setZone(tx: DbTransaction, ids: readonly string[], zoneId: string | null): Promise<void> {
  for (let start = 0; start < ids.length; start += CHUNK) {
    await tx.address.updateMany({ where: { id: { in: ids.slice(start, start + CHUNK) } }, data: { zoneId } });
  }
}

/** The active zone other than `excludedZoneId` containing each point, if any. */
async function locateInOtherZones(tx: DbTransaction, points: readonly Point[], excludedZoneId: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (points.length === 0) return found;
  const lats = points.map((point) => point.lat);
  const lons = points.map((point) => point.lon);
  const zones = await tx.activityZone.findMany({
    where: {
      id: { not: excludedZoneId },
      archivedAt: null,
      minLon: { lte: Math.max(...lons) },
      maxLon: { gte: Math.min(...lons) },
      minLat: { lte: Math.max(...lats) },
      maxLat: { gte: Math.min(...lats) },
    },
    select: { id: true, outline: true, minLon: true, minLat: true, maxLon: true, maxLat: true },
    orderBy: { id: "asc" },
  });
  const outlines = zones.map((zone) => ({ ...zone, outline: JSON.parse(zone.outline) as MultiPolygon }));
  for (const point of points) {
    const zone = outlines.find(
      (candidate) =>
        point.lon >= candidate.minLon && point.lon <= candidate.maxLon && point.lat >= candidate.minLat && point.lat <= candidate.maxLat &&
        containsPoint(candidate.outline, point.lon, point.lat),
    );
    if (zone) found.set(point.id, zone.id);
  }
  return found;
}

/**
 * Links the addresses inside `outline` to the zone (none when `outline` is null: an archived
 * zone) and hands the others back; returns how many addresses the zone now holds.
 */
export async function relinkZoneAddresses(
  tx: DbTransaction,
  zoneId: string,
  outline: { geometry: MultiPolygon; bbox: { minLon: number; minLat: number; maxLon: number; maxLat: number } } | null,
): Promise<number> {
  const previous = await tx.address.findMany({ where: { zoneId }, select: { id: true, lat: true, lon: true } });
  let inside: string[] = [];
  if (outline) {
    const { bbox } = outline;
    const candidates = await tx.address.findMany({
      where: { lat: { gte: bbox.minLat, lte: bbox.maxLat }, lon: { gte: bbox.minLon, lte: bbox.maxLon } },
      select: { id: true, lat: true, lon: true },
    });
    inside = candidates.filter((address) => containsPoint(outline.geometry, address.lon, address.lat)).map((address) => address.id);
  }
  const insideSet = new Set(inside);
  const left = previous.filter((address) => !insideSet.has(address.id));
  const elsewhere = await locateInOtherZones(tx, left, zoneId);
  const byZone = new Map<string | null, string[]>();
  for (const address of left) {
    const target = elsewhere.get(address.id) ?? null;
    byZone.set(target, [...(byZone.get(target) ?? []), address.id]);
  }
  for (const [target, ids] of byZone) await setZone(tx, ids, target);
  const alreadyIn = new Set(previous.map((address) => address.id));
  await setZone(tx, inside.filter((id) => !alreadyIn.has(id)), zoneId);
  return inside.length;
}
