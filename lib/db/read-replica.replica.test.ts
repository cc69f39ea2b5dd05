/**
 * The read replica against a real PostgreSQL 15 streaming replica (`npm run cluster:replica -- start`,
 * then TEST_REPLICA_DIR): public reads are answered by the standby, writes by the primary, a
 * signed-in user reads their own writes, and a replica that stops or lags leaves the public reads
 * on the primary. Replay is paused on the standby to make rows visible on the primary only.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { isPublicRead, runWithReadContext } from "@/lib/db/read-context";
import { replicaMonitorOf } from "@/lib/db/read-replica";
import { migrateDatabase } from "@/lib/db/migrate";
import { createScratchDatabase, type ScratchDatabase } from "@/lib/db/scratch-database";
import { readPair, startReplica, stopReplica, withDatabase, type PgPair } from "@/scripts/cluster/pg-pair";

const pair: PgPair = readPair(process.env.TEST_REPLICA_DIR!);
let database: ScratchDatabase;
let replicaUrl: string;
let db: Db;
let standby: pg.Client;

/** Prisma's promises are lazy: the query runs where it is awaited, so await it inside the context. */
const inContext = <T>(isPublic: boolean, run: () => Promise<T>) => runWithReadContext({ isPublic, hasWritten: false }, async () => await run());
const publicRequest = <T>(run: () => Promise<T>) => inContext(true, run);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

async function isInRecovery(client: Db): Promise<boolean> {
  const [row] = await client.$queryRawUnsafe<{ isInRecovery: boolean }[]>(`SELECT pg_is_in_recovery() AS "isInRecovery"`);
  return row!.isInRecovery;
}

/** Replica caught up with everything the primary has written so far. */
async function caughtUp(): Promise<void> {
  const primary = new pg.Client({ connectionString: database.url });
  await primary.connect();
  const { rows } = await primary.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn");
  await primary.end();
  await waitFor(async () => {
    const { rows: replayed } = await standby.query<{ done: boolean }>("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done", [rows[0]!.lsn]);
    return replayed[0]!.done;
  }, "the replica to replay the primary's WAL");
}

function newOperator(code: string) {
  return { code, name: `Opérateur ${code}`, role: "COMMERCIAL" as const };
}

beforeAll(async () => {
  database = await createScratchDatabase(pair.primaryUrl, "replica_test");
  await migrateDatabase(database.url);
  replicaUrl = withDatabase(pair.replicaUrl, new URL(database.url).pathname.slice(1));
  await waitFor(async () => {
    const client = new pg.Client({ connectionString: replicaUrl });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch {
      return false;
    }
  }, "the database to reach the replica");
  standby = new pg.Client({ connectionString: replicaUrl });
  await standby.connect();
  process.env.DATABASE_URL = database.url;
  process.env.DATABASE_READ_URL = replicaUrl;
  process.env.DATABASE_READ_RETRY_SECONDS = "1";
  ({ db } = await import("@/lib/db/client"));
  await caughtUp();
});

afterAll(async () => {
  startReplica(pair.dir);
  await standby?.query("SELECT pg_wal_replay_resume()").catch(() => undefined);
  await standby?.end().catch(() => undefined);
  await db?.$disconnect();
  await database?.drop();
});

describe("routing", () => {
  it("answers a public request's reads from the standby, everything else from the primary", async () => {
    expect(await publicRequest(() => isInRecovery(db))).toBe(true);
    expect(await isInRecovery(db)).toBe(false);
    expect(await inContext(false, () => isInRecovery(db))).toBe(false);
    expect(await publicRequest(() => db.$transaction((tx) => tx.$queryRawUnsafe<{ r: boolean }[]>("SELECT pg_is_in_recovery() AS r")))).toEqual([{ r: false }]);
  });

  it("reads rows through the models from the standby: a row written while replay is paused is not there yet", async () => {
    await standby.query("SELECT pg_wal_replay_pause()");
    try {
      await db.operator.create({ data: newOperator("RPL1") });
      expect(await publicRequest(() => db.operator.findUnique({ where: { code: "RPL1" } }))).toBeNull();
      expect(await publicRequest(() => db.operator.count({ where: { code: "RPL1" } }))).toBe(0);
      expect(await db.operator.findUnique({ where: { code: "RPL1" } })).not.toBeNull();
    } finally {
      await standby.query("SELECT pg_wal_replay_resume()");
    }
    await caughtUp();
    // Replayed is not always visible to the very next snapshot on a loaded machine (one CI run read
    // null right after the replay position passed the commit): the standby must serve it shortly after.
    await waitFor(async () => (await publicRequest(() => db.operator.findUnique({ where: { code: "RPL1" } }))) !== null, "the standby to serve the replayed row", 10_000);
    expect(await publicRequest(() => db.operator.findUnique({ where: { code: "RPL1" } }))).toMatchObject({ name: "Opérateur RPL1" });
    expect(await publicRequest(() => isInRecovery(db))).toBe(true);
  });

  it("writes on the primary from a public request, raw INSERT … RETURNING included", async () => {
    const rows = await publicRequest(async () => {
      await db.operator.create({ data: newOperator("RPL2") });
      return db.$queryRawUnsafe<{ count: number }[]>(
        `INSERT INTO "ApiRateLimit" ("key", "window", "count") VALUES ($1, 1, 1) ON CONFLICT ("key") DO UPDATE SET "count" = "ApiRateLimit"."count" + 1 RETURNING "count"`,
        "replica-test",
      );
    });
    expect(rows).toEqual([{ count: 1 }]);
    expect(await db.operator.findUnique({ where: { code: "RPL2" } })).not.toBeNull();
  });

  it("lets a request read its own writes, and a signed-in user read theirs, while the standby lags behind", async () => {
    await standby.query("SELECT pg_wal_replay_pause()");
    try {
      const sameRequest = await publicRequest(async () => {
        await db.operator.update({ where: { code: "RPL1" }, data: { name: "Publié" } });
        return db.operator.findUnique({ where: { code: "RPL1" } });
      });
      expect(sameRequest?.name).toBe("Publié");
      // The admin's next page: a GET with the session cookie.
      const isAdminPublic = isPublicRead("GET", "/zone/z1", "next-auth.session-token=x");
      expect((await inContext(isAdminPublic, () => db.operator.findUnique({ where: { code: "RPL1" } })))?.name).toBe("Publié");
      // An anonymous visitor may still see the previous version until the standby replays.
      expect((await publicRequest(() => db.operator.findUnique({ where: { code: "RPL1" } })))?.name).toBe("Opérateur RPL1");
    } finally {
      await standby.query("SELECT pg_wal_replay_resume()");
    }
    await caughtUp();
  });
});

describe("a replica that lags or stops", () => {
  it("sends public reads to the primary while the standby lags more than the limit, and back once it catches up", async () => {
    const { createRoutedDbClient } = await import("@/lib/db/client");
    const strict = createRoutedDbClient(database.url, replicaUrl, { maxLagSeconds: 0.3, retrySeconds: 1, probeSeconds: 0.1 });
    const monitor = replicaMonitorOf(strict)!;
    try {
      await monitor.probe();
      expect(monitor.health()).toMatchObject({ status: "ok", lagSeconds: 0 });
      await standby.query("SELECT pg_wal_replay_pause()");
      await strict.operator.create({ data: newOperator("RPL3") });
      await monitor.probe();
      await sleep(500);
      await monitor.probe();
      expect(monitor.health().status).toBe("lagging");
      expect(monitor.health().lagSeconds).toBeGreaterThan(0.3);
      expect(await publicRequest(() => strict.operator.findUnique({ where: { code: "RPL3" } }))).not.toBeNull();
      await standby.query("SELECT pg_wal_replay_resume()");
      await caughtUp();
      await monitor.probe();
      expect(monitor.health()).toMatchObject({ status: "ok", lagSeconds: 0 });
      expect(await publicRequest(() => isInRecovery(strict))).toBe(true);
    } finally {
      await standby.query("SELECT pg_wal_replay_resume()");
      await strict.$disconnect();
    }
  });

  it("keeps answering public reads from the primary when the standby stops, and returns to it once it is back", async () => {
    expect(await publicRequest(() => isInRecovery(db))).toBe(true);
    await standby.end();
    stopReplica(pair.dir);
    try {
      expect(await publicRequest(() => db.operator.findUnique({ where: { code: "RPL1" } }))).toMatchObject({ name: "Publié" });
      expect(await publicRequest(() => isInRecovery(db))).toBe(false);
      expect(replicaMonitorOf(db)!.health().status).toBe("down");
    } finally {
      startReplica(pair.dir);
    }
    standby = new pg.Client({ connectionString: replicaUrl });
    await standby.connect();
    await waitFor(() => publicRequest(() => isInRecovery(db)), "public reads to return to the standby");
    expect(replicaMonitorOf(db)!.health()).toMatchObject({ status: "ok", lagSeconds: 0 });
  });
});
