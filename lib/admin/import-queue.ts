/**
 * Claiming admin import jobs from the database: the code `npm run worker` runs in its loop and the
 * one-off process of IMPORT_RUNNER=spawn runs for its job (scripts/import-job.ts), so that several
 * workers and spawned processes, on any machine, never run one step twice.
 *
 * A claim first looks at running jobs whose lease ran out (their process died: killed, out of
 * memory, machine lost):
 * - a check is a dry run (one transaction, rolled back): it is taken over and run again from the
 *   start, at most MAX_CHECK_ATTEMPTS times, then given up (a file that kills its worker every time);
 * - an apply is never run twice: it is marked FAILED with what to do. The import is one transaction,
 *   so a process that died in it changed nothing — but one that died between the import's commit and
 *   the job's APPLIED, or one only frozen past its lease (it may still commit), cannot be told apart
 *   from the row; re-running would import the file twice. A slow worker that does finish still
 *   records APPLIED over that FAILED (recordImportApplied keeps the truth).
 * Then it claims the oldest waiting job. Every step is a compare-and-set (lib/data/import-jobs.ts).
 */
import { jobLiveness, leaseMs, progressInDatabase, readJobProgressFile, type ImportStep } from "@/lib/admin/import-jobs";
import {
  claimWaitingImportJob,
  failExpiredImportJob,
  listExpiredImportJobs,
  listWaitingImportJobs,
  takeOverImportCheck,
} from "@/lib/data/import-jobs";

export const MAX_CHECK_ATTEMPTS = 3;
export const APPLY_INTERRUPTED_MESSAGE =
  "Le processus qui appliquait cet import s'est arrêté avant d'en enregistrer le résultat. Un import se fait d'un seul bloc : s'il n'a pas abouti, rien n'a été modifié. Regardez la page publique d'une commune concernée : si les données du fichier n'y sont pas, abandonnez cet import et chargez le fichier à nouveau.";
export const CHECK_GIVEN_UP_MESSAGE =
  "La vérification du fichier s'est interrompue à chaque essai (le processus qui la menait s'est arrêté). Vérifiez que le fichier est complet et dans le bon format ; si cela se reproduit, contactez l'équipe Fibre Pro.";

export interface ImportClaim {
  jobId: string;
  step: ImportStep;
  /** Set when a dead worker's check was taken over. */
  tookOverFrom?: string;
}

export interface ClaimOptions {
  /** Only this job (the spawned process); else any. */
  jobId?: string;
  now?: Date;
  log?: (message: string) => void;
}

/** On SQLite, progress.json also says a worker is alive (its heartbeat cannot reach the locked database). */
function isReallyDead(job: { id: string; state: string; workerId: string | null; leaseUntil: Date | null }, now: Date): boolean {
  if (progressInDatabase()) return true;
  const row = { ...job, queuedAt: null, updatedAt: now, progressRows: 0, progressPercent: null };
  return jobLiveness(row, readJobProgressFile(job.id), now.getTime()) === "dead";
}

/** Deals with dead workers' jobs, then claims one job for `workerId`: null when there is nothing to do. */
export async function claimImportJob(workerId: string, { jobId, now = new Date(), log = () => {} }: ClaimOptions = {}): Promise<ImportClaim | null> {
  const leaseUntil = new Date(now.getTime() + leaseMs());
  for (const job of await listExpiredImportJobs(now, jobId)) {
    if (!isReallyDead(job, now)) continue;
    if (job.state === "APPLYING" || job.attempts >= MAX_CHECK_ATTEMPTS) {
      const message = job.state === "APPLYING" ? APPLY_INTERRUPTED_MESSAGE : CHECK_GIVEN_UP_MESSAGE;
      if (await failExpiredImportJob(job, message)) log(`import job ${job.id}: ${job.state} by ${job.workerId} stopped giving signs of life: FAILED`);
      continue;
    }
    if (await takeOverImportCheck(job, workerId, leaseUntil)) {
      log(`import job ${job.id}: check of ${job.workerId} taken over (lease ended ${job.leaseUntil?.toISOString()})`);
      return { jobId: job.id, step: "check", tookOverFrom: job.workerId ?? undefined };
    }
  }
  for (const job of await listWaitingImportJobs(jobId)) {
    const step = await claimWaitingImportJob(job.id, workerId, leaseUntil);
    if (step) return { jobId: job.id, step };
  }
  return null;
}
