/**
 * Unit tests (lib/**\/*.test.ts) run alone; integration tests (*.int.test.ts) get a fresh,
 * migrated database per file: SQLite always, PostgreSQL too when TEST_DATABASE_URL is set
 * (a role with CREATEDB: each file gets its own database, dropped afterwards); the read-replica
 * tests (*.replica.test.ts) when TEST_REPLICA_DIR names a primary/standby pair.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

const alias = {
  "@": root,
  // Data modules import "server-only"; in tests they run on the server side anyway.
  "server-only": path.join(root, "lib/testing/server-only.ts"),
};

const integration = (provider: "sqlite" | "postgresql") => ({
  resolve: { alias },
  test: {
    name: `integration-${provider}`,
    include: ["{app,lib,scripts}/**/*.int.test.ts"],
    setupFiles: ["lib/testing/setup-database.ts"],
    // A fixed key, as in development: on PostgreSQL the generated one is refused (lib/auth/secret-policy.ts).
    env: { TEST_DB_PROVIDER: provider, NEXTAUTH_SECRET: "integration-tests-only-secret" },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: provider === "postgresql",
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["{app,lib,scripts,components}/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/*.replica.test.ts", "node_modules/**"],
        },
      },
      integration("sqlite"),
      ...(process.env.TEST_DATABASE_URL ? [integration("postgresql")] : []),
      // A real PostgreSQL streaming replica: `npm run cluster:replica -- start` prints TEST_REPLICA_DIR.
      ...(process.env.TEST_REPLICA_DIR
        ? [{ resolve: { alias }, test: { name: "replica-postgresql", include: ["lib/**/*.replica.test.ts"], testTimeout: 60_000, hookTimeout: 120_000 } }]
        : []),
    ],
  },
});
