/**
 * SQLite's write lock, held for real by another connection in another thread (as an import's
 * thread or another process holds it), while this process's code writes (lib/db/sqlite-adapter.ts).
 */
import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { createDbClient, db, provider, type Db } from "@/lib/db/client";
import { sqliteFilePath } from "@/lib/db/provider";
import { BUSY_MESSAGE } from "@/lib/db/write-gate";
import { watchEventLoop } from "@/lib/testing/event-loop";

/**
 * Another connection in another thread: BEGIN IMMEDIATE, one write, then holds the write lock
 * until `release()` or `holdMs`, and commits.
 */
function lockInAnotherThread(file: string, holdMs = 20_000) {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(
    `const { parentPort, workerData } = require("node:worker_threads");
     const Database = require("better-sqlite3");
     const other = new Database(workerData.file, { timeout: 10000 });
     other.exec("BEGIN IMMEDIATE");
     other.prepare('INSERT INTO "LoginThrottle" ("key", "windowStart", "failures") VALUES (?, 0, 1)').run("other-" + Date.now() + Math.random());
     parentPort.postMessage("locked");
     Atomics.wait(workerData.flag, 0, 0, workerData.holdMs);
     other.exec("COMMIT");
     other.close();`,
    { eval: true, workerData: { file, holdMs, flag } },
  );
  const locked = new Promise<void>((resolve) => worker.once("message", () => resolve()));
  const done = new Promise<void>((resolve, reject) => {
    worker.once("error", reject);
    worker.once("exit", () => resolve());
  });
  const release = () => {
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
    return done;
  };
  return { locked, done, release };
}

/** Rejects when `promise` has not settled within `ms`: a write that hangs fails the test instead of the run. */
function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

const throttleRow = (key: string) => ({ data: { key, windowStart: new Date(), failures: 1 } });

describe.runIf(provider === "sqlite")("SQLite writes while another connection holds the write lock", () => {
  const file = sqliteFilePath(process.env.DATABASE_URL!);
  const clients: Db[] = [];
  const client = (writeWaitMs: number) => {
    const created = createDbClient(process.env.DATABASE_URL!, { writeWaitMs });
    clients.push(created);
    return created;
  };
  afterAll(async () => {
    await Promise.all(clients.map((created) => created.$disconnect()));
  });

  it("an interactive transaction that reads then writes waits for the other writer instead of failing midway", async () => {
    const other = lockInAnotherThread(file, 400);
    await other.locked;
    const saved = await db.$transaction(async (tx) => {
      await tx.organisation.count();
      return tx.loginThrottle.create(throttleRow("mine"));
    });
    expect(saved).toMatchObject({ key: "mine" });
    await other.done;
  });

  it("a transaction that could not start frees the connection for the next ones", async () => {
    const writes = client(300);
    // Held until released: longer than any busy timeout, as an import holds it.
    const other = lockInAnotherThread(file);
    await other.locked;
    const refused = await within(20_000, writes.$transaction((tx) => tx.loginThrottle.create(throttleRow("refused"))), "first transaction").catch(
      (error: Error) => error,
    );
    await other.release();
    // Prisma's adapter kept its transaction mutex when BEGIN threw: every later transaction hung forever.
    const saved = await within(3_000, writes.$transaction((tx) => tx.loginThrottle.create(throttleRow("after"))), "next transaction");
    expect(saved).toMatchObject({ key: "after" });
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).message).toBe(BUSY_MESSAGE);
    expect(await within(3_000, writes.loginThrottle.count({ where: { key: "refused" } }), "read")).toBe(0);
  }, 30_000);

  it("a waiting write never blocks the event loop: other requests' reads answer meanwhile", async () => {
    const writes = client(1_500);
    await writes.organisation.count();
    const other = lockInAnotherThread(file);
    await other.locked;
    const loop = watchEventLoop(5);
    try {
      const waiting = writes.$transaction((tx) => tx.loginThrottle.create(throttleRow("waiting"))).catch((error: Error) => error);
      const started = performance.now();
      await writes.loginThrottle.findMany({ take: 5 });
      const readMs = performance.now() - started;
      const outcome = await within(20_000, waiting, "waiting transaction");
      expect(readMs).toBeLessThan(250);
      expect(loop.longestGap()).toBeLessThan(250);
      expect(outcome).toBeInstanceOf(Error);
      expect((outcome as Error).message).toBe(BUSY_MESSAGE);
    } finally {
      loop.stop();
      await other.release();
    }
  }, 30_000);

  it("a single write waits its bounded time, then goes through once the lock is free", async () => {
    const writes = client(4_000);
    const other = lockInAnotherThread(file, 600);
    await other.locked;
    const started = Date.now();
    const saved = await within(6_000, writes.loginThrottle.create(throttleRow("single")), "single write");
    expect(saved).toMatchObject({ key: "single" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    await other.done;
  }, 30_000);

  it("a single write of one request never lands inside another request's transaction", async () => {
    const writes = client(3_000);
    let inTransaction: () => void = () => undefined;
    const transactionStarted = new Promise<void>((resolve) => (inTransaction = resolve));
    let finishTransaction: () => void = () => undefined;
    const mayFinish = new Promise<void>((resolve) => (finishTransaction = resolve));
    const failing = writes
      .$transaction(async (tx) => {
        await tx.loginThrottle.create(throttleRow("rolled-back"));
        inTransaction();
        await mayFinish;
        throw new Error("the first request fails");
      })
      .catch((error: Error) => error.message);
    await transactionStarted;
    const single = writes.loginThrottle.create(throttleRow("independent"));
    await new Promise((resolve) => setTimeout(resolve, 50));
    finishTransaction();
    expect(await failing).toBe("the first request fails");
    await within(5_000, single, "single write");
    const keys = (await writes.loginThrottle.findMany({ where: { key: { in: ["rolled-back", "independent"] } } })).map((row) => row.key);
    expect(keys).toEqual(["independent"]);
  }, 30_000);
});
