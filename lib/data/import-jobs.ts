import "server-only";
/**
 * Files uploaded in the admin (ImportJob): created on upload, checked (dry run) then applied by
 * the background worker (lib/admin/import-job-runner.ts). State changes that must happen once
 * (UPLOADED→CHECKING, CHECKED→APPLYING) are single conditional updates: a double click or two
 * workers change the state once.
 */
import { db } from "@/lib/db/client";
import { recordAudit, type AuditActor } from "@/lib/data/audit";
import { importJobsVisibleTo } from "@/lib/data/admin-scope";
import type { Actor } from "@/lib/auth/permissions";
import type { ImportCounts, ProblemLine } from "@/lib/import/report";

export type ImportJobState = "UPLOADED" | "CHECKING" | "CHECKED" | "APPLYING" | "APPLIED" | "REFUSED" | "FAILED" | "CANCELLED";

/** What checkReport and applyReport hold (JSON). */
export interface ImportJobReport {
  sourceName: string;
  fileDate: string | null;
  encoding: string;
  reportsUnmatched: boolean;
  counts: ImportCounts;
  /** The first 1,000 of each. */
  rejected: ProblemLine[];
  unmatched: ProblemLine[];
  notes: ProblemLine[];
}

export interface NewImportJob {
  id: string;
  organisationId: string | null;
  format: string;
  sourceName: string | null;
  fileName: string;
  filePath: string;
  byteSize: number;
}

export function createImportJob(input: NewImportJob, actor: Pick<Actor, "id" | "email">) {
  return db.importJob.create({ data: { ...input, userId: actor.id, userEmail: actor.email, state: "UPLOADED" } });
}

export function getImportJob(id: string) {
  return db.importJob.findUnique({ where: { id }, include: { organisation: { select: { name: true } } } });
}

export type ImportJobRow = NonNullable<Awaited<ReturnType<typeof getImportJob>>>;

/** The actor's organisation's jobs (every job for platform admins), newest first. */
export function listImportJobs(actor: Actor, take = 50) {
  return db.importJob.findMany({
    where: importJobsVisibleTo(actor),
    include: { organisation: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
    take,
  });
}

/** Moves the job from one of `from` to `to`; false when it was in another state (someone else moved it). */
export async function moveImportJob(id: string, from: readonly ImportJobState[], to: ImportJobState): Promise<boolean> {
  const { count } = await db.importJob.updateMany({
    where: { id, state: { in: [...from] } },
    data: { state: to, progressRows: 0, progressPercent: null, message: null },
  });
  return count === 1;
}

/**
 * The communes a job may touch: its organisation's territory, unless it was uploaded by a platform
 * admin (no limit). A job of no organisation has no limit (only platform admins can create one).
 */
export async function territoryOfImportJob(job: { organisationId: string | null; userId: string | null }): Promise<ReadonlySet<string> | undefined> {
  if (!job.organisationId) return undefined;
  const uploader = job.userId ? await db.user.findUnique({ where: { id: job.userId }, select: { role: true } }) : null;
  if (uploader?.role === "ADMIN") return undefined;
  const communes = await db.organisationCommune.findMany({ where: { organisationId: job.organisationId }, select: { inseeCode: true } });
  return new Set(communes.map((commune) => commune.inseeCode));
}

export async function recordImportCheck(id: string, report: ImportJobReport): Promise<void> {
  await db.importJob.update({
    where: { id },
    data: { state: "CHECKED", checkReport: JSON.stringify(report), progressRows: report.counts.read, progressPercent: 100 },
  });
}

/** The applied import: its run, its report, the audit entry — one transaction. */
export async function recordImportApplied(
  job: { id: string; organisationId: string | null; fileName: string; format: string },
  runId: string,
  report: ImportJobReport,
  actor: AuditActor,
): Promise<void> {
  const { counts } = report;
  await db.$transaction(async (tx) => {
    await tx.importJob.update({
      where: { id: job.id },
      data: { state: "APPLIED", applyReport: JSON.stringify(report), importRunId: runId, progressRows: counts.read, progressPercent: 100 },
    });
    await recordAudit(tx, actor, {
      action: "import.apply",
      entityType: "import",
      entityId: job.id,
      organisationId: job.organisationId,
      summary: `Fichier ${job.fileName} importé (${report.sourceName}) : ${counts.read} lignes lues, ${counts.created} créées, ${counts.updated} modifiées, ${counts.rejected} rejetées, ${counts.withdrawn} retirées.`,
      after: { format: job.format, importRunId: runId, counts },
    });
  });
}

/** The file was refused as a whole (REFUSED, its French reason) or the step failed (FAILED, a generic sentence). */
export async function recordImportStopped(id: string, state: "REFUSED" | "FAILED", message: string): Promise<void> {
  await db.importJob.update({ where: { id }, data: { state, message } });
}

/** Abandons a job not applied: the uploaded file is deleted by the caller. */
export async function cancelImportJob(
  job: { id: string; organisationId: string | null; fileName: string },
  from: readonly ImportJobState[],
  actor: AuditActor,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.importJob.updateMany({ where: { id: job.id, state: { in: [...from] } }, data: { state: "CANCELLED" } });
    if (count === 0) return false;
    await recordAudit(tx, actor, {
      action: "import.cancel",
      entityType: "import",
      entityId: job.id,
      organisationId: job.organisationId,
      summary: `Import du fichier ${job.fileName} abandonné.`,
    });
    return true;
  });
}

export function findUserEmail(id: string) {
  return db.user.findUnique({ where: { id }, select: { id: true, email: true } });
}
