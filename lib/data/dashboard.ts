import "server-only";
/** The admin dashboard: the actor's zones, coverage of its territory, drafts waiting, last imports. */
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { getCoverage, type Coverage } from "@/lib/data/coverage";
import { importJobsVisibleTo, publicationsVisibleTo, zonesVisibleTo } from "@/lib/data/admin-scope";

export async function getDashboard(actor: Actor) {
  const zoneWhere = { ...zonesVisibleTo(actor), archivedAt: null };
  const [zoneCount, zones, drafts, draftCount, imports, coverage] = await Promise.all([
    db.activityZone.count({ where: zoneWhere }),
    db.activityZone.findMany({
      where: zoneWhere,
      select: { id: true, name: true, communeName: true, _count: { select: { addresses: true } } },
      orderBy: { updatedAt: "desc" },
      take: 8,
    }),
    db.publication.findMany({
      where: { ...publicationsVisibleTo(actor), state: "DRAFT" },
      select: { id: true, technology: true, status: true, scope: true, updatedAt: true, updatedByName: true, zone: { select: { name: true } }, inseeCode: true },
      orderBy: { updatedAt: "desc" },
      take: 8,
    }),
    db.publication.count({ where: { ...publicationsVisibleTo(actor), state: "DRAFT" } }),
    db.importJob.findMany({
      where: importJobsVisibleTo(actor),
      select: { id: true, fileName: true, format: true, state: true, createdAt: true, userEmail: true },
      orderBy: { createdAt: "desc" },
      take: 5,
    }),
    actor.organisationId ? getCoverage({ organisationId: actor.organisationId }) : Promise.resolve<Coverage | null>(null),
  ]);
  return { zoneCount, zones, drafts, draftCount, imports, coverage };
}
