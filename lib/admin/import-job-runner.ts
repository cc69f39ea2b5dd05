/**
 * One step of an uploaded file's job, run by the background worker (scripts/import-job.ts):
 * "check" is a dry run (UPLOADED→CHECKING→CHECKED), "apply" the real import of a job the apply
 * action moved to APPLYING (→APPLIED). A file refused as a whole ends REFUSED with its reason;
 * anything unexpected ends FAILED with a generic sentence, the details in the job's log.
 */
import { deleteUploadedFile, writeJobProgress, type ImportStep } from "@/lib/admin/import-jobs";
import {
  findUserEmail,
  getImportJob,
  moveImportJob,
  recordImportApplied,
  recordImportCheck,
  recordImportStopped,
  territoryOfImportJob,
  type ImportJobReport,
} from "@/lib/data/import-jobs";
import { ImportFileError } from "@/lib/import/errors";
import { runImport, type ImportResult } from "@/lib/import/run-import";
import { IMPORT_FORMATS, type ImportFormat, type ImportProgress } from "@/lib/import/types";

export const FAILED_MESSAGE = "Le traitement du fichier a échoué de façon inattendue. Réessayez ; si cela se reproduit, contactez l'équipe Fibre Pro.";
const HEARTBEAT_MS = 15_000;

export async function runImportJobStep(jobId: string, step: ImportStep, appliedById?: string): Promise<void> {
  const job = await getImportJob(jobId);
  if (!job) throw new Error(`No import job ${jobId}.`);
  if (step === "check" && !(await moveImportJob(jobId, ["UPLOADED"], "CHECKING"))) {
    throw new Error(`Import job ${jobId} is ${job.state}, not UPLOADED: not checked again.`);
  }
  // The apply action moved the job CHECKED→APPLYING once; a job already applied is never applied twice.
  if (step === "apply" && (job.state !== "APPLYING" || job.importRunId !== null)) {
    throw new Error(`Import job ${jobId} is ${job.state}: not applied.`);
  }
  if (!IMPORT_FORMATS.includes(job.format as ImportFormat)) throw new Error(`Unknown format ${job.format}.`);

  let lastWrite = 0;
  const progress = { rows: 0, percent: null as number | null };
  const signal = () => writeJobProgress(jobId, { ...progress, at: Date.now() });
  signal();
  const heartbeat = setInterval(signal, HEARTBEAT_MS);
  const onProgress = ({ rows, bytesRead, byteSize, isCompressed }: ImportProgress) => {
    progress.rows = rows;
    progress.percent = isCompressed || byteSize === 0 ? null : Math.min(99, Math.round((bytesRead / byteSize) * 100));
    if (Date.now() - lastWrite < 1_000) return;
    lastWrite = Date.now();
    signal();
  };

  try {
    const result = await runImport(job.format as ImportFormat, job.filePath, {
      sourceName: job.sourceName ?? undefined,
      dryRun: step === "check",
      triggeredBy: job.userId ?? job.userEmail,
      organisationId: job.organisationId ?? undefined,
      territory: await territoryOfImportJob(job),
      onProgress,
    });
    // A file whose every line is rejected is refused, as on the command line.
    if (result.refusal) throw new ImportFileError(result.refusal);
    const report = toJobReport(result);
    if (step === "check") {
      await recordImportCheck(jobId, report);
      return;
    }
    const actor = (appliedById ? await findUserEmail(appliedById) : null) ?? { id: job.userId, email: job.userEmail };
    await recordImportApplied(job, result.runId!, report, actor);
    deleteUploadedFile(job.filePath);
  } catch (error) {
    if (error instanceof ImportFileError) {
      await recordImportStopped(jobId, "REFUSED", error.message);
      return;
    }
    console.error(error);
    await recordImportStopped(jobId, "FAILED", FAILED_MESSAGE);
  } finally {
    clearInterval(heartbeat);
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
