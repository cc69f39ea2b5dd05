/**
 * npm run worker [-- --once [--exports] [--imports]]
 *
 * Runs the admin uploads' checks and applies (claimed from the database, one at a time per worker,
 * beside the rounds below: lib/admin/import-queue.ts): every WORKER_POLL_SECONDS it takes over the
 * jobs of dead workers and claims the oldest waiting job. Sends the mails of the outbox (alert confirmations and digests, field report outcomes) through
 * SMTP_URL, or into MAIL_OUTBOX_DIR without it, and queues the alert digests:
 * - every WORKER_POLL_SECONDS (5): delivers what is due (retries with backoff);
 * - every ALERT_DIGEST_MINUTES (5): compares followed addresses and zones with their pages and
 *   queues one digest per person whose places changed;
 * - every EXPORT_PREPARE_MINUTES (10): writes again the exports per département whose data changed
 *   (change log) or that are older than EXPORT_MAX_AGE_HOURS (lib/data/prepared-exports.ts);
 * - every hour: deletes what the retention rules no longer allow to keep (change log: 90 days);
 * - on DATA_SYNC_CRON (unset: never): `npm run data:sync` of DATA_SYNC_DEPARTEMENTS, as a child
 *   process, one at a time.
 * Several workers may run at once, on several machines (each mail and each import job is claimed
 * by one). `--once` does one round of each (the exports per département only with `--exports`, the
 * import jobs waiting — until none is left — only with `--imports`) and exits (cron, tests).
 * SIGINT/SIGTERM: finishes the mail, the person's digest or the import step in hand, then exits
 * without starting another. The worker runs at IMPORT_NICE: it is batch work.
 */
import "@/lib/cli/load-env";
import { runImportJobStep } from "@/lib/admin/import-job-runner";
import { claimImportJob } from "@/lib/admin/import-queue";
import { missingSharedSecret } from "@/lib/auth/secret-policy";
import { boundImportHeapGrowth } from "@/lib/cli/import-heap";
import { lowerImportPriority } from "@/lib/cli/import-priority";
import { runCli } from "@/lib/cli/run";
import { purgeAlertSubscriptions, sendAlertDigests } from "@/lib/data/alerts";
import { purgeChanges } from "@/lib/data/changes";
import { prepareDueExports } from "@/lib/data/prepared-exports";
import { env } from "@/lib/env";
import { sendMail } from "@/lib/mail/mailer";
import { defaultWorkerId, deliverDueMails, purgeOutbox } from "@/lib/mail/outbox";
import { ScheduledSync } from "@/lib/sync/scheduled-sync";

const workerId = defaultWorkerId();
let stopping = false;
/** The sleeps in progress (the main rounds', the imports'): a signal ends them all. */
const wakers = new Set<() => void>();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopping = true;
    for (const waker of wakers) waker();
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => {
  const done = () => {
    clearTimeout(timer);
    wakers.delete(done);
    resolve();
  };
  const timer = setTimeout(done, ms);
  wakers.add(done);
});

function log(message: string) {
  console.log(`${new Date().toISOString()} worker ${workerId}: ${message}`);
}

async function digestRound() {
  const digests = await sendAlertDigests(new Date(), { shouldStop: () => stopping });
  if (digests.digests || digests.skipped) log(`alerts: ${digests.checked} checked, ${digests.digests} digests queued, ${digests.skipped} left to another worker`);
}

async function deliveryRound() {
  const counts = await deliverDueMails({ send: sendMail, workerId, shouldStop: () => stopping });
  if (counts.sent || counts.retried || counts.failed) log(`mails: ${counts.sent} sent, ${counts.retried} to retry, ${counts.failed} given up`);
}

async function exportRound() {
  const prepared = await prepareDueExports(new Date(), { shouldStop: () => stopping });
  if (prepared.length) log(`exports: départements ${prepared.join(", ")} prepared`);
}

/** Claims and runs import steps until none is waiting; true when it ran one. */
async function importRound(): Promise<boolean> {
  let ran = false;
  while (!stopping) {
    const claim = await claimImportJob(workerId, { log });
    if (!claim) break;
    log(`import job ${claim.jobId}: ${claim.step} started`);
    await runImportJobStep(claim, workerId, log);
    log(`import job ${claim.jobId}: ${claim.step} done`);
    ran = true;
  }
  return ran;
}

/** Import steps take minutes: their own loop, so that mails and digests go on meanwhile. */
async function importLoop(): Promise<void> {
  while (!stopping) {
    try {
      await importRound();
    } catch (error) {
      log(`import round failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!stopping) await sleep(env.WORKER_POLL_SECONDS * 1000);
  }
}

async function purgeRound() {
  const [subscriptions, mails, changes] = await Promise.all([purgeAlertSubscriptions(), purgeOutbox(), purgeChanges()]);
  if (subscriptions || mails || changes) log(`retention: ${subscriptions} subscriptions, ${mails} old mails and ${changes} old change log entries deleted`);
}

function scheduledSync(): ScheduledSync | null {
  if (!env.DATA_SYNC_CRON) return null;
  if (env.DATA_SYNC_DEPARTEMENTS.length === 0) {
    log("DATA_SYNC_CRON is set but DATA_SYNC_DEPARTEMENTS is empty: no data:sync");
    return null;
  }
  const sync = new ScheduledSync({ cron: env.DATA_SYNC_CRON, departements: env.DATA_SYNC_DEPARTEMENTS, log });
  log(`data:sync of ${env.DATA_SYNC_DEPARTEMENTS.join(", ")} on "${env.DATA_SYNC_CRON}" (UTC); next at ${sync.nextRun?.toISOString() ?? "never"}`);
  return sync;
}

runCli(async () => {
  const isOnce = process.argv.includes("--once");
  const unknown = process.argv.slice(2).filter((arg) => !["--once", "--exports", "--imports"].includes(arg));
  if (unknown.length) {
    console.error("usage: npm run worker [-- --once [--exports] [--imports]]");
    process.exit(2);
  }
  // The worker signs alert links that the web servers check: the same key everywhere.
  const missingSecret = missingSharedSecret(env);
  if (missingSecret) {
    console.error(missingSecret);
    process.exit(1);
  }
  lowerImportPriority();
  boundImportHeapGrowth();
  if (isOnce) {
    if (process.argv.includes("--imports")) await importRound();
    await digestRound();
    await deliveryRound();
    // Writing every département's files takes minutes on a real database: only when asked (cron).
    if (process.argv.includes("--exports")) await exportRound();
    await purgeRound();
    return;
  }
  log(`started (${env.SMTP_URL ? "SMTP" : `outbox folder ${env.MAIL_OUTBOX_DIR}`}); digests every ${env.ALERT_DIGEST_MINUTES} min`);
  const dataSync = scheduledSync();
  let nextDigest = 0;
  let nextPurge = 0;
  let nextExport = 0;
  const imports = importLoop();
  while (!stopping) {
    try {
      dataSync?.tick();
      if (Date.now() >= nextDigest) {
        await digestRound();
        nextDigest = Date.now() + env.ALERT_DIGEST_MINUTES * 60_000;
      }
      if (!stopping) await deliveryRound();
      if (!stopping && Date.now() >= nextExport) {
        await exportRound();
        nextExport = Date.now() + env.EXPORT_PREPARE_MINUTES * 60_000;
      }
      if (!stopping && Date.now() >= nextPurge) {
        await purgeRound();
        nextPurge = Date.now() + 3600_000;
      }
    } catch (error) {
      // A database hiccup must not stop the worker: said, then tried again next round.
      log(`round failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!stopping) await sleep(env.WORKER_POLL_SECONDS * 1000);
  }
  await imports;
  if (dataSync?.isRunning) log("waiting for data:sync to stop");
  await dataSync?.stop();
  log("stopped");
});
