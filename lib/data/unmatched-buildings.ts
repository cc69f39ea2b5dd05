import "server-only";
/**
 * Buildings a file lists but no BAN address takes (lib/import/address-matcher.ts): kept with their
 * own position and the address as the file wrote it, never given to a neighbour. The commune and
 * zone pages list them and place them on their maps, with their FttH status, so a business at
 * « 33 rue Lavoisier » still finds its building.
 */
import { containsPoint, type MultiPolygon } from "@/lib/geo/outline";
import { db } from "@/lib/db/client";
import type { DeploymentStatus } from "@/lib/db/enums";
import { rawSelect } from "@/lib/db/raw";
import { levelOfStatus, type Level } from "@/lib/levels/levels";
import { STATUS_RANK_SQL } from "@/lib/data/latest-facts";

/** At most this many are listed (a page, not an export). */
export const UNMATCHED_LIMIT = 100;

export interface UnmatchedBuilding {
  /** IdentifiantImmeuble / imb_id as published. */
  id: string;
  /** "33 RUE LAVOISIER"; null for a building imported before this was kept. */
  statedAddress: string | null;
  lat: number;
  lon: number;
  /** The FttH status its newest current fact states (NON_PREVU when none). */
  status: DeploymentStatus;
  level: Level;
  sourceName: string;
}

export interface UnmatchedBuildings {
  items: UnmatchedBuilding[];
  /** All of them, when more than UNMATCHED_LIMIT. */
  total: number;
}

interface Row {
  externalId: string;
  statedAddress: string | null;
  lat: number;
  lon: number;
  status: DeploymentStatus | null;
  sourceName: string;
}

/** Unmatched, current, placed buildings satisfying `where` (a condition on "Building" b), with their FttH status. */
function selectUnmatched(where: string, params: unknown[], limit?: number): Promise<Row[]> {
  return rawSelect<Row>(
    `SELECT b."externalId", b."statedAddress", b."lat", b."lon", b."sourceName",
            (SELECT CAST(f."status" AS TEXT) FROM "Availability" f
              WHERE f."buildingId" = b."id" AND f."withdrawnAt" IS NULL AND CAST(f."technology" AS TEXT) = 'FTTH'
              ORDER BY COALESCE(f."fileDate", f."recordedAt") DESC, ${STATUS_RANK_SQL} LIMIT 1) AS "status"
       FROM "Building" b
      WHERE b."addressId" IS NULL AND b."withdrawnAt" IS NULL AND b."lat" IS NOT NULL AND b."lon" IS NOT NULL AND ${where}
      ORDER BY b."statedAddress", b."externalId"${limit === undefined ? "" : ` LIMIT ${limit}`}`,
    params,
  );
}

function toItem(row: Row): UnmatchedBuilding {
  const status = row.status ?? "NON_PREVU";
  return {
    id: row.externalId,
    statedAddress: row.statedAddress,
    lat: Number(row.lat),
    lon: Number(row.lon),
    status,
    level: levelOfStatus(status),
    sourceName: row.sourceName,
  };
}

const limited = (rows: Row[]): UnmatchedBuildings => ({ items: rows.slice(0, UNMATCHED_LIMIT).map(toItem), total: rows.length });

/** The unmatched buildings the files place in a commune (by the INSEE code of their line). */
export async function listCommuneUnmatchedBuildings(inseeCode: string): Promise<UnmatchedBuildings> {
  const where = { inseeCode, addressId: null, withdrawnAt: null, lat: { not: null }, lon: { not: null } };
  const [rows, total] = await Promise.all([selectUnmatched(`b."inseeCode" = ?`, [inseeCode], UNMATCHED_LIMIT), db.building.count({ where })]);
  return { items: rows.map(toItem), total };
}

/** The unmatched buildings inside a zone's outline. */
export async function listZoneUnmatchedBuildings(zoneId: string): Promise<UnmatchedBuildings> {
  const zone = await db.activityZone.findUnique({ where: { id: zoneId }, select: { outline: true, minLat: true, maxLat: true, minLon: true, maxLon: true } });
  if (!zone) return { items: [], total: 0 };
  const outline = JSON.parse(zone.outline) as MultiPolygon;
  const rows = await selectUnmatched(`b."lat" BETWEEN ? AND ? AND b."lon" BETWEEN ? AND ?`, [zone.minLat, zone.maxLat, zone.minLon, zone.maxLon]);
  return limited(rows.filter((row) => containsPoint(outline, Number(row.lon), Number(row.lat))));
}
