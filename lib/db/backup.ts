/**
 * Backups and restores of the whole database (`npm run db:backup -- <file>`, `npm run db:restore
 * -- <file>`).
 * - SQLite: the online backup API of better-sqlite3 — a consistent copy of the last committed
 *   state, taken while the servers and imports run (in WAL mode a reader never waits for the
 *   write lock); the copy is checked (`quick_check`) and renamed into place only when whole.
 * - PostgreSQL: `pg_dump --format=custom` and `pg_restore` (PostgreSQL client tools of the
 *   server's major version on PATH); the password goes through the environment, never the
 *   command line.
 * A restore goes into an empty database, or over an existing one with `force` (servers and
 * workers stopped first: a restore replaces everything).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseProvider, sqliteFilePath } from "@/lib/db/provider";

export class BackupError extends Error {
  override name = "BackupError";
}

/** Pages copied per step: large enough that a copy is one read transaction (4 GB), so never restarted by a write. */
const PAGES_PER_STEP = 1_000_000;

function checkSqliteFile(file: string): void {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const result = copy.pragma("quick_check", { simple: true });
    if (result !== "ok") throw new BackupError(`${file} is damaged: ${String(result)}`);
    copy.prepare('SELECT count(*) FROM "_fibre_migrations"').get();
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} is not a Fibre Pro SQLite database (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    copy.close();
  }
}

async function sqliteCopy(sourceFile: string, targetFile: string): Promise<void> {
  const source = new Database(sourceFile, { readonly: true, fileMustExist: true });
  const partial = `${targetFile}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    await source.backup(partial, { progress: () => PAGES_PER_STEP });
  } finally {
    source.close();
  }
  checkSqliteFile(partial);
  fs.renameSync(partial, targetFile);
}

function postgresEnvironment(url: string): NodeJS.ProcessEnv {
  const parsed = new URL(url);
  return {
    ...process.env,
    PGHOST: parsed.hostname,
    PGPORT: parsed.port || "5432",
    PGUSER: decodeURIComponent(parsed.username),
    PGPASSWORD: decodeURIComponent(parsed.password),
    PGDATABASE: decodeURIComponent(parsed.pathname.slice(1)),
    ...(parsed.searchParams.get("sslmode") ? { PGSSLMODE: parsed.searchParams.get("sslmode")! } : {}),
  };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "inherit", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (error) => reject(new BackupError(`${command} could not start (${error.message}): install the PostgreSQL client tools`)));
    child.on("close", (code) => (code === 0 ? resolve() : reject(new BackupError(`${command} failed (exit ${code}): ${stderr.trim()}`))));
  });
}

async function postgresTableCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ count: string }>("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'");
    return Number(result.rows[0]?.count ?? 0);
  } finally {
    await client.end();
  }
}

/** Writes a backup of the database of `url` into `file` (replaced when whole). */
export async function backupDatabase(url: string, file: string): Promise<void> {
  const target = path.resolve(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (databaseProvider(url) === "sqlite") {
    const source = sqliteFilePath(url);
    if (!fs.existsSync(source)) throw new BackupError(`no database at ${source}`);
    if (path.resolve(source) === target) throw new BackupError("the backup file cannot be the database itself");
    await sqliteCopy(source, target);
    return;
  }
  const partial = `${target}.partial`;
  await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${partial}`], postgresEnvironment(url));
  fs.renameSync(partial, target);
}

/** Restores `file` (a backup of the same provider) into the database of `url`; an existing database only with `force`. */
export async function restoreDatabase(url: string, file: string, { force = false } = {}): Promise<void> {
  const backup = path.resolve(file);
  if (!fs.existsSync(backup)) throw new BackupError(`no backup at ${backup}`);
  if (databaseProvider(url) === "sqlite") {
    checkSqliteFile(backup);
    const target = sqliteFilePath(url);
    if (fs.existsSync(target) && fs.statSync(target).size > 0 && !force) {
      throw new BackupError(`${target} already exists: stop the servers and workers, then restore again with --force to replace it`);
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // Through the backup API again: the target's own WAL is handled by SQLite, not left stale beside a copied file.
    const source = new Database(backup, { readonly: true, fileMustExist: true });
    try {
      await source.backup(target, { progress: () => PAGES_PER_STEP });
    } finally {
      source.close();
    }
    checkSqliteFile(target);
    return;
  }
  const hasTables = (await postgresTableCount(url)) > 0;
  if (hasTables && !force) {
    throw new BackupError("the target database is not empty: stop the servers and workers, then restore again with --force to replace its content");
  }
  await run(
    "pg_restore",
    ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", ...(hasTables ? ["--clean", "--if-exists"] : []), `--dbname=${postgresEnvironment(url).PGDATABASE}`, backup],
    postgresEnvironment(url),
  );
}
