/**
 * Driver adapters for the Prisma CLI only (generate, migrate diff, db pull). The application's
 * client lives in lib/db/client.ts.
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

export function sqliteCliAdapter(url: string): PrismaBetterSQLite3 {
  return new PrismaBetterSQLite3({ url });
}

/** PostgreSQL system types the adapter cannot map (6.19.3): read them as text. */
const SYSTEM_TEXT_TYPES = new Set([18 /* "char" */, 19 /* name */]);
const TEXT_OID = 25;

function textifySystemTypes<T>(result: T): T {
  for (const part of Array.isArray(result) ? result : [result]) {
    const fields = (part as { fields?: { dataTypeID: number }[] } | undefined)?.fields ?? [];
    for (const field of fields) {
      if (SYSTEM_TEXT_TYPES.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

/** Introspection (db pull, migrate diff) reads catalog columns of type name and "char". */
export function postgresCliAdapter(url: string): PrismaPg {
  const pool = new pg.Pool({ connectionString: url });
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((...args: unknown[]) => {
      const last = args.length - 1;
      const callback = args[last];
      if (typeof callback === "function") {
        args[last] = (error: unknown, result: unknown) => callback(error, textifySystemTypes(result));
      }
      const pending = query(...args);
      return pending instanceof Promise ? pending.then(textifySystemTypes) : pending;
    }) as typeof client.query;
  });
  return new PrismaPg(pool);
}
