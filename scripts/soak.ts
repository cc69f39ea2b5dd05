/**
 * npm run soak [-- --minutes 3] [--idle-seconds 30] [--rows 300000] [--port 3320] [--pg-url postgresql://…] [--skip-sqlite]
 *
 * Builds nothing: run `npx next build` first. On the loopback interface only, for each database
 * (a fresh SQLite demo database; PostgreSQL too with --pg-url, an empty local database): starts
 * the production server, measures public traffic alone (idle), then for --minutes runs at the
 * same time BAN imports of a generated --rows-line file through the command line (on SQLite each
 * holds the write lock for its whole run), public traffic (search, address JSON, address page),
 * sign-ins (right and wrong passwords) and publication saves through the real server action.
 * Reports p50/p95 per route, outcomes, 5xx and hung requests (no answer within 15 s), then stops
 * the server with SIGTERM. Exit 0 when: no hung request, no 5xx, and each public route's p95 under
 * load is within 2× its idle p95.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDbClient } from "@/lib/db/client";
import { banHeader, banLineOf, syntheticAddresses } from "@/lib/demo/synthetic";
import { assertLocalDatabaseUrl } from "@/lib/testing/test-database";
import { benchCommunes, writeLines } from "./bench/shared";
import { assertBuilt, prepareDemoDatabase, startServer, stopServer } from "./ops/production-server";
import { HUNG_MS, Recorder, adminWrites, importLoop, percentile, publicTraffic, signIns, type SampleAddress } from "./ops/soak-load";

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const MINUTES = Number(option("minutes") ?? 3);
const IDLE_SECONDS = Number(option("idle-seconds") ?? 30);
const ROWS = Number(option("rows") ?? 300_000);
const PORT = Number(option("port") ?? 3320);
const PG_URL = option("pg-url");
const SKIP_SQLITE = process.argv.includes("--skip-sqlite");
const PUBLIC_ROUTES = ["GET /api/v1/search", "GET /api/v1/addresses/{id}", "GET /adresse/{id}"];

async function sampleAddresses(databaseUrl: string): Promise<SampleAddress[]> {
  const client = createDbClient(databaseUrl);
  try {
    const rows = await client.address.findMany({ select: { id: true, searchKey: true }, orderBy: { id: "asc" }, take: 4000 });
    // Every 20th of the first 4,000: spread over the communes; the query is the address as people type it.
    return rows.filter((_, index) => index % 20 === 0).map((row) => ({ id: row.id, query: row.searchKey.split(" ").slice(0, 6).join(" ") }));
  } finally {
    await client.$disconnect();
  }
}

const ms = (value: number) => (Number.isNaN(value) ? "–" : String(Math.round(value)));

async function soak(label: string, databaseUrl: string, banFile: string): Promise<boolean> {
  console.log(`\n## ${label}\npreparing the demo database…`);
  prepareDemoDatabase(databaseUrl);
  const addresses = await sampleAddresses(databaseUrl);
  const server = await startServer(databaseUrl, PORT);
  const idle = new Recorder();
  const load = new Recorder();
  let imports;
  try {
    console.log(`idle: public traffic alone for ${IDLE_SECONDS} s…`);
    await publicTraffic(server.base, idle, addresses, Date.now() + IDLE_SECONDS * 1000);
    console.log(`load: imports of ${ROWS} BAN lines, public traffic, sign-ins and publication saves for ${MINUTES} min…`);
    const until = Date.now() + MINUTES * 60_000;
    [imports] = await Promise.all([
      importLoop(databaseUrl, banFile, until),
      publicTraffic(server.base, load, addresses, until),
      signIns(server.base, load, until),
      adminWrites(server.base, load, until),
    ]);
  } finally {
    const code = await stopServer(server);
    console.log(`server stopped by SIGTERM: exit code ${code}`);
  }

  console.log(`\nimports: ${imports.runs} runs (${imports.failed} failed), seconds each: ${imports.seconds.join(", ")}`);
  console.log("\n| route | idle p50 / p95 (ms) | during imports p50 / p95 (ms) | requests | ok | refused, import running | errors | 5xx | hung |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  let isPassing = true;
  for (const [route, stats] of load.routes) {
    const before = idle.routes.get(route);
    const p95 = percentile(stats.latencies, 0.95);
    const idleP95 = before ? percentile(before.latencies, 0.95) : NaN;
    const isPublic = PUBLIC_ROUTES.includes(route);
    const withinTwice = !isPublic || p95 <= 2 * idleP95;
    isPassing &&= withinTwice && stats.hung === 0 && stats.serverErrors === 0 && stats.unanswered === 0;
    const requests = stats.latencies.length + stats.hung + stats.unanswered;
    console.log(
      `| ${route} | ${before ? `${ms(percentile(before.latencies, 0.5))} / ${ms(idleP95)}` : "–"} | ${ms(percentile(stats.latencies, 0.5))} / ${ms(p95)}${withinTwice ? "" : " (over 2× idle)"} | ${requests} | ${stats.outcomes.ok} | ${stats.outcomes.refused_busy} | ${stats.outcomes.error + stats.unanswered} | ${stats.serverErrors} | ${stats.hung} |`,
    );
  }
  console.log(isPassing ? `\n${label}: PASS (no hung request in ${HUNG_MS / 1000} s, no 5xx, public p95 within 2× idle)` : `\n${label}: FAIL`);
  return isPassing;
}

async function main(): Promise<void> {
  assertBuilt();
  if (PG_URL) assertLocalDatabaseUrl(PG_URL);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fibre-pro-soak-"));
  try {
    const banFile = path.join(dir, "adresses-soak.csv");
    await writeLines(banFile, [banHeader(), ...Array.from(syntheticAddresses(benchCommunes(), ROWS), banLineOf)]);
    let isPassing = SKIP_SQLITE || (await soak("SQLite", `file:${path.join(dir, "soak.db")}`, banFile));
    if (PG_URL) isPassing = (await soak("PostgreSQL", PG_URL, banFile)) && isPassing;
    process.exitCode = isPassing ? 0 : 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
