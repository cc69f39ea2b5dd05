/**
 * The one Prisma client of the application. The provider is picked at run time from
 * DATABASE_URL (file: → SQLite, postgresql:// → PostgreSQL); both generated clients share the
 * same models, so the rest of the code sees one type, `Db`.
 */
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresPrismaClient } from "@/prisma/generated/postgres/client";
import { PrismaClient as SqlitePrismaClient } from "@/prisma/generated/sqlite/client";
import { env } from "@/lib/env";
import { databaseProvider, sqliteFilePath, type DatabaseProvider } from "@/lib/db/provider";

/** Password hashes never leave the database unless a query asks for them explicitly. */
const clientOptions = { omit: { user: { passwordHash: true } } } as const;

/**
 * The better-sqlite3 adapter opens interactive transactions with a plain (deferred) BEGIN: a
 * transaction that reads, then writes while another connection (a CLI, an import worker) has
 * written meanwhile fails at once with SQLITE_BUSY instead of waiting. BEGIN IMMEDIATE takes the
 * write lock first, so concurrent writers wait their turn (busy timeout) and never fail midway.
 */
class ImmediateTransactions {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;

  constructor(private readonly inner: PrismaBetterSQLite3) {
    this.adapterName = inner.adapterName;
  }

  async connect() {
    const adapter = await this.inner.connect();
    const client = (adapter as unknown as { client: { prepare(sql: string): unknown } }).client;
    const prepare = client.prepare.bind(client);
    client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
    return adapter;
  }
}

function createSqliteClient(url: string) {
  const file = sqliteFilePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const adapter = new ImmediateTransactions(new PrismaBetterSQLite3({ url: file, timeout: 10_000 }));
  return new SqlitePrismaClient({ adapter, ...clientOptions });
}

export type Db = ReturnType<typeof createSqliteClient>;

export function createDbClient(url: string): Db {
  if (databaseProvider(url) === "sqlite") return createSqliteClient(url);
  const adapter = new PrismaPg({ connectionString: url, max: 10 });
  // Same models, same query API: the generated types differ only in provider-specific options.
  return new PostgresPrismaClient({ adapter, ...clientOptions }) as unknown as Db;
}

const cache = globalThis as typeof globalThis & { fibreProDb?: Db };

/** The singleton; kept on globalThis so dev hot reloads and test files reuse one connection. */
export const db: Db = (cache.fibreProDb ??= createDbClient(env.DATABASE_URL));

export const provider: DatabaseProvider = databaseProvider(env.DATABASE_URL);

/** Query and payload types, shared by both providers' clients. */
export type { Prisma } from "@/prisma/generated/sqlite/client";

/** The client inside `db.$transaction(async (tx) => …)`. */
export type DbTransaction = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
