import "server-only";
/**
 * The audit log: every admin change writes one entry in the same transaction as the change
 * itself — who, what, when, and the state before and after (JSON).
 */
import { db, type DbTransaction, type Prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";

export interface AuditInput {
  action: string;
  entityType: "publication" | "zone" | "import" | "user" | "organisation" | "report" | "operator";
  entityId: string;
  organisationId: string | null;
  summary: string;
  before?: unknown;
  after?: unknown;
}

/** Who acted: a signed-in actor (with the address of the request), or a command line ("cli:<login>"). */
export type AuditActor = Pick<Actor, "id" | "email" | "ip"> | { id: null; email: string; ip?: undefined };

export async function recordAudit(tx: DbTransaction, actor: AuditActor, entry: AuditInput): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actorId: actor.id,
      actorEmail: actor.email,
      actorIp: actor.ip ?? null,
      organisationId: entry.organisationId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      summary: entry.summary,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    },
  });
}

export interface AuditFilter {
  /** null: every organisation (platform admins). */
  organisationId: string | null;
  action?: string;
  entityType?: string;
  actor?: string;
  from?: Date;
  to?: Date;
  page: number;
}

export const AUDIT_PAGE_SIZE = 50;

export async function listAuditEntries(filter: AuditFilter) {
  const where: Prisma.AuditEntryWhereInput = {
    ...(filter.organisationId !== null ? { organisationId: filter.organisationId } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.entityType ? { entityType: filter.entityType } : {}),
    ...(filter.actor ? { actorEmail: { contains: filter.actor.toLowerCase() } } : {}),
    ...(filter.from || filter.to ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
  };
  const [entries, total] = await Promise.all([
    db.auditEntry.findMany({ where, orderBy: { at: "desc" }, skip: (filter.page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE }),
    db.auditEntry.count({ where }),
  ]);
  return { entries, total, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}

export async function listAuditActions(organisationId: string | null): Promise<string[]> {
  const rows = await db.auditEntry.findMany({
    where: organisationId !== null ? { organisationId } : {},
    distinct: ["action"],
    select: { action: true },
    orderBy: { action: "asc" },
  });
  return rows.map((row) => row.action);
}
