import "server-only";
/**
 * Files uploaded in the admin (ImportJob): created on upload, checked (dry run) then applied by
 * whichever process claims them (lib/admin/import-queue.ts). Every change that must happen once
 * (CHECKED→APPLYING, a claim, a takeover, a step's outcome) is one conditional update (compare and
 * set on state, workerId and leaseUntil): a double click or two workers racing change it once, on
 * SQLite and PostgreSQL alike. A job waits for a worker while `workerId` is null (UPLOADED: its
 * check; APPLYING: its apply); its claim holds until `leaseUntil`, pushed forward by heartbeats.
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
  return db.importJob.create({ data: { ...input, userId: actor.id, userEmail: actor.email, state: "UPLOADED", queuedAt: new Date() } });
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

/** « Appliquer »: CHECKED→APPLYING once, waiting for a worker; false when it was no longer CHECKED. */
export async function queueImportApply(id: string, appliedById: string): Promise<boolean> {
  const { count } = await db.importJob.updateMany({
    where: { id, state: "CHECKED" },
    data: { state: "APPLYING", appliedById, queuedAt: new Date(), workerId: null, leaseUntil: null, attempts: 0, progressRows: 0, progressPercent: null, message: null },
  });
  return count === 1;
}

/** Jobs waiting for a worker, oldest first (`jobId`: that one only). */
export function listWaitingImportJobs(jobId?: string, take = 5) {
  return db.importJob.findMany({
    where: { ...(jobId ? { id: jobId } : {}), workerId: null, state: { in: ["UPLOADED", "APPLYING"] } },
    orderBy: { queuedAt: "asc" },
    select: { id: true, state: true },
    take,
  });
}

/** Running jobs whose claim ran out before `now` (their worker may be dead: see lib/admin/import-queue.ts). */
export function listExpiredImportJobs(now: Date, jobId?: string, take = 5) {
  return db.importJob.findMany({
    where: { ...(jobId ? { id: jobId } : {}), workerId: { not: null }, state: { in: ["CHECKING", "APPLYING"] }, leaseUntil: { lt: now } },
    orderBy: { leaseUntil: "asc" },
    select: { id: true, state: true, workerId: true, leaseUntil: true, attempts: true },
    take,
  });
}

export type ClaimedStep = "check" | "apply";

/** Claims a waiting job for `workerId` until `leaseUntil`: the step it now runs, or null when another took it. */
export async function claimWaitingImportJob(id: string, workerId: string, leaseUntil: Date): Promise<ClaimedStep | null> {
  const claim = { workerId, leaseUntil, queuedAt: null, attempts: { increment: 1 } };
  const check = await db.importJob.updateMany({
    where: { id, state: "UPLOADED", workerId: null },
    data: { ...claim, state: "CHECKING", progressRows: 0, progressPercent: null, message: null },
  });
  if (check.count === 1) return "check";
  const apply = await db.importJob.updateMany({ where: { id, state: "APPLYING", workerId: null }, data: claim });
  return apply.count === 1 ? "apply" : null;
}

interface ExpiredClaim {
  id: string;
  workerId: string | null;
  leaseUntil: Date | null;
}

/** The claim as it was read, unchanged since: a second process acting on the same expired claim finds it changed. */
const sameClaim = (job: ExpiredClaim, state: ImportJobState) => ({ id: job.id, state, workerId: job.workerId, leaseUntil: job.leaseUntil });

/** Takes over the check of a dead worker; false when someone else did (or the worker came back). */
export async function takeOverImportCheck(job: ExpiredClaim, workerId: string, leaseUntil: Date): Promise<boolean> {
  const { count } = await db.importJob.updateMany({
    where: sameClaim(job, "CHECKING"),
    data: { workerId, leaseUntil, attempts: { increment: 1 }, progressRows: 0, progressPercent: null },
  });
  return count === 1;
}

/**
 * Gives up a dead worker's job: FAILED with its French message. The dead worker's id stays, so that
 * an apply that was only slow, not dead, can still record what it really did (recordImportApplied).
 */
export async function failExpiredImportJob(job: ExpiredClaim & { state: string }, message: string): Promise<boolean> {
  const { count } = await db.importJob.updateMany({ where: sameClaim(job, job.state as ImportJobState), data: { state: "FAILED", message, leaseUntil: null } });
  return count === 1;
}

/** A running step's heartbeat (and, on PostgreSQL, its progress); false when the claim is no longer this worker's. */
export async function renewImportLease(id: string, workerId: string, leaseUntil: Date, progress?: { rows: number; percent: number | null }): Promise<boolean> {
  const { count } = await db.importJob.updateMany({
    where: { id, workerId, state: { in: ["CHECKING", "APPLYING"] } },
    data: { leaseUntil, ...(progress ? { progressRows: progress.rows, progressPercent: progress.percent } : {}) },
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

/** The dry run's outcome, if the claim is still `workerId`'s; false otherwise (taken over, abandoned). */
export async function recordImportCheck(id: string, workerId: string, report: ImportJobReport): Promise<boolean> {
  const { count } = await db.importJob.updateMany({
    where: { id, workerId, state: "CHECKING" },
    data: { state: "CHECKED", checkReport: JSON.stringify(report), progressRows: report.counts.read, progressPercent: 100, workerId: null, leaseUntil: null },
  });
  return count === 1;
}

/** The applied import: its run, its report, the audit entry — one transaction. */
export async function recordImportApplied(
  job: { id: string; organisationId: string | null; fileName: string; format: string },
  runId: string,
  report: ImportJobReport,
  actor: AuditActor,
  workerId: string,
): Promise<boolean> {
  const { counts } = report;
  return db.$transaction(async (tx) => {
    // FAILED too: a worker that was only slow finds its job given up, but its import did happen.
    const { count } = await tx.importJob.updateMany({
      where: { id: job.id, workerId, state: { in: ["APPLYING", "FAILED"] } },
      data: { state: "APPLIED", applyReport: JSON.stringify(report), importRunId: runId, progressRows: counts.read, progressPercent: 100, message: null, leaseUntil: null },
    });
    if (count === 0) return false;
    await recordAudit(tx, actor, {
      action: "import.apply",
      entityType: "import",
      entityId: job.id,
      organisationId: job.organisationId,
      summary: `Fichier ${job.fileName} importé (${report.sourceName}) : ${counts.read} lignes lues, ${counts.created} créées, ${counts.updated} modifiées, ${counts.rejected} rejetées, ${counts.withdrawn} retirées.`,
      after: { format: job.format, importRunId: runId, counts },
    });
    return true;
  });
}

/** The file was refused as a whole (REFUSED, its French reason) or the step failed (FAILED, a generic sentence): if still `workerId`'s. */
export async function recordImportStopped(id: string, workerId: string, state: "REFUSED" | "FAILED", message: string): Promise<boolean> {
  const { count } = await db.importJob.updateMany({ where: { id, workerId, state: { in: ["CHECKING", "APPLYING"] } }, data: { state, message, leaseUntil: null } });
  return count === 1;
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
