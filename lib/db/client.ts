/**
 * The one Prisma client of the application. The provider is picked at run time from
 * DATABASE_URL (file: → SQLite, postgresql:// → PostgreSQL); both generated clients share the
 * same models, so the rest of the code sees one type, `Db`.
 */
import fs from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresPrismaClient } from "@/prisma/generated/postgres/client";
import { PrismaClient as SqlitePrismaClient } from "@/prisma/generated/sqlite/client";
import { env } from "@/lib/env";
import { databaseProvider, sqliteFilePath, type DatabaseProvider } from "@/lib/db/provider";
import { replicaMonitorOf, withReadReplica, type ReplicaHealth, type ReplicaOptions } from "@/lib/db/read-replica";
import { SqliteAdapterFactory, type SqliteAdapter, type SqliteAdapterOptions } from "@/lib/db/sqlite-adapter";

const SQLITE_ADAPTER = Symbol.for("fibre-pro.sqlite-adapter");

/** Password hashes never leave the database unless a query asks for them explicitly. */
const clientOptions = { omit: { user: { passwordHash: true } } } as const;

/**
 * SQLite: reads and writes on two connections, no write ever waiting synchronously for the write
 * lock (lib/db/sqlite-adapter.ts). A transaction's maxWait stays above the adapter's own bound,
 * so a busy database answers with the adapter's French DatabaseBusyError, not Prisma's P2028.
 */
function createSqliteClient(url: string, options: Partial<SqliteAdapterOptions> = {}) {
  const file = sqliteFilePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const writeWaitMs = options.writeWaitMs ?? env.SQLITE_WRITE_WAIT_MS;
  const adapter = new SqliteAdapterFactory(file, { writeWaitMs });
  const client = new SqlitePrismaClient({ adapter, ...clientOptions, transactionOptions: { maxWait: writeWaitMs + 1_000 } });
  // On the client itself, not in a module-level map: Next's bundles each load their own copy of this module, sharing the client through globalThis.
  Object.defineProperty(client, SQLITE_ADAPTER, { value: adapter });
  return client;
}

export type Db = ReturnType<typeof createSqliteClient>;

/**
 * PostgreSQL sessions without JIT compilation: the portal's queries are short, but the planner's
 * cost estimate of a full-text or LIKE filter over millions of addresses can pass jit_above_cost,
 * adding 50–200 ms of compilation to a query that runs in a few (measured at 26 M addresses,
 * README « National benchmark »). PGOPTIONS, or `options` in the URL, takes precedence.
 */
const POSTGRES_SESSION_OPTIONS = process.env.PGOPTIONS ?? "-c jit=off";

export function createDbClient(url: string, options: Partial<SqliteAdapterOptions> = {}): Db {
  if (databaseProvider(url) === "sqlite") return createSqliteClient(url, options);
  const adapter = new PrismaPg({ connectionString: url, max: 10, options: POSTGRES_SESSION_OPTIONS });
  // Same models, same query API: the generated types differ only in provider-specific options.
  return new PostgresPrismaClient({ adapter, ...clientOptions }) as unknown as Db;
}

/**
 * The primary, and with `readUrl` (PostgreSQL only) a replica for public reads behind it
 * (lib/db/read-replica.ts). The replica's pool gives up connecting after 3 s, so a replica that
 * does not answer costs a public request at most that once, then its reads go to the primary.
 */
export function createRoutedDbClient(url: string, readUrl: string | undefined, options: ReplicaOptions): Db {
  const primary = createDbClient(url);
  if (!readUrl) return primary;
  if (databaseProvider(url) !== "postgresql" || databaseProvider(readUrl) !== "postgresql") {
    throw new Error("DATABASE_READ_URL needs PostgreSQL, for DATABASE_URL and for the replica.");
  }
  const adapter = new PrismaPg({ connectionString: readUrl, max: 10, connectionTimeoutMillis: 3_000, options: POSTGRES_SESSION_OPTIONS });
  const replica = new PostgresPrismaClient({ adapter, ...clientOptions }) as unknown as Db;
  return withReadReplica(primary, replica, options).client;
}

const cache = globalThis as typeof globalThis & { fibreProDb?: Db };

/** The singleton; kept on globalThis so dev hot reloads and test files reuse one connection. */
export const db: Db = (cache.fibreProDb ??= createRoutedDbClient(env.DATABASE_URL, env.DATABASE_READ_URL, {
  maxLagSeconds: env.DATABASE_READ_MAX_LAG_SECONDS,
  retrySeconds: env.DATABASE_READ_RETRY_SECONDS,
}));

/** The read replica's state for /api/health (null without DATABASE_READ_URL); a probe is made when one is due. */
export function replicaHealth(): ReplicaHealth | null {
  const monitor = replicaMonitorOf(db);
  if (!monitor) return null;
  monitor.isUsable();
  return monitor.health();
}

export const provider: DatabaseProvider = databaseProvider(env.DATABASE_URL);

/** The SQLite adapter under a client (connected on demand), for what Prisma cannot ask: the health check's write probe. */
export async function sqliteAdapterOf(client: Db): Promise<SqliteAdapter | null> {
  const factory = (client as unknown as Record<symbol, SqliteAdapterFactory | undefined>)[SQLITE_ADAPTER];
  if (!factory) return null;
  if (!factory.connected) await client.$connect();
  return factory.connected;
}

/** Query and payload types, shared by both providers' clients. */
export type { Prisma } from "@/prisma/generated/sqlite/client";

/** The client inside `db.$transaction(async (tx) => …)`. */
export type DbTransaction = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
