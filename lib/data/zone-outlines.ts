import "server-only";
/**
 * Which outline a zone is shown with. Pages, the map and the API draw `displayOutline`, the
 * simplified copy written with every outline (imports, the admin form: lib/geo/outline-display.ts);
 * the original stays in `outline` for membership tests and for the API on request. Zones written
 * before the copy existed show their original until `fillDisplayOutlines` (db:deploy, db:setup)
 * has run.
 */
import { db } from "@/lib/db/client";
import { displayOutline } from "@/lib/geo/outline-display";
import type { MultiPolygon } from "@/lib/geo/outline";

/** `outline` of each zone: its display copy (the original where it has none yet). */
export async function withDisplayOutlines<T extends { id: string; displayOutline: string | null }>(
  zones: T[],
): Promise<(Omit<T, "displayOutline"> & { outline: GeoJSON.Geometry })[]> {
  const missing = zones.filter((zone) => zone.displayOutline === null).map((zone) => zone.id);
  const originals = missing.length
    ? new Map((await db.activityZone.findMany({ where: { id: { in: missing } }, select: { id: true, outline: true } })).map((zone) => [zone.id, zone.outline]))
    : new Map<string, string>();
  return zones.map(({ displayOutline: display, ...zone }) => ({
    ...zone,
    outline: JSON.parse(display ?? originals.get(zone.id) ?? "null") as GeoJSON.Geometry,
  }));
}

/** The outline as drawn or imported, every point (GET /api/v1/zones/{id}?outline=full). */
export async function getOriginalOutline(id: string): Promise<GeoJSON.Geometry | null> {
  const zone = await db.activityZone.findUnique({ where: { id }, select: { outline: true } });
  return zone ? (JSON.parse(zone.outline) as GeoJSON.Geometry) : null;
}

const BACKFILL_BATCH = 50;

/** Writes the display copy of the zones that have none; how many. Idempotent. */
export async function fillDisplayOutlines(): Promise<number> {
  let filled = 0;
  for (;;) {
    const zones = await db.activityZone.findMany({ where: { displayOutline: null }, select: { id: true, outline: true }, orderBy: { id: "asc" }, take: BACKFILL_BATCH });
    if (zones.length === 0) return filled;
    for (const zone of zones) {
      const display = JSON.stringify(displayOutline(JSON.parse(zone.outline) as MultiPolygon));
      // updateMany on the outline read: a zone saved meanwhile keeps the copy its save wrote.
      await db.activityZone.updateMany({ where: { id: zone.id, outline: zone.outline }, data: { displayOutline: display } });
      filled += 1;
    }
  }
}
