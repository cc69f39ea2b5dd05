/**
 * Prisma CLI configuration for SQLite (generate, migrate diff, db pull). Migrations are applied
 * by lib/db/migrate.ts, not by `prisma migrate deploy`: see README, "Base de données".
 */
import path from "node:path";
import { defineConfig } from "prisma/config";
import { sqliteCliAdapter } from "./cli-adapters";
import { offlineEngines } from "./offline-engines";

offlineEngines("file:./data/fibre-pro.db");

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(__dirname, "schema.prisma"),
  migrations: { path: path.join(__dirname, "migrations", "sqlite") },
  adapter: async () => sqliteCliAdapter(process.env.DATABASE_URL ?? ":memory:"),
});
