/**
 * npm run bench:search — generates 1,000,000 addresses in the BAN format, imports them into a
 * fresh SQLite database (and PostgreSQL when TEST_DATABASE_URL is set), starts the production
 * server on it and loads it with autocannon: p50/p95/p99 latency and requests/s for the search,
 * the address JSON and the address page, beside /api/health measured the same way (the floor).
 * Also the JavaScript an address page loads first (gzipped), which must not include Leaflet.
 *
 * Targets (SQLite, this 2-core machine): search p95 ≤ 30 ms, address JSON p95 ≤ 15 ms, search
 * throughput ≥ 25 % of the health endpoint's; first-load JS of /adresse ≤ 200 KB gzipped.
 * Each endpoint is loaded twice: by one client at a time for the latency a user sees (p50/p95/p99),
 * then by BENCH_CONNECTIONS concurrent clients (default 8) for the throughput (req/s, and the p95
 * under that load). BENCH_ROWS changes the size, BENCH_SECONDS the length of each load (default 10 s).
 */
import "@/lib/cli/load-env";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import Database from "better-sqlite3";
import { sqliteFilePath } from "@/lib/db/provider";
import { banHeader, banLineOf, seededRandom, syntheticAddresses, type SyntheticAddress } from "@/lib/demo/synthetic";
import { load as loadPaths, ms, PORT, queriesFor, settle, startServer, stopServer, type LoadResult } from "./load";
import { benchCommunes, importOnce, prepareDatabase, root, writeLines } from "./shared";

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const SAMPLES = 2_000;

const load = (label: string, base: string, paths: string[], connections = CONNECTIONS): Promise<LoadResult> => loadPaths(label, base, paths, connections, SECONDS);

/**
 * SIRENE establishments beside the addresses, one for every tenth address (SQLite), named after
 * their street ("Boulangerie Rue de la Paix"): the search by SIRET and by name runs on an index of
 * its real size ratio. Returns a sample of their SIRETs and names for the load.
 */
function addEstablishments(url: string): { siret: string; name: string }[] {
  const sqlite = new Database(sqliteFilePath(url));
  try {
    sqlite.exec(`INSERT INTO "Establishment"("siret", "siren", "tradeName", "inseeCode", "addressId", "matchMethod", "searchName", "contentHash", "updatedAt")
      SELECT printf('%09d%05d', a.rowid, 10), printf('%09d', a.rowid), k.word || ' ' || a."street", a."inseeCode", a."id", 'ban-id',
             lower(k.word) || ' ' || a."streetKey", a."id", CURRENT_TIMESTAMP
        FROM "Address" a JOIN (SELECT 0 AS n, 'Boulangerie' AS word UNION ALL SELECT 1, 'Garage' UNION ALL SELECT 2, 'Pharmacie'
                              UNION ALL SELECT 3, 'Imprimerie' UNION ALL SELECT 4, 'Menuiserie') k ON k.n = (a.rowid / 10) % 5
       WHERE a.rowid % 10 = 0`);
    return sqlite.prepare(`SELECT "siret", "tradeName" AS "name" FROM "Establishment" ORDER BY random() LIMIT ${SAMPLES}`).all() as { siret: string; name: string }[];
  } finally {
    sqlite.close();
  }
}

/** SIRETs typed with spaces, SIRENs, and names half-typed ("garage rue de la rep"). */
function businessQueries(establishments: { siret: string; name: string }[]): string[] {
  return establishments.map(({ siret, name }, index) => {
    const query =
      index % 3 === 0 ? `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}` : index % 3 === 1 ? siret.slice(0, 9) : name.slice(0, Math.max(8, name.length - 4));
    return `/api/v1/search?q=${encodeURIComponent(query)}`;
  });
}

/** The scripts an address page loads before any interaction, gzipped; and whether Leaflet is among them. */
async function firstLoadJs(base: string, addressPath: string): Promise<{ kilobytes: number; files: number; hasLeaflet: boolean }> {
  const html = await (await fetch(`${base}${addressPath}`)).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]!))];
  let bytes = 0;
  let hasLeaflet = false;
  for (const source of sources) {
    const body = Buffer.from(await (await fetch(new URL(source, base))).arrayBuffer());
    bytes += zlib.gzipSync(body, { level: 9 }).length;
    if (body.includes("leaflet-container")) hasLeaflet = true;
  }
  return { kilobytes: Math.round(bytes / 1024), files: sources.length, hasLeaflet };
}

async function main(): Promise<void> {
  const build = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error("next build failed");

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fibre-pro-bench-search-"));
  try {
    const communes = benchCommunes();
    const banFile = path.join(dir, "adresses-bench.csv");
    await writeLines(banFile, [banHeader(), ...Array.from(syntheticAddresses(communes, ROWS), banLineOf)]);
    const random = seededRandom(7);
    const sample: SyntheticAddress[] = [];
    let seen = 0;
    // Reservoir sample of the generated addresses: the queries and ids the load uses.
    for (const address of syntheticAddresses(communes, ROWS)) {
      seen += 1;
      if (sample.length < SAMPLES) sample.push(address);
      else if (random() < SAMPLES / seen) sample[Math.floor(random() * SAMPLES)] = address;
    }
    const searchPaths = sample.map((address, index) => `/api/v1/search?q=${encodeURIComponent(queriesFor(address, index))}`);
    const jsonPaths = sample.map((address) => `/api/v1/addresses/${address.id}`);
    const pagePaths = sample.map((address) => `/adresse/${address.id}`);

    const providers: ("sqlite" | "postgresql")[] = process.env.TEST_DATABASE_URL ? ["sqlite", "postgresql"] : ["sqlite"];
    const table: string[] = [];
    for (const provider of providers) {
      const database = await prepareDatabase(provider, dir);
      try {
        const imported = importOnce(database.url, "ban", banFile);
        console.log(`${provider}: imported ${imported.counts.created!.toLocaleString("en")} addresses in ${imported.seconds.toFixed(0)} s`);
        const businessPaths = provider === "sqlite" ? businessQueries(addEstablishments(database.url)) : [];
        await settle(provider, database.url);
        const server = await startServer(database.url);
        try {
          const base = `http://127.0.0.1:${PORT}`;
          // Warm-up: the first requests compile routes and fill caches.
          await load("warm-up", base, [...searchPaths.slice(0, 50), ...jsonPaths.slice(0, 50), ...pagePaths.slice(0, 20)]);
          const endpoints: [string, string[]][] = [
            ["/api/health (floor)", ["/api/health"]],
            ["/api/v1/search", searchPaths],
            ...(businessPaths.length ? [["/api/v1/search (SIRET, SIREN, names)", businessPaths] as [string, string[]]] : []),
            ["/api/v1/addresses/{id}", jsonPaths],
            ["/adresse/{id} (page)", pagePaths],
          ];
          const results: { latency: LoadResult; throughput: LoadResult }[] = [];
          for (const [label, paths] of endpoints) {
            results.push({ latency: await load(label, base, paths, 1), throughput: await load(label, base, paths) });
          }
          const health = results[0]!.throughput.requestsPerSecond;
          for (const { latency, throughput } of results) {
            table.push(
              `| ${provider} | ${latency.label} | ${ms(latency.p50)} | ${ms(latency.p95)} | ${ms(latency.p99)} | ${Math.round(throughput.requestsPerSecond)} | ${Math.round((throughput.requestsPerSecond / health) * 100)} % | ${ms(throughput.p95)} | ${latency.errors + throughput.errors} |`,
            );
          }
          if (provider === "sqlite") {
            const js = await firstLoadJs(base, pagePaths[0]!);
            console.log(`First-load JS of /adresse: ${js.kilobytes} KB gzipped in ${js.files} files; Leaflet in it: ${js.hasLeaflet ? "YES" : "no"}`);
          }
        } finally {
          stopServer(server);
        }
      } finally {
        await database.drop();
      }
    }
    console.log(`\n${ROWS.toLocaleString("en")} addresses; latency with 1 client, throughput with ${CONNECTIONS}; ${SECONDS} s per run; ms.`);
    console.log(
      `| database | endpoint | p50 | p95 | p99 | req/s (${CONNECTIONS} clients) | vs health | p95 (${CONNECTIONS} clients) | errors |\n|---|---|---|---|---|---|---|---|---|`,
    );
    for (const row of table) console.log(row);
    console.log("\nTargets (SQLite): search p95 ≤ 30 ms, address JSON p95 ≤ 15 ms, search ≥ 25 % of health's req/s, /adresse first-load JS ≤ 200 KB gz.");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
