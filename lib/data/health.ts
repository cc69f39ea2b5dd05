import "server-only";
/**
 * The database half of GET /api/health: can it be read, and can it be written now? Every probe is
 * bounded, so a hung database cannot hang the health check, and none writes anything.
 */
import { db, provider, sqliteAdapterOf } from "@/lib/db/client";
import { DatabaseBusyError } from "@/lib/db/write-gate";
import { env } from "@/lib/env";

/** ok: a write could start now; busy: the write lock is taken (an import), for `busySeconds`; refused: the database refuses writes; timeout: no answer in time. */
export type WriteCheck = "ok" | "busy" | "refused" | "timeout";

export interface DatabaseHealth {
  provider: typeof provider;
  isReachable: boolean;
  latencyMs: number | null;
  isWritable: boolean;
  writeCheck: WriteCheck;
  /** How long writes have been waiting for the write lock (SQLite), else null. */
  busySeconds: number | null;
  /** Whether the service should be taken as failing (503). */
  isHealthy: boolean;
}

const PROBE_WAIT_MS = 1_000;
/** A write of this process that holds the others back for this long is hung (the longest transactions allow 60 s). */
const HUNG_WRITE_MS = 120_000;

class ProbeTimeout extends Error {}

async function bounded<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new ProbeTimeout()), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** First moment the write lock was seen taken with no successful probe since (per process). */
let busySince: number | null = null;

/** SQLite: BEGIN IMMEDIATE then ROLLBACK, behind this process's other writes, waiting at most 1 s. */
async function probeSqliteWrite(): Promise<{ writeCheck: WriteCheck; busySeconds: number | null; isHung: boolean }> {
  const adapter = await sqliteAdapterOf(db);
  if (!adapter) throw new Error("the SQLite client has no adapter");
  if (adapter.isFileReplaced()) {
    console.error("Health check: the SQLite file was deleted or replaced under the running server");
    return { writeCheck: "refused", busySeconds: null, isHung: false };
  }
  try {
    await adapter.probeWrite(PROBE_WAIT_MS);
    busySince = null;
    return { writeCheck: "ok", busySeconds: null, isHung: false };
  } catch (error) {
    if (!(error instanceof DatabaseBusyError)) return { writeCheck: "refused", busySeconds: null, isHung: false };
    const now = Date.now();
    busySince ??= now - PROBE_WAIT_MS;
    const heldSince = adapter.gateHeldSince;
    return { writeCheck: "busy", busySeconds: Math.round((now - busySince) / 1000), isHung: heldSince !== null && now - heldSince > HUNG_WRITE_MS };
  }
}

/** PostgreSQL: a transaction that is not read-only, on a server not in recovery (a standby refuses writes). */
async function probePostgresWrite(): Promise<WriteCheck> {
  const [row] = await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL statement_timeout = 2000");
      return tx.$queryRawUnsafe<{ isInRecovery: boolean; readOnly: string }[]>(
        `SELECT pg_is_in_recovery() AS "isInRecovery", current_setting('transaction_read_only') AS "readOnly"`,
      );
    },
    { maxWait: 2_000, timeout: 3_000 },
  );
  return row && !row.isInRecovery && row.readOnly === "off" ? "ok" : "refused";
}

async function checkWrite(writeLockMaxSeconds: number): Promise<{ writeCheck: WriteCheck; busySeconds: number | null; isFailing: boolean }> {
  try {
    if (provider === "postgresql") {
      const writeCheck = await bounded(probePostgresWrite(), 3_000);
      return { writeCheck, busySeconds: null, isFailing: writeCheck !== "ok" };
    }
    const probe = await bounded(probeSqliteWrite(), 3_000);
    const isTooLong = probe.busySeconds !== null && probe.busySeconds > writeLockMaxSeconds;
    return { writeCheck: probe.writeCheck, busySeconds: probe.busySeconds, isFailing: probe.writeCheck === "refused" || probe.isHung || isTooLong };
  } catch (error) {
    if (error instanceof ProbeTimeout) return { writeCheck: "timeout", busySeconds: null, isFailing: true };
    console.error("Health check: the database refuses writes", error instanceof Error ? error.message : error);
    return { writeCheck: "refused", busySeconds: null, isFailing: true };
  }
}

/**
 * Round trip to the database, then the write probe; each bounded. Failing: unreachable, writes
 * refused or not answering, a write of this process hung, or (SQLite) the write lock taken for
 * longer than `writeLockMaxSeconds` — an import legitimately holds it for its whole run.
 */
export async function checkDatabase({ timeoutMs = 3_000, writeLockMaxSeconds = env.HEALTH_WRITE_LOCK_MAX_SECONDS } = {}): Promise<DatabaseHealth> {
  const started = performance.now();
  try {
    await bounded(db.$queryRawUnsafe("SELECT 1"), timeoutMs);
  } catch (error) {
    console.error("Health check: database unreachable", error instanceof ProbeTimeout ? "no answer in time" : error instanceof Error ? error.message : error);
    return { provider, isReachable: false, latencyMs: null, isWritable: false, writeCheck: error instanceof ProbeTimeout ? "timeout" : "refused", busySeconds: null, isHealthy: false };
  }
  const latencyMs = Math.round(performance.now() - started);
  const write = await checkWrite(writeLockMaxSeconds);
  return {
    provider,
    isReachable: true,
    latencyMs,
    isWritable: write.writeCheck === "ok",
    writeCheck: write.writeCheck,
    busySeconds: write.busySeconds,
    isHealthy: !write.isFailing,
  };
}
