/**
 * npm run bench:search-paths — on a PostgreSQL national database kept by bench:national
 * (BENCH_KEEP_DB=1), the benchmark's 2,000 search queries answered in one process by the full-text
 * path alone and by the current one (the street typed from its start first,
 * lib/search/street-prefix.ts), each query by both, which goes first alternating within each kind of
 * query (typed in full, abbreviated, with a typo, half-typed): p50/p95/p99 of the address candidates
 * per kind, how many the street range answered, and the slowest queries. BENCH_ROWS and
 * BENCH_DATA_DIR as for bench:national.
 */
import fs from "node:fs";
import path from "node:path";
import type { NationalAddress } from "@/lib/demo/national";

// Nothing that reads DATABASE_URL is imported before main() has set it to the kept database.
const root = path.resolve(__dirname, "..", "..");

const ROWS = Number(process.env.BENCH_ROWS ?? 26_000_000);
const DATA_DIR = path.resolve(process.env.BENCH_DATA_DIR ?? path.join(root, "data", "bench-national"));

function keptDatabaseUrl(): string {
  const file = path.join(DATA_DIR, `national-${ROWS}-postgresql.url`);
  if (!fs.existsSync(file)) throw new Error(`No kept PostgreSQL database of ${ROWS} rows in ${DATA_DIR}: run bench:national with BENCH_DATABASES=postgresql BENCH_KEEP_DB=1 first.`);
  return fs.readFileSync(file, "utf8").trim();
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!.toFixed(1);
};

async function main(): Promise<void> {
  process.env.DATABASE_URL = keptDatabaseUrl();
  const { queriesFor } = await import("./load");
  const { db } = await import("@/lib/db/client");
  const { addressCandidates } = await import("@/lib/search/addresses");
  const { mayFillLimit, postgresCandidates: fullText, prefixCandidates } = await import("@/lib/search/addresses-postgres");
  const { parseQuery } = await import("@/lib/search/query");
  const { streetPrefix } = await import("@/lib/search/street-prefix");
  const sample = JSON.parse(fs.readFileSync(path.join(DATA_DIR, `ban-national-${ROWS}.csv.sample.json`), "utf8")) as NationalAddress[];

  const timed = async (work: () => Promise<unknown>) => {
    const started = performance.now();
    await work();
    return performance.now() - started;
  };
  const rows: { kind: number; fullText: number; current: number; byRange: boolean; typed: string }[] = [];
  for (const [index, address] of sample.entries()) {
    const typed = queriesFor(address, index);
    const query = parseQuery(typed).address;
    if (query.terms.length === 0) continue;
    // Queries of one kind come every fourth: alternate which path goes first within each kind.
    const fullTextFirst = Math.floor(index / 4) % 2 === 0;
    const first = await timed(() => (fullTextFirst ? fullText(db, query) : addressCandidates(query)));
    const second = await timed(() => (fullTextFirst ? addressCandidates(query) : fullText(db, query)));
    const range = streetPrefix(query);
    const byRange = range !== null && (await mayFillLimit(db, query)) && (await prefixCandidates(db, range)).length === 100;
    rows.push({ kind: index % 4, fullText: fullTextFirst ? first : second, current: fullTextFirst ? second : first, byRange, typed });
  }
  const kinds = ["typed in full", "abbreviated", "with a typo", "half-typed"];
  console.log(`PostgreSQL, ${ROWS.toLocaleString("en")} addresses, ${rows.length} queries; address candidates, ms\n`);
  console.log("| queries | full-text: p50 / p95 / p99 | current: p50 / p95 / p99 | answered by the street range |\n|---|---|---|---|");
  for (const kind of [0, 1, 2, 3, -1]) {
    const group = kind < 0 ? rows : rows.filter((row) => row.kind === kind);
    const figures = (pick: (row: (typeof rows)[number]) => number) => [0.5, 0.95, 0.99].map((p) => percentile(group.map(pick), p)).join(" / ");
    console.log(`| ${kind < 0 ? "all" : kinds[kind]} (${group.length}) | ${figures((row) => row.fullText)} | ${figures((row) => row.current)} | ${group.filter((row) => row.byRange).length} |`);
  }
  console.log("\nSlowest now (current, full-text, ms):");
  for (const row of [...rows].sort((a, b) => b.current - a.current).slice(0, 15)) console.log(`${row.current.toFixed(1)}  ${row.fullText.toFixed(1)}  ${row.byRange ? "range" : "full-text"}  ${JSON.stringify(row.typed)}`);
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
