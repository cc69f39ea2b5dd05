/**
 * npm run bench:national — France at full size: BENCH_ROWS generated addresses (default 26,000,000)
 * over every commune (lib/demo/national.ts), streamed once to a BAN CSV in BENCH_DATA_DIR (reused by
 * later runs of the same size), imported into SQLite and PostgreSQL (TEST_DATABASE_URL) with time and
 * peak RSS, database size per row, then the production server loaded as bench:search does: search
 * (typed in full, abbreviated, with a typo, half-typed), address JSON, address page, the map view
 * (GET /api/v1/map) and a commune CSV export; p50/p95/p99 with one client, requests/s with
 * BENCH_CONNECTIONS (8), and each as a share of /api/health's in the same run. The load average is
 * printed beside each phase: the machine is shared.
 *
 * BENCH_DATABASES=sqlite,postgresql picks the databases; BENCH_KEEP_DB=1 keeps the SQLite file and the
 * PostgreSQL database (its URL is written to BENCH_DATA_DIR/national-<rows>-postgresql.url) and
 * BENCH_REUSE_DB=1 loads a kept one without importing again; BENCH_SKIP_BUILD=1 uses the
 * current .next build; BENCH_GENERATE_ONLY=1 writes the file and stops. Results also go to BENCH_DATA_DIR/results-<rows>-<database>.json.
 * Targets at 26 M (2-core machine): search p95 ≤ 15 ms, address JSON p95 ≤ 10 ms, page p95 ≤ 35 ms on
 * SQLite, within 1.5× on PostgreSQL; import ≥ 30,000 lines/s on each.
 */
import "@/lib/cli/load-env";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { nationalAddresses, nationalBanLine, nationalCommunes, type NationalAddress } from "@/lib/demo/national";
import { banHeader, seededRandom } from "@/lib/demo/synthetic";
import { readDecoupageAdministratif, toReferenceData } from "@/lib/reference/decoupage";
import { load, ms, PORT, queriesFor, settle, startServer, stopServer, type LoadResult } from "./load";
import { databaseSize, type DatabaseSize } from "./national-size";
import { importOnce, prepareDatabase, root } from "./shared";

const ROWS = Number(process.env.BENCH_ROWS ?? 26_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const DATA_DIR = path.resolve(process.env.BENCH_DATA_DIR ?? path.join(root, "data", "bench-national"));
const SAMPLES = 2_000;
type Provider = "sqlite" | "postgresql";

const loadAverage = () => os.loadavg().map((value) => value.toFixed(2)).join(" ");
const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)} load ${loadAverage()}] ${message}`);

type Sample = Pick<NationalAddress, "id" | "number" | "suffix" | "streetType" | "streetName" | "lat" | "lon"> & { commune: { inseeCode: string; name: string; postcode: string } };

/**
 * The BAN file of ROWS addresses and a reservoir sample of them (the queries and ids of the load),
 * written once: a later run of the same size reads both back.
 */
async function generate(): Promise<{ file: string; sample: Sample[] }> {
  const file = path.join(DATA_DIR, `ban-national-${ROWS}.csv`);
  const sampleFile = `${file}.sample.json`;
  if (fs.existsSync(file) && fs.existsSync(sampleFile)) {
    log(`reusing ${file} (${(fs.statSync(file).size / 1e9).toFixed(2)} GB)`);
    return { file, sample: JSON.parse(fs.readFileSync(sampleFile, "utf8")) as Sample[] };
  }
  const started = performance.now();
  const communes = nationalCommunes(toReferenceData(readDecoupageAdministratif()), ROWS);
  const random = seededRandom(7);
  const sample: Sample[] = [];
  const partial = `${file}.partial`;
  const out = fs.createWriteStream(partial);
  let seen = 0;
  let chunk = `${banHeader()}\n`;
  for (const address of nationalAddresses(communes)) {
    seen += 1;
    chunk += `${nationalBanLine(address)}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      chunk = "";
    }
    const kept = { ...address, commune: { inseeCode: address.commune.inseeCode, name: address.commune.name, postcode: address.postcode } };
    if (sample.length < SAMPLES) sample.push(kept);
    else if (random() < SAMPLES / seen) sample[Math.floor(random() * SAMPLES)] = kept;
  }
  out.write(chunk);
  await new Promise((resolve) => out.end(resolve));
  fs.renameSync(partial, file);
  fs.writeFileSync(sampleFile, JSON.stringify(sample));
  const seconds = (performance.now() - started) / 1000;
  log(`generated ${seen.toLocaleString("en")} addresses over ${communes.filter((c) => c.addresses > 0).length.toLocaleString("en")} communes: ${(fs.statSync(file).size / 1e9).toFixed(2)} GB in ${seconds.toFixed(0)} s`);
  return { file, sample };
}

interface Endpoint {
  label: string;
  paths: string[];
  /** Exports stream whole communes: one client only, no throughput run. */
  singleClient?: boolean;
}

function endpoints(sample: Sample[]): Endpoint[] {
  const around = (address: Sample, half: number) => [address.lon - half * 1.5, address.lat - half, address.lon + half * 1.5, address.lat + half].map((v) => v.toFixed(4)).join(",");
  return [
    { label: "/api/health (floor)", paths: ["/api/health"] },
    { label: "/api/v1/search", paths: sample.map((address, index) => `/api/v1/search?q=${encodeURIComponent(queriesFor(address as NationalAddress, index))}`) },
    { label: "/api/v1/addresses/{id}", paths: sample.map((address) => `/api/v1/addresses/${address.id}`) },
    { label: "/adresse/{id} (page)", paths: sample.map((address) => `/adresse/${address.id}`) },
    { label: "/api/v1/map (zoom 14)", paths: sample.map((address) => `/api/v1/map?bbox=${around(address, 0.006)}&zoom=14`) },
    { label: "export CSV of a commune", paths: sample.slice(0, 200).map((address) => `/api/v1/exports/availability.csv?commune=${address.commune.inseeCode}`), singleClient: true },
  ];
}

interface ProviderResult {
  provider: Provider;
  rows: number;
  import: { seconds: number; linesPerSecond: number; maxRssMb: number; loadAverage: string } | null;
  size: DatabaseSize;
  loads: { latency: LoadResult; throughput: LoadResult | null; loadAverage: string }[];
}

async function measure(provider: Provider, file: string, sample: Sample[]): Promise<ProviderResult> {
  const sqliteFile = `national-${ROWS}.db`;
  const keptUrlFile = path.join(DATA_DIR, `national-${ROWS}-postgresql.url`);
  const keptUrl = provider === "sqlite" ? (fs.existsSync(path.join(DATA_DIR, sqliteFile)) ? `file:${path.join(DATA_DIR, sqliteFile)}` : null) : fs.existsSync(keptUrlFile) ? fs.readFileSync(keptUrlFile, "utf8").trim() : null;
  const reuse = process.env.BENCH_REUSE_DB === "1" && keptUrl !== null;
  if (provider === "sqlite" && !reuse) for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(path.join(DATA_DIR, sqliteFile + suffix), { force: true });
  const database = reuse ? { url: keptUrl, drop: async () => {} } : await prepareDatabase(provider, DATA_DIR, sqliteFile);
  if (provider === "postgresql" && !reuse && process.env.BENCH_KEEP_DB === "1") fs.writeFileSync(keptUrlFile, `${database.url}\n`);
  try {
    let imported: ProviderResult["import"] = null;
    if (!reuse) {
      log(`${provider}: importing ${ROWS.toLocaleString("en")} lines`);
      const startLoad = loadAverage();
      const result = importOnce(database.url, "ban", file);
      imported = { seconds: result.seconds, linesPerSecond: Math.round(result.counts.read! / result.seconds), maxRssMb: result.maxRssMb, loadAverage: `${startLoad} → ${loadAverage()}` };
      log(`${provider}: imported ${JSON.stringify(result.counts)} in ${result.seconds.toFixed(0)} s (${imported.linesPerSecond.toLocaleString("en")} lines/s), peak RSS ${result.maxRssMb} MB`);
      const analysed = performance.now();
      await settle(provider, database.url);
      log(`${provider}: ANALYZE in ${((performance.now() - analysed) / 1000).toFixed(0)} s`);
    }
    const size = await databaseSize(provider, database.url, ROWS);
    log(`${provider}: ${(size.totalBytes / 1e9).toFixed(2)} GB, ${size.bytesPerAddress} bytes per address`);
    const server = await startServer(database.url);
    const loads: ProviderResult["loads"] = [];
    try {
      const base = `http://127.0.0.1:${PORT}`;
      const list = endpoints(sample);
      // Warm-up: the first requests compile routes and fill caches.
      await load("warm-up", base, list.flatMap((endpoint) => endpoint.paths.slice(0, 20)), 2, SECONDS);
      for (const endpoint of list) {
        const before = loadAverage();
        const latency = await load(endpoint.label, base, endpoint.paths, 1, SECONDS);
        const throughput = endpoint.singleClient ? null : await load(endpoint.label, base, endpoint.paths, CONNECTIONS, SECONDS);
        loads.push({ latency, throughput, loadAverage: before });
        log(`${provider} ${endpoint.label}: p50 ${ms(latency.p50)} p95 ${ms(latency.p95)} p99 ${ms(latency.p99)}${throughput ? `, ${Math.round(throughput.requestsPerSecond)} req/s with ${CONNECTIONS}` : ""}, errors ${latency.errors + (throughput?.errors ?? 0)}`);
      }
    } finally {
      stopServer(server);
    }
    return { provider, rows: ROWS, import: imported, size, loads };
  } finally {
    if (!reuse && process.env.BENCH_KEEP_DB !== "1") {
      await database.drop();
      if (provider === "sqlite") for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(path.join(DATA_DIR, sqliteFile + suffix), { force: true });
    }
  }
}

function report(results: ProviderResult[]): void {
  console.log(`\n${ROWS.toLocaleString("en")} addresses; latency with 1 client, throughput with ${CONNECTIONS}; ${SECONDS} s per run; ms.`);
  console.log("| database | import lines/s | import s | peak RSS MB | database GB | bytes/address |\n|---|---|---|---|---|---|");
  for (const { provider, import: imported, size } of results) {
    console.log(`| ${provider} | ${imported ? imported.linesPerSecond.toLocaleString("en") : "(reused)"} | ${imported ? imported.seconds.toFixed(0) : ""} | ${imported?.maxRssMb ?? ""} | ${(size.totalBytes / 1e9).toFixed(2)} | ${size.bytesPerAddress} |`);
  }
  console.log(`\n| database | endpoint | p50 | p95 | p99 | req/s (${CONNECTIONS} clients) | vs health | p95 (${CONNECTIONS} clients) | errors | load avg |\n|---|---|---|---|---|---|---|---|---|---|`);
  for (const { provider, loads } of results) {
    // A one-client run is compared with health's one-client run, a throughput run with health's.
    const [health] = loads;
    for (const { latency, throughput, loadAverage: average } of loads) {
      const rate = throughput ?? latency;
      const floor = throughput ? health!.throughput!.requestsPerSecond : health!.latency.requestsPerSecond;
      console.log(
        `| ${provider} | ${latency.label} | ${ms(latency.p50)} | ${ms(latency.p95)} | ${ms(latency.p99)} | ${Math.round(rate.requestsPerSecond)}${throughput ? "" : " (1 client)"} | ${Math.round((rate.requestsPerSecond / floor) * 100)} % | ${throughput ? ms(throughput.p95) : ""} | ${latency.errors + (throughput?.errors ?? 0)} | ${average} |`,
      );
    }
  }
  for (const { provider, size } of results) console.log(`\n${provider} tables (MB): ${size.tables.map(({ name, bytes }) => `${name} ${(bytes / 1e6).toFixed(0)}`).join(", ")}`);
  console.log("\nTargets at 26 M: search p95 ≤ 15 ms, address JSON p95 ≤ 10 ms, page p95 ≤ 35 ms on SQLite, within 1.5× on PostgreSQL; import ≥ 30,000 lines/s.");
}

async function main(): Promise<void> {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const providers = (process.env.BENCH_DATABASES ?? (process.env.TEST_DATABASE_URL ? "sqlite,postgresql" : "sqlite")).split(",") as Provider[];
  if (providers.includes("postgresql") && !process.env.TEST_DATABASE_URL) throw new Error("PostgreSQL needs TEST_DATABASE_URL (a role that may create databases).");
  if (process.env.BENCH_SKIP_BUILD !== "1" && process.env.BENCH_GENERATE_ONLY !== "1") {
    const build = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const { file, sample } = await generate();
  if (process.env.BENCH_GENERATE_ONLY === "1") return;
  const results: ProviderResult[] = [];
  for (const provider of providers) {
    const result = await measure(provider, file, sample);
    fs.writeFileSync(path.join(DATA_DIR, `results-${ROWS}-${provider}.json`), JSON.stringify({ ...result, at: new Date().toISOString() }, null, 2));
    results.push(result);
  }
  report(results);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
