import "server-only";
/**
 * What the map explorer shows for a view (bounding box and zoom), never the whole country: zones
 * always (outlines from zoom 13, points below); buildings from zoom 12 — grouped in a grid of
 * clusters up to zoom 15, one by one from 16 (at most BUILDING_LIMIT). A building's status is the
 * one its most recent current fact states for the chosen technology; none → "nothing announced".
 */
import { db, provider } from "@/lib/db/client";
import type { DeploymentStatus, Technology } from "@/lib/db/enums";
import { rawSelect } from "@/lib/db/raw";
import { STATUS_RANK_SQL } from "@/lib/data/latest-facts";
import { ftthProSellerCondition, joinSql, levelOfStatusSql, type SqlPiece } from "@/lib/data/level-sql";
import { loadOperatorDirectory } from "@/lib/data/operator-directory";
import type { Level } from "@/lib/levels/levels";
import type { OperatorDirectory } from "@/lib/operators/directory";
import { withDisplayOutlines } from "@/lib/data/zone-outlines";
import type { TMapQuery } from "@/lib/validation/map";

export const BUILDINGS_FROM_ZOOM = 12;
export const SINGLE_BUILDINGS_FROM_ZOOM = 16;
export const OUTLINES_FROM_ZOOM = 13;
export const BUILDING_LIMIT = 3_000;
const ZONE_LIMIT = 500;
const GRID = 8;

export interface MapView {
  zones: { id: string; name: string; lat: number; lon: number; outline: GeoJSON.Geometry | null }[];
  clusters: { lat: number; lon: number; count: number; levels: Partial<Record<Level, number>>; statuses: Partial<Record<DeploymentStatus, number>> }[] | null;
  buildings: { id: string; lat: number; lon: number; level: Level; status: DeploymentStatus; addressId: string | null }[] | null;
  /** More buildings than shown: zoom in. */
  truncated: boolean;
}

const cell = (expression: string) => (provider === "postgresql" ? `CAST(FLOOR(${expression}) AS INTEGER)` : `CAST(${expression} AS INTEGER)`);

/** Each building's most recent current fact for a technology (alias given), restricted to the box. */
function latestBuildingStatusSql(technology: Technology, box: number[]): SqlPiece {
  return {
    sql: `(SELECT ranked."buildingId", ranked."status" FROM (
        SELECT f."buildingId", CAST(f."status" AS TEXT) AS "status",
               ROW_NUMBER() OVER (PARTITION BY f."buildingId" ORDER BY COALESCE(f."fileDate", f."recordedAt") DESC, ${STATUS_RANK_SQL}) AS position
          FROM "Availability" f JOIN "Building" fb ON fb."id" = f."buildingId"
         WHERE f."withdrawnAt" IS NULL AND CAST(f."technology" AS TEXT) = ?
           AND fb."lat" BETWEEN ? AND ? AND fb."lon" BETWEEN ? AND ?
      ) ranked WHERE ranked.position = 1)`,
    params: [technology, ...box],
  };
}

/**
 * Buildings of the box with the status of their most recent fact for the technology and its level
 * (the address page's rules: FttO on quote without a source; FttH pro from FttH where an operator
 * present sells FttH pro).
 */
function buildingLevelSql(technology: Technology, box: number[], directory: OperatorDirectory): SqlPiece {
  const head = `SELECT b."id", b."externalId", b."addressId", b."lat", b."lon", COALESCE(latest."status", 'NON_PREVU') AS "status", `;
  const where = { sql: ` WHERE b."withdrawnAt" IS NULL AND b."lat" BETWEEN ? AND ? AND b."lon" BETWEEN ? AND ?`, params: box };
  if (technology !== "FTTH_PRO") {
    const unstated = technology === "FTTO" ? "ON_REQUEST" : "NOT_ANNOUNCED";
    return joinSql([
      `${head}${levelOfStatusSql(`latest."status"`, unstated)} AS "level" FROM "Building" b LEFT JOIN `,
      latestBuildingStatusSql(technology, box),
      ` latest ON latest."buildingId" = b."id"`,
      where,
    ]);
  }
  const seller = ftthProSellerCondition(directory);
  return joinSql([
    `${head}CASE WHEN latest."status" IS NOT NULL THEN ${levelOfStatusSql(`latest."status"`, "NOT_ANNOUNCED")}
       WHEN ftth."status" IN ('DEPLOYE', 'RAD', 'RAD_EN_COURS') AND EXISTS (
         SELECT 1 FROM "Availability" sf JOIN "AvailabilityOperator" o ON o."availabilityId" = sf."id"
          WHERE sf."buildingId" = b."id" AND sf."withdrawnAt" IS NULL AND CAST(sf."technology" AS TEXT) = 'FTTH' AND CAST(o."role" AS TEXT) <> 'INFRASTRUCTURE' AND `,
    seller,
    `) THEN ${levelOfStatusSql(`ftth."status"`, "NOT_ANNOUNCED")} ELSE 'NOT_ANNOUNCED' END AS "level"
       FROM "Building" b LEFT JOIN "Address" ba ON ba."id" = b."addressId" LEFT JOIN "Commune" c ON c."inseeCode" = ba."inseeCode" LEFT JOIN `,
    latestBuildingStatusSql("FTTH_PRO", box),
    ` latest ON latest."buildingId" = b."id" LEFT JOIN `,
    latestBuildingStatusSql("FTTH", box),
    ` ftth ON ftth."buildingId" = b."id"`,
    where,
  ]);
}

export async function getMapView(query: TMapQuery): Promise<MapView> {
  const { west, south, east, north } = query.bbox;
  const box = [south, north, west, east];
  const filters: SqlPiece[] = [];
  if (query.status) filters.push({ sql: ` AND v."status" IN (${query.status.map(() => "?").join(", ")})`, params: query.status });
  if (query.level) filters.push({ sql: ` AND v."level" IN (${query.level.map(() => "?").join(", ")})`, params: query.level });

  const withOutlines = query.zoom >= OUTLINES_FROM_ZOOM;
  const zones = await db.activityZone.findMany({
    where: { archivedAt: null, maxLon: { gte: west }, minLon: { lte: east }, maxLat: { gte: south }, minLat: { lte: north } },
    select: { id: true, name: true, minLat: true, maxLat: true, minLon: true, maxLon: true, displayOutline: withOutlines },
    orderBy: { id: "asc" },
    take: ZONE_LIMIT,
  });
  const shown = withOutlines ? await withDisplayOutlines(zones) : zones.map((zone) => ({ ...zone, outline: null }));
  const view: MapView = {
    zones: shown.map((zone) => ({
      id: zone.id,
      name: zone.name,
      lat: (zone.minLat + zone.maxLat) / 2,
      lon: (zone.minLon + zone.maxLon) / 2,
      outline: zone.outline,
    })),
    clusters: null,
    buildings: null,
    truncated: false,
  };
  if (query.zoom < BUILDINGS_FROM_ZOOM) return view;

  const buildings = buildingLevelSql(query.technology, box, await loadOperatorDirectory());
  if (query.zoom < SINGLE_BUILDINGS_FROM_ZOOM) {
    const width = (east - west) / GRID;
    const height = (north - south) / GRID;
    const grouped = joinSql([
      { sql: `SELECT ${cell(`(v."lon" - ?) / ?`)} AS "gx", ${cell(`(v."lat" - ?) / ?`)} AS "gy", v."status" AS "status", v."level" AS "level",
              COUNT(*) AS "n", AVG(v."lat") AS "lat", AVG(v."lon") AS "lon" FROM (`, params: [west, width, south, height] },
      buildings,
      ") v WHERE 1 = 1",
      ...filters,
      " GROUP BY 1, 2, 3, 4",
    ]);
    const rows = await rawSelect<{ gx: number; gy: number; status: DeploymentStatus; level: Level; n: bigint | number; lat: number; lon: number }>(grouped.sql, grouped.params);
    const clusters = new Map<string, NonNullable<MapView["clusters"]>[number]>();
    for (const row of rows) {
      const key = `${row.gx}:${row.gy}`;
      const n = Number(row.n);
      const cluster = clusters.get(key) ?? { lat: 0, lon: 0, count: 0, levels: {}, statuses: {} };
      // Running weighted mean of the positions.
      cluster.lat = (cluster.lat * cluster.count + Number(row.lat) * n) / (cluster.count + n);
      cluster.lon = (cluster.lon * cluster.count + Number(row.lon) * n) / (cluster.count + n);
      cluster.count += n;
      cluster.statuses[row.status] = (cluster.statuses[row.status] ?? 0) + n;
      cluster.levels[row.level] = (cluster.levels[row.level] ?? 0) + n;
      clusters.set(key, cluster);
    }
    view.clusters = [...clusters.values()];
    return view;
  }

  const listed = joinSql(["SELECT v.\"externalId\", v.\"addressId\", v.\"lat\", v.\"lon\", v.\"status\", v.\"level\" FROM (", buildings, ") v WHERE 1 = 1", ...filters, ` ORDER BY v."id" LIMIT ${BUILDING_LIMIT + 1}`]);
  const rows = await rawSelect<{ externalId: string; addressId: string | null; lat: number; lon: number; status: DeploymentStatus; level: Level }>(listed.sql, listed.params);
  view.truncated = rows.length > BUILDING_LIMIT;
  view.buildings = rows.slice(0, BUILDING_LIMIT).map((row) => ({
    id: row.externalId,
    lat: Number(row.lat),
    lon: Number(row.lon),
    level: row.level,
    status: row.status,
    addressId: row.addressId,
  }));
  return view;
}
