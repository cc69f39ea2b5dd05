/**
 * Keeps the committed migrations of both providers in step with prisma/schema.prisma.
 *
 *   tsx scripts/db-migrations.ts check        CI: the PostgreSQL schema is the generated one, and for
 *                                             each provider, a scratch database built from the
 *                                             migrations introspects to exactly the schema.
 *   tsx scripts/db-migrations.ts new <name>   writes the next migration of each provider.
 *
 * PostgreSQL needs a server: TEST_DATABASE_URL (or DATABASE_URL) naming a role with CREATEDB.
 * Without one, `check` checks SQLite only and says so; `new` refuses.
 */
import "@/lib/cli/load-env";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { MIGRATIONS_TABLE, migrateDatabase, migrationsDir } from "@/lib/db/migrate";
import { createScratchDatabase } from "@/lib/db/scratch-database";
import type { DatabaseProvider } from "@/lib/db/provider";

const root = path.resolve(__dirname, "..");
const EMPTY_DIFF = "-- This is an empty migration.";

const providers = {
  sqlite: { config: "prisma/sqlite.config.ts", schema: "prisma/schema.prisma", datasource: "sqlite" },
  postgresql: { config: "prisma/postgres.config.ts", schema: "prisma/postgres/schema.prisma", datasource: "postgresql" },
} as const;

function prisma(args: string[], databaseUrl: string): string {
  const result = spawnSync(path.join(root, "node_modules", ".bin", "prisma"), args, {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`prisma ${args[0]} ${args[1] ?? ""} failed:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/** A database built from the committed migrations, dropped afterwards. */
async function withScratchDatabase<T>(provider: DatabaseProvider, run: (url: string) => Promise<T>): Promise<T> {
  if (provider === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fibre-pro-migrations-"));
    try {
      return await run(`file:${path.join(dir, "scratch.db")}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const serverUrl = postgresServerUrl();
  if (!serverUrl) throw new Error("no PostgreSQL server: set TEST_DATABASE_URL");
  const database = await createScratchDatabase(serverUrl, "fibre_pro_scratch");
  try {
    return await run(database.url);
  } finally {
    await database.drop();
  }
}

function postgresServerUrl(): string | undefined {
  return [process.env.TEST_DATABASE_URL, process.env.DATABASE_URL].find((url) => url && /^postgres/.test(url));
}

/**
 * The introspected schema without the CLI's warnings, our migrations table and the search
 * indexes Prisma does not model (written by hand in the address_search and commune_search
 * migrations): the SQLite FTS5 tables "AddressSearch*", "CommuneSearch*", "EstablishmentSearch*", the PostgreSQL
 * trigram indexes and the street prefix index (address_street_prefix: binary collation).
 */
function withoutBookkeeping(pulled: string): string {
  const schema = pulled.slice(Math.max(0, pulled.search(/^datasource /m)));
  return schema
    .replace(/^model (\w+) \{[^}]*\}\n?/gm, (block, name: string) =>
      block.includes(MIGRATIONS_TABLE) || /^(Address|Commune|Establishment)Search/.test(name) ? "" : block,
    )
    .replace(/^.*gin_trgm_ops.*\n/gm, "")
    .replace(/^.*@@index\(\[number, streetKey.*\n/gm, "");
}

/** SQL that takes the database built from the migrations to the schema ("" when none). */
async function pendingSchemaChanges(provider: DatabaseProvider): Promise<string> {
  const { config, schema, datasource } = providers[provider];
  return withScratchDatabase(provider, async (url) => {
    const applied = await migrateDatabase(url, root);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "fibre-pro-pull-"));
    try {
      let from = ["--from-empty"];
      if (applied.length > 0) {
        const bare = path.join(tmp, "bare.prisma");
        fs.writeFileSync(bare, `datasource db {\n  provider = "${datasource}"\n  url = env("DATABASE_URL")\n}\n`);
        const pulled = prisma(["db", "pull", "--config", config, "--schema", bare, "--print"], url);
        const pulledPath = path.join(tmp, "pulled.prisma");
        fs.writeFileSync(pulledPath, withoutBookkeeping(pulled));
        from = ["--from-schema-datamodel", pulledPath];
      }
      const diff = prisma(["migrate", "diff", "--config", config, ...from, "--to-schema-datamodel", schema, "--script"], url);
      return diff.includes(EMPTY_DIFF) ? "" : diff.trim();
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
}

function checkPostgresSchemaIsGenerated(): void {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/db-schema-pg.ts", "--check"], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) process.exit(1);
}

async function check(): Promise<void> {
  checkPostgresSchemaIsGenerated();
  const checked: DatabaseProvider[] = postgresServerUrl() ? ["sqlite", "postgresql"] : ["sqlite"];
  let failed = false;
  for (const provider of checked) {
    const pending = await pendingSchemaChanges(provider);
    if (pending) {
      failed = true;
      console.error(`${provider}: the migrations do not produce prisma/schema.prisma. Missing:\n${pending}\n`);
      console.error("Run `npm run db:migration -- <name>` to write the next migration.");
    } else {
      console.log(`${provider}: migrations agree with the schema.`);
    }
  }
  if (checked.length === 1) console.log("postgresql: not checked (no TEST_DATABASE_URL).");
  if (failed) process.exit(1);
}

async function create(name: string): Promise<void> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("migration name: lower case letters, digits and _ only");
  if (!postgresServerUrl()) throw new Error("set TEST_DATABASE_URL to a PostgreSQL server: both providers get the migration");
  checkPostgresSchemaIsGenerated();
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  for (const provider of ["sqlite", "postgresql"] as const) {
    const sql = await pendingSchemaChanges(provider);
    if (!sql) {
      console.log(`${provider}: nothing to migrate.`);
      continue;
    }
    const dir = path.join(migrationsDir(provider, root), `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
    console.log(`${provider}: wrote ${path.relative(root, dir)}/migration.sql`);
  }
}

async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  if (command === "check") return check();
  if (command === "new" && name) return create(name);
  console.error("usage: db-migrations.ts check | new <name>");
  process.exit(2);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
