/**
 * `npm run db:backup` then `npm run db:restore` into a fresh database, through the real commands,
 * and the data read back; on SQLite, a backup taken while another connection writes.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { backupDatabase } from "@/lib/db/backup";
import { createDbClient, db, provider } from "@/lib/db/client";
import { sqliteFilePath } from "@/lib/db/provider";
import { createScratchDatabase, type ScratchDatabase } from "@/lib/db/scratch-database";

const exec = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fibre-pro-backup-"));
const scratch: ScratchDatabase[] = [];

afterAll(async () => {
  for (const database of scratch) await database.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

function npmScript(script: "db-backup" | "db-restore", args: string[], databaseUrl: string) {
  return exec(path.resolve("node_modules/.bin/tsx"), [`scripts/${script}.ts`, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    timeout: 120_000,
  });
}

async function freshDatabaseUrl(): Promise<string> {
  if (provider === "sqlite") return `file:${path.join(dir, `restored-${Date.now()}.db`)}`;
  const database = await createScratchDatabase(process.env.TEST_DATABASE_URL!, "fibre_pro_restore");
  scratch.push(database);
  return database.url;
}

describe("database backup and restore", () => {
  it("restores a backup into a fresh database with the data and the migrations", async () => {
    await db.organisation.create({ data: { name: "Communauté sauvegardée", kind: "EPCI" } });
    await db.loginThrottle.create({ data: { key: "backup-check", windowStart: new Date("2026-11-30T10:00:00Z"), failures: 3 } });
    const file = path.join(dir, provider === "sqlite" ? "fibre-pro.db" : "fibre-pro.dump");

    const backup = await npmScript("db-backup", [file], process.env.DATABASE_URL!);
    expect(backup.stdout).toContain(file);
    expect(fs.statSync(file).size).toBeGreaterThan(0);

    const target = await freshDatabaseUrl();
    await npmScript("db-restore", [file], target);
    const restored = createDbClient(target);
    try {
      expect(await restored.organisation.findFirst({ where: { name: "Communauté sauvegardée" } })).toMatchObject({ kind: "EPCI" });
      expect(await restored.loginThrottle.findUnique({ where: { key: "backup-check" } })).toMatchObject({ failures: 3 });
      const migrations = (rows: { name: string }[]) => rows.map((row) => row.name);
      const query = 'SELECT name FROM "_fibre_migrations" ORDER BY name';
      expect(migrations(await restored.$queryRawUnsafe(query))).toEqual(migrations(await db.$queryRawUnsafe(query)));
    } finally {
      await restored.$disconnect();
    }

    // A second restore over a database that has content is refused without --force, done with it.
    await expect(npmScript("db-restore", [file], target)).rejects.toMatchObject({ stderr: expect.stringContaining("--force") });
    await npmScript("db-restore", [file, "--force"], target);
  }, 120_000);

  it.runIf(provider === "sqlite")("takes a consistent backup while another connection holds the write lock", async () => {
    await db.loginThrottle.create({ data: { key: "committed", windowStart: new Date(), failures: 1 } });
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const writer = new Worker(
      `const { parentPort, workerData } = require("node:worker_threads");
       const other = new (require("better-sqlite3"))(workerData.file);
       other.exec("BEGIN IMMEDIATE");
       other.prepare('INSERT INTO "LoginThrottle" ("key", "windowStart", "failures") VALUES (?, 0, 1)').run("uncommitted");
       parentPort.postMessage("locked");
       Atomics.wait(workerData.flag, 0, 0, 20000);
       other.exec("COMMIT");
       other.close();`,
      { eval: true, workerData: { file: sqliteFilePath(process.env.DATABASE_URL!), flag } },
    );
    await new Promise((resolve) => writer.once("message", resolve));
    const file = path.join(dir, "online.db");
    try {
      await backupDatabase(process.env.DATABASE_URL!, file);
    } finally {
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
      await new Promise((resolve) => writer.once("exit", resolve));
    }
    const copy = createDbClient(`file:${file}`);
    try {
      const keys = (await copy.loginThrottle.findMany({ where: { key: { in: ["committed", "uncommitted"] } } })).map((row) => row.key);
      expect(keys).toEqual(["committed"]);
    } finally {
      await copy.$disconnect();
    }
  }, 60_000);
});
