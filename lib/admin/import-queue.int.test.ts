import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runImportJobStep } from "@/lib/admin/import-job-runner";
import { jobFolder, jobLiveness, jobProgress, leaseMs, progressInDatabase, writeJobProgressFile } from "@/lib/admin/import-jobs";
import { APPLY_INTERRUPTED_MESSAGE, CHECK_GIVEN_UP_MESSAGE, claimImportJob, MAX_CHECK_ATTEMPTS } from "@/lib/admin/import-queue";
import { db } from "@/lib/db/client";
import { createImportJob, getImportJob, queueImportApply, recordImportApplied, renewImportLease } from "@/lib/data/import-jobs";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { IPE_HEADER, ipeLine, writeImportFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";

const jobIds: string[] = [];
let uploader: { id: string; email: string };
const quiet = () => {};
/** A moment when every claim taken "now" has run out. */
const afterLease = () => new Date(Date.now() + leaseMs() + 1_000);

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  uploader = await db.user.create({ data: { email: "admin@queue.test", passwordHash: "-", role: "ADMIN" }, select: { id: true, email: true } });
});

afterAll(() => {
  for (const id of jobIds) fs.rmSync(jobFolder(id), { recursive: true, force: true });
});

async function waitingJob(lines = 3) {
  const id = crypto.randomUUID();
  const rows = Array.from({ length: lines }, (_, index) => ipeLine({ id: `IMB/Q${index}`, numero: String(index + 1), nomVoie: "AVENUE D ALSACE LORRAINE" }));
  const filePath = writeImportFile(`LIAIN_01_SIEA_PM_IPEZMD_V20_20261201_${id.slice(0, 8)}.csv`, [IPE_HEADER, ...rows]);
  jobIds.push(id);
  await createImportJob({ id, organisationId: null, format: "ipe", sourceName: null, fileName: path.basename(filePath), filePath, byteSize: fs.statSync(filePath).size }, uploader);
  return id;
}

async function checkedJob(lines = 3) {
  const id = await waitingJob(lines);
  const claim = await claimImportJob("checker", { jobId: id });
  await runImportJobStep(claim!, "checker", quiet);
  expect((await getImportJob(id))?.state).toBe("CHECKED");
  return id;
}

describe("claiming import jobs", () => {
  it("gives a job to one of two workers racing for it, and each of several jobs to one worker", async () => {
    const id = await waitingJob();
    const claims = await Promise.all([claimImportJob("worker-a", { jobId: id }), claimImportJob("worker-b", { jobId: id })]);
    expect(claims.filter(Boolean)).toEqual([{ jobId: id, step: "check" }]);
    const job = await getImportJob(id);
    expect(job).toMatchObject({ state: "CHECKING", attempts: 1, queuedAt: null });
    expect(["worker-a", "worker-b"]).toContain(job?.workerId);
    expect(job!.leaseUntil!.getTime()).toBeGreaterThan(Date.now());

    const others = await Promise.all([waitingJob(), waitingJob(), waitingJob()]);
    const won = await Promise.all(["w1", "w2", "w3", "w4"].flatMap((worker) => [claimImportJob(worker), claimImportJob(worker)]));
    const claimed = won.filter((claim) => claim !== null).map((claim) => claim!.jobId);
    expect(claimed.sort()).toEqual([...others].sort());
  });

  it("keeps a claim alive with heartbeats carrying the progress, and only its own worker's", async () => {
    const id = await waitingJob();
    await claimImportJob("worker-a", { jobId: id });
    const later = new Date(Date.now() + 5 * leaseMs());
    expect(await renewImportLease(id, "worker-b", later, { rows: 1, percent: 1 })).toBe(false);
    expect(await renewImportLease(id, "worker-a", later, { rows: 42, percent: 50 })).toBe(true);
    const job = (await getImportJob(id))!;
    expect(job.leaseUntil?.getTime()).toBe(later.getTime());
    if (progressInDatabase()) {
      // PostgreSQL: any web server reads the progress from the row.
      expect(jobProgress(job)).toMatchObject({ rows: 42, percent: 50 });
    } else {
      // SQLite: the import holds the write lock, so the running step writes progress.json instead.
      writeJobProgressFile(id, { rows: 7, percent: 3, at: Date.now() });
      expect(jobProgress(job)).toMatchObject({ rows: 7, percent: 3 });
    }
    expect(jobLiveness(job, jobProgress(job))).toBe("running");
    // Nobody takes over a job whose lease is alive.
    expect(await claimImportJob("worker-b", { jobId: id })).toBeNull();
  });

  it("takes over the check of a dead worker; the dead worker's late outcome is not recorded", async () => {
    const id = await waitingJob();
    await claimImportJob("worker-a", { jobId: id });
    const job = (await getImportJob(id))!;
    expect(jobLiveness(job, jobProgress(job), afterLease().getTime())).toBe("dead");

    const takeover = await claimImportJob("worker-b", { jobId: id, now: afterLease(), log: quiet });
    expect(takeover).toEqual({ jobId: id, step: "check", tookOverFrom: "worker-a" });
    expect(await getImportJob(id)).toMatchObject({ state: "CHECKING", workerId: "worker-b", attempts: 2 });
    // The first worker was only slow: it finishes, and finds the job no longer its own.
    await runImportJobStep({ jobId: id, step: "check" }, "worker-a", quiet).catch((error: Error) => expect(error.message).toMatch(/not claimed/));
    await runImportJobStep(takeover!, "worker-b", quiet);
    expect(await getImportJob(id)).toMatchObject({ state: "CHECKED", workerId: null });
  });

  it(`gives up a check whose workers died ${MAX_CHECK_ATTEMPTS} times`, async () => {
    const id = await waitingJob();
    let now = new Date();
    await claimImportJob("worker-0", { jobId: id, now });
    for (let attempt = 1; attempt < MAX_CHECK_ATTEMPTS; attempt++) {
      now = new Date(now.getTime() + leaseMs() + 1_000);
      expect(await claimImportJob(`worker-${attempt}`, { jobId: id, now, log: quiet })).toMatchObject({ step: "check" });
    }
    now = new Date(now.getTime() + leaseMs() + 1_000);
    expect(await claimImportJob("worker-last", { jobId: id, now, log: quiet })).toBeNull();
    expect(await getImportJob(id)).toMatchObject({ state: "FAILED", message: CHECK_GIVEN_UP_MESSAGE, attempts: MAX_CHECK_ATTEMPTS });
  });

  it("never applies twice: a dead worker's apply ends FAILED with what to do, and a slow one still records what it did", async () => {
    const id = await checkedJob();
    expect(await queueImportApply(id, uploader.id)).toBe(true);
    expect(await claimImportJob("worker-a", { jobId: id })).toEqual({ jobId: id, step: "apply" });
    expect(await claimImportJob("worker-b", { jobId: id, now: afterLease(), log: quiet })).toBeNull();
    const failed = (await getImportJob(id))!;
    expect(failed).toMatchObject({ state: "FAILED", message: APPLY_INTERRUPTED_MESSAGE, workerId: "worker-a" });

    // worker-a was frozen, not dead: its import committed, so the job says APPLIED, not FAILED.
    const report = JSON.parse(failed.checkReport!);
    expect(await recordImportApplied(failed, "run-of-worker-a", report, uploader, "worker-b")).toBe(false);
    expect(await recordImportApplied(failed, "run-of-worker-a", report, uploader, "worker-a")).toBe(true);
    expect(await getImportJob(id)).toMatchObject({ state: "APPLIED", importRunId: "run-of-worker-a", message: null });
  });

  it("counts progress.json as a sign of life on SQLite only (its heartbeat cannot reach the locked database)", async () => {
    const id = await waitingJob();
    await claimImportJob("worker-a", { jobId: id });
    const now = afterLease();
    writeJobProgressFile(id, { rows: 10, percent: 20, at: now.getTime() - 1_000 });
    const claim = await claimImportJob("worker-b", { jobId: id, now, log: quiet });
    if (progressInDatabase()) {
      // PostgreSQL: the row is the only sign of life, the file is nobody's (another machine may hold the job).
      expect(claim).toMatchObject({ step: "check", tookOverFrom: "worker-a" });
    } else {
      expect(claim).toBeNull();
      expect((await getImportJob(id))?.workerId).toBe("worker-a");
    }
  });
});

type Job = NonNullable<Awaited<ReturnType<typeof getImportJob>>>;
const holdsClaim = (job: Job) => !!job.workerId && ["CHECKING", "APPLYING"].includes(job.state);

/** `scripts/import-job.ts <id>` as IMPORT_RUNNER=spawn starts it, SIGKILLed once it holds the claim and `until` holds. */
async function killAfterClaim(id: string, until: (job: Job) => boolean = holdsClaim): Promise<string> {
  // As startImportRunner starts it: node with tsx's loader, one process (the tsx command would leave its child running).
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/import-job.ts", id], {
    env: { ...process.env, IMPORT_NICE: "0" },
    stdio: "ignore",
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  try {
    for (;;) {
      const job = await getImportJob(id);
      if (job && holdsClaim(job) && until(job)) {
        child.kill("SIGKILL");
        return job.workerId!;
      }
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the import process never held job ${id} (state ${job?.state})`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
    await exited;
  }
}

describe("a killed import process", () => {
  it("leaves its check to the next worker, which takes it over and finishes it", async () => {
    const id = await waitingJob(20_000);
    // Killed once its progress shows here, another process (the row on PostgreSQL, progress.json on SQLite).
    const dead = await killAfterClaim(id, (job) => (jobProgress(job)?.rows ?? 0) > 0);
    const killed = (await getImportJob(id))!;
    expect(killed).toMatchObject({ state: "CHECKING", workerId: dead });
    expect(jobProgress(killed)!.rows).toBeGreaterThan(0);
    expect(jobProgress(killed)!.rows).toBeLessThan(20_000);
    const takeover = await claimImportJob("worker-b", { jobId: id, now: afterLease(), log: quiet });
    expect(takeover).toEqual({ jobId: id, step: "check", tookOverFrom: dead });
    await runImportJobStep(takeover!, "worker-b", quiet);
    const job = (await getImportJob(id))!;
    expect(job.state).toBe("CHECKED");
    expect(JSON.parse(job.checkReport!).counts).toMatchObject({ read: 20_000 });
  });

  it("leaves its apply FAILED, with nothing imported", async () => {
    const id = await checkedJob(20_000);
    const before = await db.importRun.count({ where: { isDryRun: false } });
    expect(await queueImportApply(id, uploader.id)).toBe(true);
    const dead = await killAfterClaim(id);
    expect(await claimImportJob("worker-b", { jobId: id, now: afterLease(), log: quiet })).toBeNull();
    expect(await getImportJob(id)).toMatchObject({ state: "FAILED", message: APPLY_INTERRUPTED_MESSAGE, workerId: dead, importRunId: null });
    expect(await db.importRun.count({ where: { isDryRun: false, status: "SUCCEEDED" } })).toBe(before);
  });
});
