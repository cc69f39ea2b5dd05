/**
 * One claimed step of an uploaded file's job (lib/admin/import-queue.ts), run by `npm run worker`
 * or by the one-off process of IMPORT_RUNNER=spawn: "check" is a dry run (CHECKING→CHECKED),
 * "apply" the real import (APPLYING→APPLIED). A file refused as a whole ends REFUSED with its
 * reason; anything unexpected ends FAILED with a generic sentence, the details in the log. While it
 * runs the step renews its lease every quarter of IMPORT_LEASE_SECONDS (with its progress on
 * PostgreSQL; on SQLite progress.json is the heartbeat: see lib/admin/import-jobs.ts). Its outcome
 * is recorded only if the claim is still its own.
 */
import { deleteUploadedFile, leaseMs, progressInDatabase, uploadPath, writeJobProgressFile } from "@/lib/admin/import-jobs";
import type { ImportClaim } from "@/lib/admin/import-queue";
import {
  findUserEmail,
  getImportJob,
  recordImportApplied,
  recordImportCheck,
  recordImportStopped,
  renewImportLease,
  territoryOfImportJob,
  type ImportJobReport,
} from "@/lib/data/import-jobs";
import { ImportFileError } from "@/lib/import/errors";
import { runImport, type ImportResult } from "@/lib/import/run-import";
import { IMPORT_FORMATS, type ImportFormat, type ImportProgress } from "@/lib/import/types";

export const FAILED_MESSAGE = "Le traitement du fichier a échoué de façon inattendue. Réessayez ; si cela se reproduit, contactez l'équipe Fibre Pro.";

/** Keeps the claim alive and reports progress; `stop()` when the step ends. */
function startSignals(jobId: string, workerId: string, log: (message: string) => void) {
  const progress = { rows: 0, percent: null as number | null };
  const inDatabase = progressInDatabase();
  let lastWrite = 0;
  let isLost = false;
  const signal = () => {
    lastWrite = Date.now();
    if (!inDatabase) return writeJobProgressFile(jobId, { ...progress, at: lastWrite });
    renewImportLease(jobId, workerId, new Date(lastWrite + leaseMs()), progress).then(
      (isMine) => {
        if (!isMine && !isLost) log(`import job ${jobId}: the claim is no longer ${workerId}'s (taken over or abandoned)`);
        isLost ||= !isMine;
      },
      (error: unknown) => log(`import job ${jobId}: heartbeat failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
  signal();
  const heartbeat = setInterval(signal, leaseMs() / 4);
  return {
    onProgress({ rows, bytesRead, byteSize, isCompressed }: ImportProgress) {
      progress.rows = rows;
      progress.percent = isCompressed || byteSize === 0 ? null : Math.min(99, Math.round((bytesRead / byteSize) * 100));
      if (Date.now() - lastWrite >= 1_000) signal();
    },
    stop: () => clearInterval(heartbeat),
  };
}

export async function runImportJobStep(claim: ImportClaim, workerId: string, log: (message: string) => void = console.log): Promise<void> {
  const { jobId, step } = claim;
  const job = await getImportJob(jobId);
  if (!job) throw new Error(`No import job ${jobId}.`);
  if (job.workerId !== workerId) throw new Error(`Import job ${jobId} is not claimed by ${workerId}.`);
  // A job already applied is never applied twice.
  if (step === "apply" && (job.state !== "APPLYING" || job.importRunId !== null)) throw new Error(`Import job ${jobId} is ${job.state}: not applied.`);
  if (!IMPORT_FORMATS.includes(job.format as ImportFormat)) throw new Error(`Unknown format ${job.format}.`);

  const signals = startSignals(jobId, workerId, log);
  let isRecorded = true;
  try {
    const result = await runImport(job.format as ImportFormat, uploadPath(job.filePath), {
      sourceName: job.sourceName ?? undefined,
      dryRun: step === "check",
      triggeredBy: job.userId ?? job.userEmail,
      organisationId: job.organisationId ?? undefined,
      territory: await territoryOfImportJob(job),
      onProgress: signals.onProgress,
    });
    // A file whose every line is rejected is refused, as on the command line.
    if (result.refusal) throw new ImportFileError(result.refusal);
    const report = toJobReport(result);
    signals.stop();
    if (step === "check") {
      isRecorded = await recordImportCheck(jobId, workerId, report);
      return;
    }
    const appliedById = job.appliedById;
    const actor = (appliedById ? await findUserEmail(appliedById) : null) ?? { id: job.userId, email: job.userEmail };
    isRecorded = await recordImportApplied(job, result.runId!, report, actor, workerId);
    if (isRecorded) deleteUploadedFile(job.filePath);
  } catch (error) {
    signals.stop();
    if (error instanceof ImportFileError) {
      isRecorded = await recordImportStopped(jobId, workerId, "REFUSED", error.message);
      return;
    }
    console.error(error);
    isRecorded = await recordImportStopped(jobId, workerId, "FAILED", FAILED_MESSAGE);
  } finally {
    signals.stop();
    if (!isRecorded) log(`import job ${jobId}: ${step} finished, but the job is no longer ${workerId}'s: outcome not recorded`);
  }
}

function toJobReport(result: ImportResult): ImportJobReport {
  return {
    sourceName: result.sourceName,
    fileDate: result.fileDate?.toISOString() ?? null,
    encoding: result.encoding,
    reportsUnmatched: result.reportsUnmatched,
    counts: result.counts,
    rejected: result.rejected,
    unmatched: result.unmatched,
    notes: result.notes,
  };
}
