/**
 * tsx --conditions=react-server scripts/import-job.ts <jobId>
 *
 * The one-off process IMPORT_RUNNER=spawn starts for an admin upload (lib/admin/import-jobs.ts):
 * claims that job from the database with the worker's code (lib/admin/import-queue.ts) — its check,
 * or its apply once « Appliquer » was clicked — runs the step and exits. A job another process
 * claimed first (a running `npm run worker`) is left to it.
 */
import "@/lib/cli/load-env";
import { runImportJobStep } from "@/lib/admin/import-job-runner";
import { claimImportJob } from "@/lib/admin/import-queue";
import { boundImportHeapGrowth } from "@/lib/cli/import-heap";
import { lowerImportPriority } from "@/lib/cli/import-priority";
import { runCli } from "@/lib/cli/run";
import { defaultWorkerId } from "@/lib/mail/outbox";

const log = (message: string) => console.log(`${new Date().toISOString()} ${message}`);

runCli(async () => {
  lowerImportPriority();
  boundImportHeapGrowth();
  const [jobId, ...rest] = process.argv.slice(2);
  if (!jobId || rest.length) {
    console.error("usage: scripts/import-job.ts <jobId>");
    process.exit(2);
  }
  const workerId = defaultWorkerId();
  const claim = await claimImportJob(workerId, { jobId, log });
  if (!claim) {
    log(`${jobId}: not waiting (another process took it, or it is done): nothing to do`);
    return;
  }
  log(`${claim.step} ${jobId}: started by ${workerId}`);
  await runImportJobStep(claim, workerId, log);
  log(`${claim.step} ${jobId}: done`);
});
