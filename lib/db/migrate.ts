/**
 * Applies the committed SQL migrations of prisma/migrations/<provider>/ in name order, each in a
 * transaction, and records them in `_fibre_migrations`. We do not use `prisma migrate deploy`:
 * with driver adapters it fails on PostgreSQL (see ../shared/STACK-NOTES.md). An applied
 * migration whose file changed afterwards is an error, never silently re-run.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseProvider, sqliteFilePath, type DatabaseProvider } from "@/lib/db/provider";

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export const MIGRATIONS_TABLE = "_fibre_migrations";

export function migrationsDir(provider: DatabaseProvider, root: string = process.cwd()): string {
  return path.join(root, "prisma", "migrations", provider);
}

export function readMigrations(dir: string): Migration[] {
  if (!fs.existsSync(dir)) throw new Error(`No migrations folder at ${dir}`);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

/** Which migrations still need applying; throws when an applied one was edited or is unknown. */
export function pendingMigrations(all: Migration[], applied: Map<string, string>): Migration[] {
  const known = new Set(all.map((migration) => migration.name));
  for (const name of applied.keys()) {
    if (!known.has(name)) throw new Error(`Migration ${name} is applied in the database but missing from the repository`);
  }
  for (const migration of all) {
    const checksum = applied.get(migration.name);
    if (checksum !== undefined && checksum !== migration.checksum) {
      throw new Error(`Migration ${migration.name} was edited after being applied: create a new migration instead`);
    }
  }
  return all.filter((migration) => !applied.has(migration.name));
}

function migrateSqlite(url: string, migrations: Migration[]): string[] {
  const file = sqliteFilePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file, { timeout: 10_000 });
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.exec(
      `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`,
    );
    // SQLite's way to alter tables (copy, drop, rename) must not fire ON DELETE actions: foreign
    // keys are off while migrating (the pragma is ignored inside a transaction) and checked after.
    sqlite.pragma("foreign_keys = OFF");
    const apply = sqlite.transaction(() => {
      const rows = sqlite.prepare(`SELECT name, checksum FROM "${MIGRATIONS_TABLE}"`).all() as {
        name: string;
        checksum: string;
      }[];
      const pending = pendingMigrations(migrations, new Map(rows.map((row) => [row.name, row.checksum])));
      const record = sqlite.prepare(`INSERT INTO "${MIGRATIONS_TABLE}" (name, checksum, applied_at) VALUES (?, ?, ?)`);
      for (const migration of pending) {
        sqlite.exec(migration.sql);
        record.run(migration.name, migration.checksum, new Date().toISOString());
      }
      const violations = sqlite.pragma("foreign_key_check") as unknown[];
      if (violations.length > 0) throw new Error(`Migration left ${violations.length} broken foreign keys; rolled back`);
      return pending.map((migration) => migration.name);
    });
    const applied = apply.immediate();
    sqlite.pragma("foreign_keys = ON");
    return applied;
  } finally {
    sqlite.close();
  }
}

/** Several replicas may start at once: an advisory lock serialises them. */
const POSTGRES_LOCK_KEY = 4_242_001;

async function migratePostgres(url: string, migrations: Migration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [POSTGRES_LOCK_KEY]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`,
    );
    const { rows } = await client.query<{ name: string; checksum: string }>(
      `SELECT name, checksum FROM "${MIGRATIONS_TABLE}"`,
    );
    const pending = pendingMigrations(migrations, new Map(rows.map((row) => [row.name, row.checksum])));
    for (const migration of pending) {
      await client.query(migration.sql);
      await client.query(`INSERT INTO "${MIGRATIONS_TABLE}" (name, checksum, applied_at) VALUES ($1, $2, now())`, [
        migration.name,
        migration.checksum,
      ]);
    }
    await client.query("COMMIT");
    return pending.map((migration) => migration.name);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** Migrates the database at `url` to the latest committed migration; returns what it applied. */
export async function migrateDatabase(url: string, root: string = process.cwd()): Promise<string[]> {
  const provider = databaseProvider(url);
  const migrations = readMigrations(migrationsDir(provider, root));
  return provider === "sqlite" ? migrateSqlite(url, migrations) : migratePostgres(url, migrations);
}
