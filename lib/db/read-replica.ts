/**
 * Public reads on a PostgreSQL streaming replica (DATABASE_READ_URL), everything else on the primary.
 *
 * A Prisma client extension, like @prisma/extension-read-replicas, with what that package lacks here:
 * - the choice follows the request (lib/db/read-context.ts): only a public request's reads go to
 *   the replica; scripts, the worker, the admin and signed-in users stay on the primary;
 * - a request reads from the primary once it has written through the models (read-your-writes
 *   inside a request);
 * - raw SQL goes to the replica only when it is a plain SELECT: `rawSelect` also runs
 *   INSERT … RETURNING (the rate-limit counter);
 * - a read the replica fails to answer is answered by the primary; a replica that fails, or lags
 *   more than `maxLagSeconds`, is set aside: its reads go to the primary until a probe, every
 *   `retrySeconds`, finds it back. The public site never depends on it.
 * Anything inside `$transaction` runs on the primary (Prisma marks those queries).
 */
import type { Db } from "@/lib/db/client";
import { currentReadContext } from "@/lib/db/read-context";

const READ_OPERATIONS = new Set([
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "findUnique",
  "findUniqueOrThrow",
  "groupBy",
  "aggregate",
  "count",
  "$queryRaw",
  "$queryRawUnsafe",
]);

/** A raw statement the replica can answer: starts with SELECT or WITH, and writes nothing, locks nothing. */
export function isReadOnlySql(sql: string): boolean {
  return /^\s*(select|with)\b/i.test(sql) && !/\b(insert|update|delete|merge|nextval|setval|pg_advisory\w*|for\s+(no\s+key\s+)?update|for\s+(key\s+)?share)\b/i.test(sql);
}

function rawSqlOf(operation: string, args: unknown): string | null {
  if (operation === "$queryRawUnsafe") return Array.isArray(args) && typeof args[0] === "string" ? args[0] : null;
  // $queryRaw`…`: a Sql object with its text in `strings`.
  const strings = (args as { strings?: unknown } | null)?.strings;
  return Array.isArray(strings) ? strings.join("?") : null;
}

export type ReplicaStatus = "ok" | "lagging" | "down";

export interface ReplicaHealth {
  status: ReplicaStatus;
  /** Seconds of WAL the replica had not replayed at the last probe (0 when caught up); null when unknown. */
  lagSeconds: number | null;
  checkedAt: string | null;
  error?: string;
}

export interface ReplicaOptions {
  maxLagSeconds: number;
  retrySeconds: number;
  /** How often the replication lag is measured (at most; only while reads come in). */
  probeSeconds?: number;
  now?: () => number;
}

/** SQLSTATEs and Node socket codes that mean "this server cannot answer now", not "this query is wrong". */
const UNAVAILABLE_CODES = new Set([
  "P1001", "P1002", "P1008", "P1017", "P2024",
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND", "EPIPE",
  "57P01", "57P02", "57P03", "08000", "08001", "08003", "08006", "53300",
  // A conflict with recovery cancels the statement on the replica: the primary can still answer it.
  "40001",
]);

/** Codes found on the error, its driver-adapter cause and their causes. */
function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const record = current as { code?: unknown; cause?: unknown; originalCode?: unknown; kind?: unknown; meta?: { driverAdapterError?: unknown } };
    for (const value of [record.code, record.originalCode, record.kind]) if (typeof value === "string") codes.push(value);
    // Prisma's errors carry the driver adapter's error in `meta` (raw queries) or as `cause`.
    current = record.meta?.driverAdapterError ?? record.cause;
  }
  return codes;
}

export function isReplicaUnavailable(error: unknown): boolean {
  return errorCodes(error).some((code) => UNAVAILABLE_CODES.has(code) || code === "DatabaseNotReachable" || code === "ConnectionClosed" || code === "SocketTimeout");
}

/**
 * Whether a read that failed on the replica should be retried on the primary: yes when the replica
 * could not answer, and for any error that is not a query's own (Prisma's P2xxx: not found, a
 * constraint…). pg's pool, for one, times out connecting with a bare Error and no code.
 */
export function isReplicaFailure(error: unknown): boolean {
  if (isReplicaUnavailable(error)) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return !(typeof code === "string" && /^P2\d{3}$/.test(code));
}

/**
 * Measures lag in time without trusting clocks or an idle primary: each probe samples the
 * primary's WAL position; the lag is the age of the oldest sample the replica has not replayed yet.
 */
export class ReplicaMonitor {
  private samples: { lsn: bigint; at: number }[] = [];
  private downUntil = 0;
  private probing: Promise<void> | null = null;
  private lastProbe = 0;
  private state: ReplicaHealth = { status: "ok", lagSeconds: null, checkedAt: null };

  constructor(
    private readonly primary: Db,
    private readonly replica: Db,
    private readonly options: ReplicaOptions,
  ) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** Whether public reads may go to the replica now; starts a probe in the background when one is due. */
  isUsable(): boolean {
    const now = this.now();
    // A replica set aside is probed again after retrySeconds, and used again once a probe succeeds.
    const isProbeDue = this.state.status === "down" ? now >= this.downUntil : now - this.lastProbe >= (this.options.probeSeconds ?? 2) * 1000;
    if (isProbeDue && !this.probing) void this.probe();
    return this.state.status === "ok";
  }

  markDown(error: unknown): void {
    this.downUntil = this.now() + this.options.retrySeconds * 1000;
    this.state = { ...this.state, status: "down", checkedAt: new Date(this.now()).toISOString(), error: describe(error) };
  }

  health(): ReplicaHealth {
    return { ...this.state };
  }

  /** One measurement; concurrent callers share it. Never throws: a failure marks the replica down. */
  probe(): Promise<void> {
    this.lastProbe = this.now();
    this.probing ??= this.measure().finally(() => (this.probing = null));
    return this.probing;
  }

  private async measure(): Promise<void> {
    try {
      const [primaryRow] = await this.primary.$queryRawUnsafe<{ lsn: string }[]>("SELECT pg_current_wal_insert_lsn()::text AS lsn");
      const [replicaRow] = await this.replica.$queryRawUnsafe<{ lsn: string | null; isInRecovery: boolean }[]>(
        `SELECT pg_last_wal_replay_lsn()::text AS lsn, pg_is_in_recovery() AS "isInRecovery"`,
      );
      const now = this.now();
      this.samples.push({ lsn: lsnToBigInt(primaryRow!.lsn), at: now });
      const replayed = replicaRow!.lsn === null ? null : lsnToBigInt(replicaRow!.lsn);
      // A promoted replica (not in recovery) is writable and holds all it had: no lag to measure.
      if (replayed !== null) this.samples = this.samples.filter((sample) => sample.lsn > replayed);
      else if (replicaRow!.isInRecovery) this.samples = this.samples.slice(0, 1);
      else this.samples = [];
      const lagSeconds = this.samples.length === 0 ? 0 : (now - this.samples[0]!.at) / 1000;
      this.downUntil = 0;
      this.state = {
        status: lagSeconds > this.options.maxLagSeconds ? "lagging" : "ok",
        lagSeconds: Math.round(lagSeconds * 10) / 10,
        checkedAt: new Date(now).toISOString(),
      };
    } catch (error) {
      this.markDown(error);
    }
  }
}

function describe(error: unknown): string {
  const codes = errorCodes(error);
  return codes.length > 0 ? `unreachable (${codes.join(", ")})` : "unreachable";
}

export function lsnToBigInt(lsn: string): bigint {
  const [high, low] = lsn.split("/");
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

type AllOperationsParams = {
  model?: string;
  operation: string;
  args: unknown;
  query: (args: unknown) => Promise<unknown>;
  __internalParams?: { transaction?: unknown };
};

function runOnReplica(replica: Db, model: string | undefined, operation: string, args: unknown): Promise<unknown> {
  const client = replica as unknown as Record<string, unknown>;
  if (operation === "$queryRawUnsafe") return (client.$queryRawUnsafe as (...a: unknown[]) => Promise<unknown>)(...(args as unknown[]));
  if (!model) return (client[operation] as (a: unknown) => Promise<unknown>)(args);
  const delegate = client[model.charAt(0).toLowerCase() + model.slice(1)] as Record<string, (a: unknown) => Promise<unknown>>;
  return delegate[operation]!(args);
}

/** The primary client, extended: public reads to the replica while the monitor allows it. */
export function withReadReplica(primary: Db, replica: Db, options: ReplicaOptions): { client: Db; monitor: ReplicaMonitor } {
  const monitor = new ReplicaMonitor(primary, replica, options);
  const client = primary.$extends({
    client: {
      async $disconnect() {
        await Promise.all([primary.$disconnect(), replica.$disconnect()]);
      },
    },
    query: {
      async $allOperations(params) {
        const { model, operation, args, query, __internalParams } = params as unknown as AllOperationsParams;
        const context = currentReadContext();
        const isRead = READ_OPERATIONS.has(operation) && (!operation.startsWith("$") || isReadOnlySql(rawSqlOf(operation, args) ?? ""));
        if (!isRead) {
          // A write through the models or $executeRaw sends the request's later reads to the primary. Raw
          // queries that write (the rate-limit counter's INSERT … RETURNING, on every API call) do not:
          // what they write is never read back by the page.
          if (context && !operation.startsWith("$queryRaw")) context.hasWritten = true;
          return query(args);
        }
        if (!context?.isPublic || context.hasWritten || __internalParams?.transaction || !monitor.isUsable()) return query(args);
        try {
          return await runOnReplica(replica, model, operation, args);
        } catch (error) {
          if (!isReplicaFailure(error)) throw error;
          monitor.markDown(error);
          return query(args);
        }
      },
    },
  });
  Object.defineProperty(client, REPLICA_MONITOR, { value: monitor });
  return { client: client as unknown as Db, monitor };
}

const REPLICA_MONITOR = Symbol.for("fibre-pro.replica-monitor");

/** The replica's monitor behind a client built by withReadReplica; null without a replica. */
export function replicaMonitorOf(client: Db): ReplicaMonitor | null {
  return (client as unknown as Record<symbol, ReplicaMonitor | undefined>)[REPLICA_MONITOR] ?? null;
}
