/**
 * Browser tests against the production build (`next build` first: npm run test:e2e does it),
 * in Debian's Chromium. One server per database: SQLite always, PostgreSQL too when
 * E2E_PG_DATABASE_URL is set. Servers are waited for on /api/health.
 */
import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { assertLocalDatabaseUrl } from "./lib/testing/test-database";
import { E2E_NEXTAUTH_SECRET, servers } from "./e2e/servers";

for (const server of servers) assertLocalDatabaseUrl(server.databaseUrl);

/**
 * Debian's chromium-headless-shell (the "old" headless Chromium, which Playwright itself prefers
 * for headless runs) when installed: the suite runs in about two thirds of the time it takes in
 * the full browser. Otherwise Debian's chromium; CHROMIUM_PATH overrides both (e.g. for --headed).
 */
function chromiumBinary(): string {
  const headlessShell = "/usr/lib/chromium/chromium-headless-shell";
  return existsSync(headlessShell) ? headlessShell : "/usr/bin/chromium";
}

export default defineConfig({
  testDir: "e2e",
  outputDir: "e2e/.artifacts/results",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never", outputFolder: "e2e/.artifacts/report" }]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    locale: "fr-FR",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? chromiumBinary(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
    },
  },
  projects: servers.map((server) => ({
    name: server.name,
    use: { baseURL: `http://127.0.0.1:${server.port}` },
  })),
  webServer: servers.map((server) => ({
    command: `npm run --silent db:setup && npm run --silent demo:data && node --import tsx scripts/server.ts -H 127.0.0.1 -p ${server.port}`,
    url: `http://127.0.0.1:${server.port}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      DATABASE_URL: server.databaseUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      // Never the network: e2e/fixtures.ts answers these tile requests.
      MAP_TILE_URL: "https://tiles.fibre-pro.invalid/{z}/{x}/{y}.png",
      // Every test browses from 127.0.0.1: the API rate limit is tested in lib/api/rate-limit.int.test.ts.
      API_RATE_LIMIT: "0",
      NEXTAUTH_SECRET: E2E_NEXTAUTH_SECRET,
      NEXTAUTH_URL: `http://127.0.0.1:${server.port}`,
      MAIL_OUTBOX_DIR: server.outboxDir,
      UPLOAD_DIR: `data/e2e-uploads/${server.name}`,
      SMTP_URL: "",
    },
  })),
});
