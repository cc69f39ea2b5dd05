import "server-only";
/**
 * An activity zone as its public page and API show it: the zone with its display outline
 * (lib/data/zone-outlines.ts), its schedule (facts published for the whole zone), its addresses
 * page by page with the status of a technology.
 */
import { db, type Prisma } from "@/lib/db/client";
import type { DeploymentStatus, Technology } from "@/lib/db/enums";
import { rawSelect } from "@/lib/db/raw";
import { latestFactsSql } from "@/lib/data/latest-facts";
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
  /** Only the addresses with this status ("NON_PREVU" also takes those no source mentions). */
  status?: DeploymentStatus;
  /** The id of the last address of the previous page. */
  cursor?: string;
  limit: number;
}

export interface ZoneAddressPage {
  items: { id: string; label: string; lat: number; lon: number; status: DeploymentStatus }[];
  nextCursor: string | null;
}

export async function listZoneAddresses(zoneId: string, filter: ZoneAddressFilter): Promise<ZoneAddressPage> {
  const params: unknown[] = [zoneId, zoneId, filter.technology, zoneId];
  let conditions = `a."zoneId" = ?`;
  if (filter.cursor) {
    conditions += ` AND a."id" > ?`;
    params.push(filter.cursor);
  }
  if (filter.status === "NON_PREVU") {
    conditions += ` AND (latest."status" IS NULL OR latest."status" = 'NON_PREVU')`;
  } else if (filter.status) {
    conditions += ` AND latest."status" = ?`;
    params.push(filter.status);
  }
  const rows = await rawSelect<{
    id: string; number: number | null; suffix: string | null; street: string; postcode: string | null; communeName: string;
    lat: number; lon: number; status: DeploymentStatus | null;
  }>(
    `SELECT a."id", a."number", a."suffix", a."street", a."postcode", a."communeName", a."lat", a."lon", latest."status" AS "status"
       FROM "Address" a
       LEFT JOIN (SELECT * FROM (${latestFactsSql(`a."zoneId" = ?`)}) facts WHERE facts."technology" = ?) latest ON latest."addressId" = a."id"
      WHERE ${conditions}
      ORDER BY a."id" LIMIT ${filter.limit + 1}`,
    params,
  );
  const page = rows.slice(0, filter.limit);
  return {
    items: page.map((row) => ({
      id: row.id,
      label: formatAddressLabel(row),
      lat: row.lat,
      lon: row.lon,
      status: row.status ?? "NON_PREVU",
    })),
    nextCursor: rows.length > filter.limit ? page[page.length - 1]!.id : null,
  };
}
