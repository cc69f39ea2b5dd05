/**
 * What the operations scripts (soak, export memory) share: a fresh demo database, the production
 * server (scripts/server.ts, after `next build`) on the loopback interface, its memory, sign-in.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { assertLocalDatabaseUrl } from "@/lib/testing/test-database";

export const root = path.resolve(__dirname, "..", "..");
export const DEMO_PASSWORD = "demo-Fibre-Pro-2026";
export const SECRET = "operations-scripts-secret-not-for-production";

export function assertBuilt(): void {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error("no production build: run `npx next build` first (this script builds nothing itself)");
  }
}

function runStep(args: string[], databaseUrl: string): void {
  const result = spawnSync(process.execPath, ["--import", "tsx", ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed: ${result.stderr || result.stdout}`);
}

/** Migrations, reference data, the demo territory and accounts (about 40 s on SQLite). */
export function prepareDemoDatabase(databaseUrl: string): void {
  assertLocalDatabaseUrl(databaseUrl);
  runStep(["--conditions=react-server", "scripts/db-setup.ts"], databaseUrl);
  runStep(["--conditions=react-server", "scripts/demo-data.ts"], databaseUrl);
}

export interface RunningServer {
  process: ChildProcess;
  base: string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

export async function startServer(databaseUrl: string, port: number, env: Record<string, string> = {}): Promise<RunningServer> {
  assertLocalDatabaseUrl(databaseUrl);
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      API_RATE_LIMIT: "0",
      NEXTAUTH_SECRET: SECRET,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      MAP_TILE_URL: "https://tiles.fibre-pro.invalid/{z}/{x}/{y}.png",
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 180; attempt++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { process: child, base, exited };
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  child.kill("SIGKILL");
  throw new Error("the server did not answer /api/health within 90 s");
}

/** SIGTERM, then the exit code (the server finishes its requests first); SIGKILL after 60 s. */
export async function stopServer(server: RunningServer): Promise<number | null> {
  server.process.kill("SIGTERM");
  const timer = setTimeout(() => server.process.kill("SIGKILL"), 60_000);
  const code = await server.exited;
  clearTimeout(timer);
  return code;
}

/** Resident memory of a process, in MB (Linux /proc). */
export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kilobytes = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? NaN);
  return Math.round(kilobytes / 102.4) / 10;
}

/** Signs in through next-auth's endpoints; resolves with the HTTP status and the cookies to send back. */
export async function signIn(base: string, email: string, password: string, signal?: AbortSignal): Promise<{ status: number; cookie: string }> {
  const csrf = await fetch(`${base}/api/auth/csrf`, { signal });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    redirect: "manual",
    signal,
  });
  await response.arrayBuffer();
  const cookies = [csrfCookie, ...response.headers.getSetCookie().map((cookie) => cookie.split(";")[0])].join("; ");
  return { status: response.status, cookie: cookies };
}
