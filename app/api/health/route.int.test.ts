import fs from "node:fs";
import { Worker } from "node:worker_threads";
import { beforeAll, describe, expect, it } from "vitest";
import { APP_VERSION } from "@/lib/version";
import { NextRequest } from "next/server";
import { db, provider } from "@/lib/db/client";
import { sqliteFilePath } from "@/lib/db/provider";
import { checkDatabase } from "@/lib/data/health";
import { validated } from "@/lib/testing/openapi";
import { GET } from "./route";

const health = () => validated(GET(new NextRequest("http://localhost/api/health"), { params: Promise.resolve({}) }), "/api/health");

/** Another connection in another thread holds SQLite's write lock until released. */
function lockInAnotherThread(file: string) {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(
    `const { parentPort, workerData } = require("node:worker_threads");
     const other = new (require("better-sqlite3"))(workerData.file);
     other.exec("BEGIN IMMEDIATE");
     parentPort.postMessage("locked");
     Atomics.wait(workerData.flag, 0, 0, 20000);
     other.exec("ROLLBACK");
     other.close();`,
    { eval: true, workerData: { file, flag } },
  );
  const locked = new Promise<void>((resolve) => worker.once("message", () => resolve()));
  const done = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  return {
    locked,
    release: () => {
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
      return done;
    },
  };
}

describe("GET /api/health with a database", () => {
  // The first query opens the pool: not what the bounded probes (3 s) are about on a loaded machine.
  beforeAll(() => db.$queryRawUnsafe("SELECT 1"));

  it("answers 200 with the version and the database it reached and can write", async () => {
    const response = await health();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", version: APP_VERSION, database: { reachable: true, writable: true, writeCheck: "ok", busySeconds: null } });
    expect(body.database.provider).toBe(provider);
  });

  it.runIf(provider === "sqlite")("says busy, still 200, while an import holds the write lock; 503 past the bound", async () => {
    const other = lockInAnotherThread(sqliteFilePath(process.env.DATABASE_URL!));
    await other.locked;
    try {
      const response = await health();
      expect(response.status).toBe(200);
      expect((await response.json()).database).toMatchObject({ reachable: true, writable: false, writeCheck: "busy" });
      const tooLong = await checkDatabase({ writeLockMaxSeconds: 0 });
      expect(tooLong).toMatchObject({ isWritable: false, writeCheck: "busy", isHealthy: false });
    } finally {
      await other.release();
    }
    expect((await health()).status).toBe(200);
  });

  it.runIf(provider === "sqlite")("answers 503 when the database file was deleted or replaced under the server", async () => {
    const file = sqliteFilePath(process.env.DATABASE_URL!);
    await db.organisation.count();
    fs.renameSync(file, `${file}.moved`);
    try {
      fs.copyFileSync(`${file}.moved`, file);
      const replaced = await health();
      expect(replaced.status).toBe(503);
      expect(await replaced.json()).toMatchObject({ status: "unavailable", database: { reachable: true, writable: false, writeCheck: "refused" } });
      fs.rmSync(file);
      expect((await health()).status).toBe(503);
    } finally {
      fs.renameSync(`${file}.moved`, file);
    }
    expect((await health()).status).toBe(200);
  });

  it.runIf(provider === "postgresql")("answers 503 when the server only accepts read-only transactions", async () => {
    const [row] = await db.$queryRawUnsafe<{ name: string }[]>("SELECT current_database()::text AS name");
    const name = row!.name;
    await db.$executeRawUnsafe(`ALTER DATABASE "${name}" SET default_transaction_read_only = on`);
    // The setting applies to new connections: open the pool again.
    await db.$disconnect();
    try {
      const response = await health();
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "unavailable", database: { reachable: true, writable: false, writeCheck: "refused" } });
    } finally {
      await db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SET TRANSACTION READ WRITE");
        await tx.$executeRawUnsafe(`ALTER DATABASE "${name}" RESET default_transaction_read_only`);
      });
      await db.$disconnect();
    }
    expect((await health()).status).toBe(200);
  });
});
