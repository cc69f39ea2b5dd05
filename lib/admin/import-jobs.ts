/**
 * Where an uploaded file and its job's traces live (UPLOAD_DIR/<jobId>/), who runs a job
 * (IMPORT_RUNNER), and how a running job shows it is alive and how far it got.
 *
 * Signs of life: the claim's `leaseUntil` in the ImportJob row, pushed forward by the running step.
 * On PostgreSQL the progress goes to the row too, so any web server shows it. On SQLite the
 * import's transaction holds the database's write lock for the whole run: no other write, the
 * heartbeat included, can land until it ends. There the running step writes progress.json in the
 * job folder instead (at most once a second, plus a heartbeat), and that file's time also counts as
 * a sign of life — SQLite is one machine, so every process sees that folder.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { databaseProvider } from "@/lib/db/provider";
import { env } from "@/lib/env";

export type ImportStep = "check" | "apply";

/** A job waiting this long for a worker is said to be waiting for nobody (no worker running?). */
export const UNCLAIMED_AFTER_MS = 60 * 1000;
const RUNNING_STATES = new Set(["CHECKING", "APPLYING"]);

export const leaseMs = () => env.IMPORT_LEASE_SECONDS * 1000;
export const progressInDatabase = () => databaseProvider(env.DATABASE_URL) === "postgresql";

export function jobFolder(jobId: string): string {
  return path.resolve(env.UPLOAD_DIR, jobId);
}

/** The job's file path as stored: relative to UPLOAD_DIR, so that a worker mounting the shared folder elsewhere finds it. */
export function storedUploadPath(jobId: string, fileName: string): string {
  return path.posix.join(jobId, fileName);
}

/** The stored path on this machine (jobs from before the shared folder kept an absolute path). */
export function uploadPath(storedPath: string): string {
  return path.isAbsolute(storedPath) ? storedPath : path.resolve(env.UPLOAD_DIR, storedPath);
}

/** "Mon fichier (2).csv" → "Mon_fichier_2_.csv": letters, digits, dot, dash, underscore; never a path. */
export function safeFileName(name: string): string {
  const base = path.basename(name.replace(/\\/g, "/")).normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  const cleaned = base.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[._]+/, "").slice(-120);
  return cleaned || "fichier";
}

/**
 * The job waits in the database for a worker; with IMPORT_RUNNER=spawn this server also starts
 * `scripts/import-job.ts <jobId>` detached (its output in the job folder), which claims the job with
 * the worker's own code — whichever claims first runs it. The server never waits for it.
 */
export function startImportRunner(jobId: string, step: ImportStep): void {
  if (env.IMPORT_RUNNER !== "spawn") return;
  const folder = jobFolder(jobId);
  fs.mkdirSync(folder, { recursive: true });
  const log = fs.openSync(path.join(folder, `${step}.log`), "a");
  try {
    // node itself with tsx's loader, not the tsx command (which runs the script in a second node
    // process): one process, whose pid is the one that dies if it is killed.
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/import-job.ts", jobId],
      { cwd: process.cwd(), env: process.env, detached: true, stdio: ["ignore", log, log] },
    );
    // A process that cannot start leaves the job waiting: its page says nobody took it after a minute.
    child.on("error", (error) => console.error(`import runner ${jobId} ${step}:`, error));
    child.unref();
  } finally {
    fs.closeSync(log);
  }
}

export interface JobProgress {
  rows: number;
  /** null for compressed files (their size on disk says nothing of the text read). */
  percent: number | null;
  /** Epoch milliseconds of the last sign of life. */
  at: number;
}

const progressFile = (jobId: string) => path.join(jobFolder(jobId), "progress.json");

/** SQLite only (see above). Best effort: a progress file that cannot be written never stops the import. */
export function writeJobProgressFile(jobId: string, progress: JobProgress): void {
  const file = progressFile(jobId);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(progress));
    fs.renameSync(`${file}.tmp`, file);
  } catch (error) {
    console.error(`progress of import job ${jobId}:`, error);
  }
}

export function readJobProgressFile(jobId: string): JobProgress | null {
  try {
    return JSON.parse(fs.readFileSync(progressFile(jobId), "utf8")) as JobProgress;
  } catch {
    return null;
  }
}

interface JobClaim {
  id: string;
  state: string;
  workerId: string | null;
  leaseUntil: Date | null;
  queuedAt: Date | null;
  updatedAt: Date;
  progressRows: number;
  progressPercent: number | null;
}

/** How far a running job got: the row on PostgreSQL, progress.json on SQLite. */
export function jobProgress(job: JobClaim): JobProgress | null {
  if (!RUNNING_STATES.has(job.state) || !job.workerId) return null;
  if (progressInDatabase()) return { rows: job.progressRows, percent: job.progressPercent, at: job.leaseUntil ? job.leaseUntil.getTime() - leaseMs() : 0 };
  return readJobProgressFile(job.id);
}

/**
 * - waiting: no process took it yet (UPLOADED, or APPLYING not claimed); unclaimed: so for over a minute;
 * - running: claimed, lease alive; dead: claimed, no sign of life within a lease (its process died);
 * - null: not running (CHECKED, APPLIED, REFUSED, FAILED, CANCELLED).
 */
export type JobLiveness = "waiting" | "unclaimed" | "running" | "dead" | null;

export function jobLiveness(job: JobClaim, progress: JobProgress | null, now = Date.now()): JobLiveness {
  const isWaiting = job.state === "UPLOADED" || (job.state === "APPLYING" && !job.workerId);
  if (isWaiting) return now - (job.queuedAt ?? job.updatedAt).getTime() > UNCLAIMED_AFTER_MS ? "unclaimed" : "waiting";
  if (!RUNNING_STATES.has(job.state)) return null;
  // A row of before the lease columns: its last update, plus one lease.
  const leaseEnd = Math.max(job.leaseUntil?.getTime() ?? job.updatedAt.getTime() + leaseMs(), (progress?.at ?? 0) + leaseMs());
  return now > leaseEnd ? "dead" : "running";
}

/** Deletes the uploaded file (after apply or abandon); the job folder keeps the logs. */
export function deleteUploadedFile(storedPath: string): void {
  fs.rmSync(uploadPath(storedPath), { force: true });
}
