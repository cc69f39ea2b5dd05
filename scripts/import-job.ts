/**
 * tsx --conditions=react-server scripts/import-job.ts <jobId> <check|apply> [userId]
 *
 * The background worker of an admin upload, started detached by the server
 * (lib/admin/import-jobs.ts): runs one step of the job and records its outcome in the ImportJob row.
 */
import "@/lib/cli/load-env";
import { runImportJobStep } from "@/lib/admin/import-job-runner";
import { runCli } from "@/lib/cli/run";
import { lowerImportPriority } from "@/lib/cli/import-priority";

runCli(async () => {
  lowerImportPriority();
  const [jobId, step, userId] = process.argv.slice(2);
  if (!jobId || (step !== "check" && step !== "apply")) {
    console.error("usage: scripts/import-job.ts <jobId> <check|apply> [userId]");
    process.exit(2);
  }
  console.log(`${new Date().toISOString()} ${step} ${jobId}: started`);
  await runImportJobStep(jobId, step, userId);
  console.log(`${new Date().toISOString()} ${step} ${jobId}: done`);
});
