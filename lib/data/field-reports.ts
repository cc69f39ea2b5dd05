import "server-only";
/**
 * Field reports: a business says an address page is wrong; the organisations whose territory
 * contains the address moderate it — accepting turns it into a draft publication for that
 * address, rejecting needs a reason. Both are audited.
 */
import { db, type DbTransaction } from "@/lib/db/client";
import type { DeploymentStatus, FieldReportState } from "@/lib/db/enums";
import { ensure, isInTerritory, type Actor } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/data/audit";
import { AppError } from "@/lib/errors";
import type { TFieldReportForm } from "@/lib/validation/field-reports";
import { enqueueMail } from "@/lib/mail/outbox";
import { fieldReportOutcomeMail } from "@/lib/mail/templates";
import { formatAddressLabel } from "@/lib/text/address-label";

/**
 * Queues the outcome mail when the reporter left an address, in the moderation's transaction,
 * and forgets the address on the report: from then on it lives only in that queued mail (sent by
 * the worker, deleted 30 days after sending).
 */
async function queueOutcomeMail(
  tx: DbTransaction,
  report: { id: string; email: string | null; addressId: string },
  origin: string,
  outcome: { isAccepted: boolean; reason: string | null },
): Promise<void> {
  if (!report.email) return;
  const address = await tx.address.findUniqueOrThrow({ where: { id: report.addressId } });
  await enqueueMail(
    "report.outcome",
    fieldReportOutcomeMail(report.email, {
      ...outcome,
      addressLabel: formatAddressLabel(address),
      addressUrl: `${origin}/adresse/${encodeURIComponent(report.addressId)}`,
    }),
    tx,
  );
  await tx.fieldReport.update({ where: { id: report.id }, data: { email: null } });
}

export async function createFieldReport(addressId: string, form: TFieldReportForm) {
  const address = await db.address.findUnique({ where: { id: addressId }, select: { id: true, inseeCode: true } });
  if (!address) throw new AppError("not_found", "Adresse inconnue.");
  return db.fieldReport.create({
    data: {
      addressId: address.id,
      inseeCode: address.inseeCode,
      kind: form.kind,
      technology: form.technology ?? null,
      description: form.description,
      email: form.email?.toLowerCase() ?? null,
    },
  });
}

export function countPendingReports(addressId: string): Promise<number> {
  return db.fieldReport.count({ where: { addressId, state: "PENDING" } });
}

/** The reports an actor moderates: those about addresses of its territory (all, for platform admins). */
export function listFieldReports(actor: Actor, state: FieldReportState) {
  return db.fieldReport.findMany({
    where: { state, ...(actor.role === "ADMIN" ? {} : { inseeCode: { in: [...actor.territory] } }) },
    include: { address: { select: { id: true, number: true, suffix: true, street: true, postcode: true, communeName: true } } },
    orderBy: { createdAt: state === "PENDING" ? "asc" : "desc" },
    take: 200,
  });
}

async function pendingReportFor(actor: Actor, id: string) {
  const report = await db.fieldReport.findUnique({ where: { id } });
  if (!report) throw new AppError("not_found", "Signalement introuvable.");
  ensure(isInTerritory(actor, report.inseeCode), "Ce signalement concerne une adresse hors de votre territoire.");
  if (report.state !== "PENDING") throw new AppError("conflict", "Ce signalement a déjà été traité.");
  return report;
}

/** What the draft publication made from a report starts with. */
const DRAFT_STATUS: Partial<Record<string, DeploymentStatus>> = { ALREADY_AVAILABLE: "DEPLOYE" };

/** Accepts a report: a draft publication for its address follows, for the moderator to complete and publish. */
export async function acceptFieldReport(actor: Actor, id: string, origin: string): Promise<{ publicationId: string }> {
  const report = await pendingReportFor(actor, id);
  const organisationId = actor.organisationId;
  if (!organisationId) throw new AppError("bad_request", "Un compte rattaché à une organisation doit accepter ce signalement : la mise à jour sera publiée en son nom.");
  return db.$transaction(async (tx) => {
    const { count } = await tx.fieldReport.updateMany({ where: { id, state: "PENDING" }, data: { state: "ACCEPTED", moderatedBy: actor.email, moderatedAt: new Date() } });
    if (count === 0) throw new AppError("conflict", "Ce signalement a déjà été traité.");
    const publication = await tx.publication.create({
      data: {
        organisationId,
        scope: "ADDRESSES",
        addressIds: JSON.stringify([report.addressId]),
        technology: report.technology ?? "FTTH",
        status: DRAFT_STATUS[report.kind] ?? "NON_PREVU",
        message: null,
        createdById: actor.id,
        updatedById: actor.id,
        updatedByName: actor.name ?? actor.email,
      },
    });
    await tx.fieldReport.update({ where: { id }, data: { publicationId: publication.id } });
    await recordAudit(tx, actor, {
      action: "report.accept",
      entityType: "report",
      entityId: id,
      organisationId,
      summary: `Signalement accepté pour l'adresse ${report.addressId} : brouillon de publication créé`,
      before: { state: "PENDING", kind: report.kind, description: report.description },
      after: { state: "ACCEPTED", publicationId: publication.id },
    });
    await queueOutcomeMail(tx, report, origin, { isAccepted: true, reason: null });
    return { publicationId: publication.id };
  });
}

export async function rejectFieldReport(actor: Actor, id: string, reason: string, origin: string): Promise<void> {
  const report = await pendingReportFor(actor, id);
  await db.$transaction(async (tx) => {
    const { count } = await tx.fieldReport.updateMany({
      where: { id, state: "PENDING" },
      data: { state: "REJECTED", rejectionReason: reason, moderatedBy: actor.email, moderatedAt: new Date() },
    });
    if (count === 0) throw new AppError("conflict", "Ce signalement a déjà été traité.");
    await recordAudit(tx, actor, {
      action: "report.reject",
      entityType: "report",
      entityId: id,
      organisationId: actor.organisationId,
      summary: `Signalement refusé pour l'adresse ${report.addressId} : ${reason}`,
      before: { state: "PENDING", kind: report.kind, description: report.description },
      after: { state: "REJECTED", reason },
    });
    await queueOutcomeMail(tx, report, origin, { isAccepted: false, reason });
  });
}
