import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { db, provider } from "@/lib/db/client";
import { sqliteFilePath } from "@/lib/db/provider";

/** Another connection, in another thread: takes the write lock, writes, holds it `holdMs`, commits. */
function writeInAnotherThread(file: string, holdMs: number): { locked: Promise<void>; done: Promise<void> } {
  const worker = new Worker(
    `const { parentPort, workerData } = require("node:worker_threads");
     const Database = require("better-sqlite3");
     const other = new Database(workerData.file, { timeout: 10000 });
     other.exec("BEGIN IMMEDIATE");
     other.prepare('INSERT INTO "LoginThrottle" ("key", "windowStart", "failures") VALUES (?, 0, 1)').run("other-" + Date.now());
     parentPort.postMessage("locked");
     Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.holdMs);
     other.exec("COMMIT");
     other.close();`,
    { eval: true, workerData: { file, holdMs } },
  );
  const locked = new Promise<void>((resolve) => worker.once("message", () => resolve()));
  const done = new Promise<void>((resolve, reject) => {
    worker.once("error", reject);
    worker.once("exit", () => resolve());
  });
  return { locked, done };
}

/**
 * An interactive transaction that reads, then writes while another connection (a CLI, an import
 * worker) holds the write lock must wait for it, not fail with SQLITE_BUSY (lib/db/client.ts).
 */
describe.runIf(provider === "sqlite")("SQLite interactive transactions", () => {
  it("wait for a concurrent writer instead of failing midway", async () => {
    const other = writeInAnotherThread(sqliteFilePath(process.env.DATABASE_URL!), 400);
    await other.locked;
    const saved = await db.$transaction(async (tx) => {
      await tx.organisation.count();
      return tx.loginThrottle.create({ data: { key: "mine", windowStart: new Date(), failures: 1 } });
    });
    expect(saved).toMatchObject({ key: "mine" });
    await other.done;
    expect(await db.loginThrottle.count()).toBe(2);
  });
});
