/**
 * Prisma CLI configuration for PostgreSQL (generate, migrate diff, db pull). Its schema,
 * prisma/postgres/schema.prisma, is generated from prisma/schema.prisma. Diffing needs a
 * reachable server: DATABASE_URL.
 */
import path from "node:path";
import { defineConfig } from "prisma/config";
import { postgresCliAdapter } from "./cli-adapters";
import { offlineEngines } from "./offline-engines";

offlineEngines("postgresql://localhost:5432/fibre_pro");

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(__dirname, "postgres", "schema.prisma"),
  migrations: { path: path.join(__dirname, "migrations", "postgresql") },
  adapter: async () => postgresCliAdapter(process.env.DATABASE_URL ?? ""),
});
