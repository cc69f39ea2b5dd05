/**
 * What the server benchmarks share (bench:search, bench:national): the production server started
 * on a database, autocannon loads with their percentiles, the queries people type for an address,
 * and statistics settled as a database in service has them.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import pg from "pg";
import { sqliteFilePath } from "@/lib/db/provider";
import type { SyntheticAddress } from "@/lib/demo/synthetic";
import { root } from "./shared";

export const PORT = Number(process.env.BENCH_PORT ?? 3190);

export interface LoadResult {
  label: string;
  p50: number;
  p95: number;
  p99: number;
  requestsPerSecond: number;
  requests: number;
  errors: number;
}

const ABBREVIATIONS: Record<string, string> = {
  Rue: "r", Avenue: "av", Boulevard: "bd", Chemin: "chem", Route: "rte", Impasse: "imp", Place: "pl", Allée: "all",
  Lotissement: "lot", Résidence: "res", Square: "sq", Quai: "qu", Passage: "pas", Faubourg: "fg", Montée: "mte",
};

/** What people type for an address: in full, abbreviated, with a typo, or half-typed. */
export function queriesFor(address: SyntheticAddress, variant: number): string {
  const street = address.streetType ? `${address.streetType} ${address.streetName}` : address.streetName;
  const number = `${address.number}${address.suffix ? ` ${address.suffix}` : ""}`;
  switch (variant % 4) {
    case 0:
      return `${number} ${street} ${address.commune.name}`;
    case 1: {
      const type = address.streetType ? `${ABBREVIATIONS[address.streetType] ?? address.streetType} ` : "";
      return `${number} ${type}${address.streetName} ${address.commune.postcode}`;
    }
    case 2: {
      // One typo in the longest word of the street name (two letters swapped).
      const words = address.streetName.split(" ");
      const longest = words.reduce((a, b) => (b.length > a.length ? b : a), "");
      const typo = longest.length > 5 ? `${longest.slice(0, 3)}${longest[4]}${longest[3]}${longest.slice(5)}` : longest;
      return `${number} ${street.replace(longest, typo)} ${address.commune.name}`;
    }
    default:
      return `${number} ${street.slice(0, Math.max(8, street.length - 6))}`;
  }
}

export const ms = (value: number) => value.toFixed(1);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** `connections` clients requesting `paths` in turn for `seconds`: latency percentiles and requests/s. */
export async function load(label: string, base: string, paths: string[], connections: number, seconds: number): Promise<LoadResult> {
  let next = 0;
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        timeout: 60,
        requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
      },
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
    requests: result.requests.total,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

/**
 * Statistics as a database in service has them (PostgreSQL's autovacuum would otherwise analyse the
 * fresh rows in the middle of the measures).
 */
export async function settle(provider: "sqlite" | "postgresql", url: string): Promise<void> {
  if (provider === "sqlite") {
    const sqlite = new Database(sqliteFilePath(url));
    sqlite.exec("ANALYZE");
    sqlite.close();
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("VACUUM ANALYZE");
  await client.end();
}

export async function startServer(databaseUrl: string): Promise<ChildProcess> {
  const server = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-H", "127.0.0.1", "-p", String(PORT)], {
    cwd: root,
    // One client sends thousands of requests a second: no rate limit here. A fixed signing key: on
    // PostgreSQL the generated one is refused (lib/auth/secret-policy.ts).
    env: { NEXTAUTH_SECRET: "bench-only-secret-0123456789", ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", API_RATE_LIMIT: "0" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  stopServer(server);
  throw new Error("the server did not answer /api/health within 60 s");
}

export function stopServer(server: ChildProcess): void {
  // next start forks next-server: stop the whole process group.
  if (server.pid) process.kill(-server.pid, "SIGTERM");
}
