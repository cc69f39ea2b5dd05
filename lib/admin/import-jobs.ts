/**
 * Where an uploaded file and its job's traces live (UPLOAD_DIR/<jobId>/), how the background
 * worker is started, and how a running job reports its progress. The import's SQLite transaction
 * holds the database's write lock for the whole run, so progress goes to a small file in the job
 * folder (progress.json, at most once a second, plus a heartbeat), not to the ImportJob row.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

export type ImportStep = "check" | "apply";

/** A running step that has shown no sign of life for this long is taken as dead. */
export const STALE_AFTER_MS = 10 * 60 * 1000;
const RUNNING_STATES = new Set(["UPLOADED", "CHECKING", "APPLYING"]);

export function jobFolder(jobId: string): string {
  return path.resolve(env.UPLOAD_DIR, jobId);
}

/** "Mon fichier (2).csv" → "Mon_fichier_2_.csv": letters, digits, dot, dash, underscore; never a path. */
export function safeFileName(name: string): string {
  const base = path.basename(name.replace(/\\/g, "/")).normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  const cleaned = base.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[._]+/, "").slice(-120);
  return cleaned || "fichier";
}

/** Starts `scripts/import-job.ts <jobId> <step> [userId]` detached, its output in the job folder: the server never waits for it. */
export function startImportWorker(jobId: string, step: ImportStep, userId?: string): void {
  const folder = jobFolder(jobId);
  fs.mkdirSync(folder, { recursive: true });
  const log = fs.openSync(path.join(folder, `${step}.log`), "a");
  try {
    const child = spawn(
      path.join(process.cwd(), "node_modules/.bin/tsx"),
      ["--conditions=react-server", "scripts/import-job.ts", jobId, step, ...(userId ? [userId] : [])],
      { cwd: process.cwd(), env: process.env, detached: true, stdio: ["ignore", log, log] },
    );
    // A worker that cannot start leaves the job UPLOADED/APPLYING: shown as failed after STALE_AFTER_MS.
    child.on("error", (error) => console.error(`import worker ${jobId} ${step}:`, error));
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

/** Best effort: a progress file that cannot be written never stops the import. */
export function writeJobProgress(jobId: string, progress: JobProgress): void {
  const file = progressFile(jobId);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(progress));
    fs.renameSync(`${file}.tmp`, file);
  } catch (error) {
    console.error(`progress of import job ${jobId}:`, error);
  }
}

export function readJobProgress(jobId: string): JobProgress | null {
  try {
    return JSON.parse(fs.readFileSync(progressFile(jobId), "utf8")) as JobProgress;
  } catch {
    return null;
  }
}

/** A running job with no sign of life (row update or progress) for 10 minutes: its worker died. */
export function isStale(job: { state: string; updatedAt: Date }, progress: JobProgress | null, now = Date.now()): boolean {
  if (!RUNNING_STATES.has(job.state)) return false;
  const lastSign = Math.max(job.updatedAt.getTime(), progress?.at ?? 0);
  return now - lastSign > STALE_AFTER_MS;
}

/** Deletes the uploaded file (after apply or abandon); the job folder keeps the logs. */
export function deleteUploadedFile(filePath: string): void {
  fs.rmSync(filePath, { force: true });
}
