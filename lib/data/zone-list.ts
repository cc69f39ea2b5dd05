import "server-only";
/** Activity zones by box, commune or EPCI, page by page (by id), archived ones left out. */
import { encodeCursor, type CursorKey } from "@/lib/api/cursor";
import { rawSelect } from "@/lib/db/raw";

export interface ZoneListFilter {
  bbox?: { west: number; south: number; east: number; north: number };
  commune?: string;
  epci?: string;
  /** The decoded cursor: [id of the last zone of the previous page]. */
  cursor?: CursorKey;
  limit: number;
}

export async function listZones(filter: ZoneListFilter) {
  const conditions = [`"archivedAt" IS NULL`];
  const params: unknown[] = [];
  if (filter.bbox) {
    conditions.push(`"maxLon" >= ? AND "minLon" <= ? AND "maxLat" >= ? AND "minLat" <= ?`);
    params.push(filter.bbox.west, filter.bbox.east, filter.bbox.south, filter.bbox.north);
  }
  if (filter.commune) {
    conditions.push(`"inseeCode" = ?`);
    params.push(filter.commune);
  }
  if (filter.epci) {
    conditions.push(`"epciSiren" = ?`);
    params.push(filter.epci);
  }
  if (filter.cursor) {
    conditions.push(`"id" > ?`);
    params.push(String(filter.cursor[0]));
  }
  const rows = await rawSelect<{
    id: string; name: string; state: string; inseeCode: string; communeName: string | null; epciSiren: string | null;
    minLon: number; minLat: number; maxLon: number; maxLat: number;
  }>(
    `SELECT "id", "name", "state", "inseeCode", "communeName", "epciSiren", "minLon", "minLat", "maxLon", "maxLat" FROM "ActivityZone"
      WHERE ${conditions.join(" AND ")} ORDER BY "id" LIMIT ${filter.limit + 1}`,
    params,
  );
  const page = rows.slice(0, filter.limit);
  return {
    items: page.map((row) => ({
      id: row.id,
      name: row.name,
      state: row.state,
      inseeCode: row.inseeCode,
      commune: row.communeName,
      epciSiren: row.epciSiren,
      bbox: [Number(row.minLon), Number(row.minLat), Number(row.maxLon), Number(row.maxLat)] as [number, number, number, number],
    })),
    nextCursor: rows.length > filter.limit ? encodeCursor([page[page.length - 1]!.id]) : null,
  };
}
