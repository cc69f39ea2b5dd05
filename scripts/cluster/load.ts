/**
 * The cluster demo's load run: the benchmarks' autocannon runner (scripts/bench/load.ts) through
 * nginx on a few public endpoints, one after the other; p50/p95/p99 latency and requests per second,
 * as a README table.
 */
import { load, ms, type LoadResult } from "../bench/load";

export async function runLoad(base: string, targets: { label: string; paths: string[] }[], connections: number, seconds: number): Promise<LoadResult[]> {
  const figures: LoadResult[] = [];
  for (const target of targets) figures.push(await load(target.label, base, target.paths, connections, seconds));
  console.log(`\nLoad through nginx: ${connections} connections, ${seconds} s per endpoint; latency in ms.`);
  console.log("| endpoint | p50 | p95 | p99 | req/s | errors |\n|---|---|---|---|---|---|");
  for (const figure of figures) {
    console.log(`| ${figure.label} | ${ms(figure.p50)} | ${ms(figure.p95)} | ${ms(figure.p99)} | ${Math.round(figure.requestsPerSecond)} | ${figure.errors} |`);
  }
  return figures;
}
