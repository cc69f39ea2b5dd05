import "server-only";
/**
 * The admin dashboard: what the zone manager has to do — zones whose businesses see no calendar,
 * field reports waiting, drafts, files checked but not applied, sources gone stale, a missing
 * public contact — then the coverage of its territory and the last files loaded. Platform admins
 * (no territory) get the same items across every organisation, plus the operator codes without a
 * directory entry and the organisations without a public contact.
 */
import { db } from "@/lib/db/client";
import { staleBefore } from "@/lib/admin/staleness";
import type { Actor } from "@/lib/auth/permissions";
import { getCoverage, type Coverage } from "@/lib/data/coverage";
import { importJobsVisibleTo, publicationsVisibleTo, zonesVisibleTo } from "@/lib/data/admin-scope";
import { listUnlistedCodes } from "@/lib/data/operator-directory";
import { listSourceAges, type SourceAge } from "@/lib/data/sources";

/** How many items of each to-do are listed on the dashboard (the count says how many there are). */
const LISTED = 5;
/** Zones the actor manages, not archived, with no current zone-wide publication: their businesses see no calendar. */
export async function listZonesWithoutCalendar(actor: Actor) {
  const where = {
    ...zonesVisibleTo(actor),
    archivedAt: null,
    availabilities: { none: { sourceKind: "PUBLICATION" as const, addressId: null, withdrawnAt: null } },
  };
  const [count, zones] = await Promise.all([
    db.activityZone.count({ where }),
    db.activityZone.findMany({
      where,
      select: { id: true, name: true, communeName: true, organisation: { select: { name: true } }, _count: { select: { addresses: true } } },
      orderBy: [{ addresses: { _count: "desc" } }, { name: "asc" }],
      take: LISTED,
    }),
  ]);
  return { count, zones };
}

/** Field reports waiting for a decision about addresses of the actor's territory (all, for platform admins). */
export async function countReportsWaiting(actor: Actor): Promise<{ count: number; oldest: Date | null }> {
  const where = { state: "PENDING" as const, ...(actor.role === "ADMIN" ? {} : { inseeCode: { in: [...actor.territory] } }) };
  const result = await db.fieldReport.aggregate({ where, _count: { _all: true }, _min: { createdAt: true } });
  return { count: result._count._all, oldest: result._min.createdAt };
}

export async function listDrafts(actor: Actor) {
  const where = { ...publicationsVisibleTo(actor), state: "DRAFT" as const };
  const [count, drafts] = await Promise.all([
    db.publication.count({ where }),
    db.publication.findMany({
      where,
      select: {
        id: true,
        technology: true,
        status: true,
        scope: true,
        updatedAt: true,
        updatedByName: true,
        inseeCode: true,
        zone: { select: { name: true } },
        organisation: { select: { name: true } },
      },
      orderBy: { updatedAt: "asc" },
      take: LISTED,
    }),
  ]);
  return { count, drafts };
}

/** Uploaded files checked and waiting for « Appliquer l'import ». */
export async function listCheckedImports(actor: Actor) {
  const where = { ...importJobsVisibleTo(actor), state: "CHECKED" };
  const [count, jobs] = await Promise.all([
    db.importJob.count({ where }),
    db.importJob.findMany({ where, select: { id: true, fileName: true, createdAt: true }, orderBy: { createdAt: "asc" }, take: LISTED }),
  ]);
  return { count, jobs };
}

export function listRecentImports(actor: Actor) {
  return db.importJob.findMany({
    where: importJobsVisibleTo(actor),
    select: { id: true, fileName: true, format: true, state: true, createdAt: true, userEmail: true },
    orderBy: { createdAt: "desc" },
    take: 5,
  });
}

const withContact = [{ publicEmail: { not: null } }, { publicPhone: { not: null } }, { publicUrl: { not: null } }];

/** Organisations businesses cannot contact from the public pages: the actor's own, or every one for platform admins. */
export function countOrganisationsWithoutContact(actor: Actor): Promise<number> {
  if (actor.role !== "ADMIN" && !actor.organisationId) return Promise.resolve(0);
  return db.organisation.count({ where: { NOT: { OR: withContact }, ...(actor.role === "ADMIN" ? {} : { id: actor.organisationId! }) } });
}

export interface DashboardTodo {
  zonesWithoutCalendar: Awaited<ReturnType<typeof listZonesWithoutCalendar>>;
  pendingReports: Awaited<ReturnType<typeof countReportsWaiting>>;
  drafts: Awaited<ReturnType<typeof listDrafts>>;
  checkedImports: Awaited<ReturnType<typeof listCheckedImports>>;
  /** Sources of the territory's facts whose latest file is older than STALE_AFTER_MONTHS (lib/admin/staleness.ts), oldest first. */
  staleSources: SourceAge[];
  /** Organisations without a public contact: the actor's own (0 or 1), or all of them for platform admins. */
  withoutContact: number;
  /** Platform admins: operator codes cited by the files that no directory entry claims. */
  unlistedCodes: number | null;
}

export async function getDashboardTodo(actor: Actor, now = new Date()): Promise<DashboardTodo> {
  const isPlatform = actor.role === "ADMIN";
  const [zonesWithoutCalendar, pendingReports, drafts, checkedImports, sourceAges, withoutContact, unlisted] = await Promise.all([
    listZonesWithoutCalendar(actor),
    countReportsWaiting(actor),
    listDrafts(actor),
    listCheckedImports(actor),
    listSourceAges(actor),
    countOrganisationsWithoutContact(actor),
    isPlatform ? listUnlistedCodes() : Promise.resolve(null),
  ]);
  return {
    zonesWithoutCalendar,
    pendingReports,
    drafts,
    checkedImports,
    staleSources: sourceAges.filter((source) => source.date < staleBefore(now)),
    withoutContact,
    unlistedCodes: unlisted ? unlisted.length : null,
  };
}

export async function getDashboard(actor: Actor, now = new Date()) {
  const [todo, imports, coverage] = await Promise.all([
    getDashboardTodo(actor, now),
    listRecentImports(actor),
    actor.organisationId ? getCoverage({ organisationId: actor.organisationId }) : Promise.resolve<Coverage | null>(null),
  ]);
  return { todo, imports, coverage };
}
