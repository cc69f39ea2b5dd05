/** How much disk a benchmark database takes: in all, per address, and per table (indexes included). */
import fs from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { sqliteFilePath } from "@/lib/db/provider";

export interface DatabaseSize {
  totalBytes: number;
  bytesPerAddress: number;
  /** The largest tables, each with its indexes (SQLite: FTS5 shadow tables under their own names). */
  tables: { name: string; bytes: number }[];
}

const LARGEST = 8;

export async function databaseSize(provider: "sqlite" | "postgresql", url: string, addresses: number): Promise<DatabaseSize> {
  if (provider === "sqlite") {
    const file = sqliteFilePath(url);
    const totalBytes = ["", "-wal"].reduce((sum, suffix) => sum + (fs.existsSync(file + suffix) ? fs.statSync(file + suffix).size : 0), 0);
    const sqlite = new Database(file, { readonly: true });
    try {
      // dbstat counts the pages of each b-tree; an index is charged to its table.
      const rows = sqlite
        .prepare(
          `SELECT COALESCE(m."tbl_name", s."name") AS "name", SUM(s."pgsize") AS "bytes"
             FROM dbstat s LEFT JOIN sqlite_master m ON m."name" = s."name"
            WHERE s.aggregate = TRUE GROUP BY 1 ORDER BY 2 DESC LIMIT ${LARGEST}`,
        )
        .all() as { name: string; bytes: number }[];
      return { totalBytes, bytesPerAddress: Math.round(totalBytes / addresses), tables: rows };
    } finally {
      sqlite.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const total = await client.query<{ bytes: string }>(`SELECT pg_database_size(current_database()) AS "bytes"`);
    const tables = await client.query<{ name: string; bytes: string }>(
      `SELECT c.relname AS "name", pg_total_relation_size(c.oid) AS "bytes" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind = 'r' AND n.nspname = current_schema() ORDER BY 2 DESC LIMIT ${LARGEST}`,
    );
    const totalBytes = Number(total.rows[0]!.bytes);
    return { totalBytes, bytesPerAddress: Math.round(totalBytes / addresses), tables: tables.rows.map((row) => ({ name: row.name, bytes: Number(row.bytes) })) };
  } finally {
    await client.end();
  }
}
