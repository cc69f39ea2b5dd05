import "server-only";
/**
 * An activity zone as its public page and API show it: the zone with its display outline
 * (lib/data/zone-outlines.ts), its schedule (facts published for the whole zone), its addresses
 * page by page with the status of a technology.
 */
import { encodeCursor, type CursorKey } from "@/lib/api/cursor";
import { db, type Prisma } from "@/lib/db/client";
import type { DeploymentStatus, Technology } from "@/lib/db/enums";
import { rawSelect } from "@/lib/db/raw";
import { addressLevelsSql, joinSql, type SqlPiece } from "@/lib/data/level-sql";
import { loadOperatorDirectory } from "@/lib/data/operator-directory";
import type { Level } from "@/lib/levels/levels";
import type { OperatorDirectory } from "@/lib/operators/directory";
import { withDisplayOutlines } from "@/lib/data/zone-outlines";
import { formatAddressLabel } from "@/lib/text/address-label";

export type ZoneDetails = NonNullable<Awaited<ReturnType<typeof getZone>>>;

export async function getZone(id: string) {
  const zone = await db.activityZone.findUnique({
    where: { id },
    omit: { outline: true },
    include: { organisation: { select: { name: true } } },
  });
  if (!zone) return null;
  const [shown] = await withDisplayOutlines([zone]);
  return shown!;
}

const scheduleInclude = {
  publication: { select: { message: true } },
  operators: { include: { operator: { select: { name: true } } }, orderBy: [{ role: "asc" }, { operatorCode: "asc" }] },
} satisfies Prisma.AvailabilityInclude;

/** What has been published for the whole zone, per technology, newest first. */
export function getZoneSchedule(id: string) {
  return db.availability.findMany({
    where: { zoneId: id, addressId: null, withdrawnAt: null },
    include: scheduleInclude,
    orderBy: [{ technology: "asc" }, { recordedAt: "desc" }],
  });
}

export interface ZoneAddressFilter {
  technology: Technology;
  /** Only the addresses at this level (the address page's rules, lib/data/level-sql.ts). */
  level?: Level;
  /** Only the addresses with this detailed status ("NON_PREVU" also takes those no source mentions). */
  status?: DeploymentStatus;
  /** The decoded cursor: [id of the last address of the previous page]. */
  cursor?: CursorKey;
  limit: number;
}

export interface ZoneAddressPage {
  items: { id: string; label: string; lat: number; lon: number; status: DeploymentStatus; level: Level }[];
  nextCursor: string | null;
}

export async function listZoneAddresses(zoneId: string, filter: ZoneAddressFilter, directory?: OperatorDirectory): Promise<ZoneAddressPage> {
  const levels = addressLevelsSql(filter.technology, { sql: `a."zoneId" = ?`, params: [zoneId] }, directory ?? (await loadOperatorDirectory()));
  const conditions: SqlPiece[] = [{ sql: `a."zoneId" = ?`, params: [zoneId] }];
  if (filter.cursor) conditions.push({ sql: ` AND a."id" > ?`, params: [String(filter.cursor[0])] });
  if (filter.level) conditions.push({ sql: ` AND v."level" = ?`, params: [filter.level] });
  if (filter.status === "NON_PREVU") conditions.push({ sql: ` AND (v."status" IS NULL OR v."status" = 'NON_PREVU')`, params: [] });
  else if (filter.status) conditions.push({ sql: ` AND v."status" = ?`, params: [filter.status] });
  const query = joinSql([
    `SELECT a."id", a."number", a."suffix", a."street", a."postcode", a."communeName", a."lat", a."lon", v."status" AS "status", v."level" AS "level"
       FROM "Address" a JOIN (`,
    levels,
    `) v ON v."addressId" = a."id" WHERE `,
    ...conditions,
    ` ORDER BY a."id" LIMIT ${filter.limit + 1}`,
  ]);
  const rows = await rawSelect<{
    id: string; number: number | null; suffix: string | null; street: string; postcode: string | null; communeName: string;
    lat: number; lon: number; status: DeploymentStatus | null; level: Level;
  }>(query.sql, query.params);
  const page = rows.slice(0, filter.limit);
  return {
    items: page.map((row) => ({
      id: row.id,
      label: formatAddressLabel(row),
      lat: row.lat,
      lon: row.lon,
      status: row.status ?? "NON_PREVU",
      level: row.level,
    })),
    nextCursor: rows.length > filter.limit ? encodeCursor([page[page.length - 1]!.id]) : null,
  };
}
