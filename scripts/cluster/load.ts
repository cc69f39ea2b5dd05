/**
 * The cluster demo's load run: autocannon through nginx on a few public endpoints, one after the
 * other; p50/p95/p99 latency and requests per second, as a README table.
 */
import autocannon from "autocannon";

export interface LoadFigure {
  label: string;
  p50: number;
  p95: number;
  p99: number;
  requestsPerSecond: number;
  errors: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function load(label: string, base: string, paths: string[], connections: number, seconds: number): Promise<LoadFigure> {
  let next = 0;
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: base, connections, duration: seconds, requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }] },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime: number) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  return {
    label,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    requestsPerSecond: result.requests.average,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

export async function runLoad(base: string, targets: { label: string; paths: string[] }[], connections: number, seconds: number): Promise<LoadFigure[]> {
  const figures: LoadFigure[] = [];
  for (const target of targets) figures.push(await load(target.label, base, target.paths, connections, seconds));
  const ms = (value: number) => value.toFixed(1);
  console.log(`\nLoad through nginx: ${connections} connections, ${seconds} s per endpoint; latency in ms.`);
  console.log("| endpoint | p50 | p95 | p99 | req/s | errors |\n|---|---|---|---|---|---|");
  for (const figure of figures) {
    console.log(`| ${figure.label} | ${ms(figure.p50)} | ${ms(figure.p95)} | ${ms(figure.p99)} | ${Math.round(figure.requestsPerSecond)} | ${figure.errors} |`);
  }
  return figures;
}
