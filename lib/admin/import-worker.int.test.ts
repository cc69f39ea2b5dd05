/**
 * IMPORT_RUNNER=worker end to end below the browser: the web server only records the upload (the
 * job waits in the database), a real `npm run worker` process — another process, as it would be on
 * another machine — claims the check, then the apply once « Appliquer » queued it, and stops cleanly
 * on SIGTERM.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobFolder, jobLiveness, jobProgress } from "@/lib/admin/import-jobs";
import { db } from "@/lib/db/client";
import { createImportJob, getImportJob, queueImportApply } from "@/lib/data/import-jobs";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { BAN_HEADER, banLine, writeImportFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "fibre-pro-worker-test-"));
const jobIds: string[] = [];
let worker: ChildProcess | undefined;
let output = "";

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
});

afterAll(() => {
  if (worker && worker.exitCode === null) worker.kill("SIGKILL");
  for (const id of jobIds) fs.rmSync(jobFolder(id), { recursive: true, force: true });
  fs.rmSync(scratch, { recursive: true, force: true });
});

function startWorker(): Promise<number | null> {
  worker = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
    env: {
      ...process.env,
      WORKER_POLL_SECONDS: "1",
      IMPORT_NICE: "0",
      NEXTAUTH_SECRET: "worker-test-secret-0123456789",
      SMTP_URL: "",
      MAIL_OUTBOX_DIR: path.join(scratch, "outbox"),
      EXPORTS_DIR: path.join(scratch, "exports"),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  worker.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  worker.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => worker!.once("exit", (code) => resolve(code)));
}

async function until<T>(what: string, read: () => Promise<T>, isDone: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (isDone(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)}; worker said:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("npm run worker with IMPORT_RUNNER=worker", () => {
  it("checks and applies an upload it did not take, then stops on SIGTERM", async () => {
    const uploader = await db.user.create({ data: { email: "admin@worker.test", passwordHash: "-", role: "ADMIN" }, select: { id: true, email: true } });
    const filePath = writeImportFile("adresses-worker.csv", [
      BAN_HEADER,
      banLine({ id: "01053_0150_00012", numero: "12", lon: "5.2256", lat: "46.2046" }),
      banLine({ id: "01053_0150_00014", numero: "14", lon: "5.2260", lat: "46.2049" }),
    ]);
    const id = crypto.randomUUID();
    jobIds.push(id);
    await createImportJob({ id, organisationId: null, format: "ban", sourceName: null, fileName: "adresses-worker.csv", filePath, byteSize: fs.statSync(filePath).size }, uploader);
    const waiting = (await getImportJob(id))!;
    expect(jobLiveness(waiting, jobProgress(waiting))).toBe("waiting");

    const exited = startWorker();
    const checked = await until("check", () => getImportJob(id), (job) => job?.state !== "UPLOADED" && job?.state !== "CHECKING");
    expect(checked).toMatchObject({ state: "CHECKED", workerId: null });
    expect(JSON.parse(checked!.checkReport!).counts).toMatchObject({ read: 2, created: 2 });
    expect(await db.address.count()).toBe(0);

    expect(await queueImportApply(id, uploader.id)).toBe(true);
    const applied = await until("apply", () => getImportJob(id), (job) => job?.state !== "APPLYING");
    expect(applied).toMatchObject({ state: "APPLIED", message: null });
    expect(await db.address.count()).toBe(2);
    expect(fs.existsSync(filePath)).toBe(false);
    expect(await db.auditEntry.count({ where: { action: "import.apply", entityId: id, actorId: uploader.id } })).toBe(1);
    expect(output).toMatch(new RegExp(`import job ${id}: check started`));
    expect(output).toMatch(new RegExp(`import job ${id}: apply done`));

    worker!.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toMatch(/stopped/);
  });

  it("is refused a start on PostgreSQL without NEXTAUTH_SECRET, and says why", async () => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts", "--once"], {
      env: { ...process.env, DATABASE_URL: "postgresql://nobody:nothing@127.0.0.1:1/none", NEXTAUTH_SECRET: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let said = "";
    child.stderr!.on("data", (chunk: Buffer) => (said += chunk.toString()));
    const code = await new Promise((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
    expect(said).toMatch(/NEXTAUTH_SECRET is required with PostgreSQL/);
  });
});
