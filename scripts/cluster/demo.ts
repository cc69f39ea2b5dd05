/**
 * npm run cluster:demo [-- --keep] [--load-seconds N] — the reference production layout on one
 * machine: a PostgreSQL 15 primary and its streaming replica (own clusters in a temporary
 * directory, not the machine's 5432), the demo data loaded into the primary, two web servers
 * (`npm run start`, one NEXTAUTH_SECRET, TRUST_PROXY=1, rate limits counted in the database, public
 * reads on the replica), one `npm run worker`, and nginx balancing the servers. Then the smoke test
 * (scripts/cluster/smoke.ts) and a short load run through nginx; then everything it started is
 * stopped and removed — also on failure or Ctrl-C — unless --keep (then Ctrl-C stops it).
 * Builds first when there is no build (`.next/BUILD_ID`).
 */
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { runLoad } from "./load";
import { choosePorts, removePgPair, startPgPair, withDatabase, type PgPair } from "./pg-pair";
import { NGINX_BIN, nginxArgs, writeNginxConfig } from "../nginx";
import { Processes, get, waitForHttp } from "./processes";
import { runSmoke } from "./smoke";

/**
 * The ports wished for; each taken one is replaced by the next free one (choosePorts). All stay below
 * the ephemeral range, where any outgoing connection may hold a port for a while: 55432 once was.
 */
const WISHED_PORTS: Ports = { primary: 5442, replica: 5443, web: [3811, 3812], nginx: 8480 };
interface Ports {
  primary: number;
  replica: number;
  web: [number, number];
  nginx: number;
}
let PORTS = WISHED_PORTS;
const DATABASE = "fibre_demo";
const args = process.argv.slice(2);
const isKept = args.includes("--keep");
const loadSeconds = Number(args[args.indexOf("--load-seconds") + 1] ?? 0) || 8;

const work = fs.mkdtempSync(path.join(os.tmpdir(), "fibre-pro-cluster-"));
// PostgreSQL runs as `postgres` when we are root: it must be able to reach the pair's directory.
fs.chmodSync(work, 0o711);
const logs = path.join(work, "logs");
fs.mkdirSync(logs, { recursive: true });
const processes = new Processes(logs);
let pair: PgPair | null = null;

const started = Date.now();
function step(label: string): void {
  console.log(`\n==> ${label} (${Math.round((Date.now() - started) / 1000)} s)`);
}

/** An npm script run to its end, its output in logs/<name>.log; throws with the log's tail on failure. */
function npmRun(name: string, script: string, env: NodeJS.ProcessEnv): void {
  const log = path.join(logs, `${name}.log`);
  const result = spawnSync("npm", ["run", "--silent", script], { env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  fs.writeFileSync(log, `${result.stdout ?? ""}${result.stderr ?? ""}`);
  if (result.status !== 0) throw new Error(`npm run ${script} failed (exit ${result.status}):\n${fs.readFileSync(log, "utf8").split("\n").slice(-15).join("\n")}`);
  console.log(fs.readFileSync(log, "utf8").trim().split("\n").slice(-2).join("\n"));
}

async function createDatabase(current: PgPair): Promise<void> {
  const client = new pg.Client({ connectionString: current.primaryUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${DATABASE}`);
  await client.end();
}

async function cleanUp(): Promise<void> {
  await processes.stopAll();
  // Also a pair interrupted while it was being built.
  const pairDir = pair?.dir ?? path.join(work, "pg");
  if (fs.existsSync(pairDir)) removePgPair(pairDir);
  pair = null;
}

async function main(): Promise<number> {
  const [primary, replica, web1, web2, nginx] = await choosePorts([WISHED_PORTS.primary, WISHED_PORTS.replica, ...WISHED_PORTS.web, WISHED_PORTS.nginx] as const);
  PORTS = { primary, replica, web: [web1, web2], nginx };
  step(`PostgreSQL primary :${PORTS.primary} and streaming replica :${PORTS.replica} (in ${work}/pg)`);
  pair = await startPgPair({ dir: path.join(work, "pg"), primaryPort: PORTS.primary, replicaPort: PORTS.replica });
  await createDatabase(pair);
  const primaryUrl = withDatabase(pair.primaryUrl, DATABASE);
  const replicaUrl = withDatabase(pair.replicaUrl, DATABASE);
  const outboxDir = path.join(work, "outbox");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: primaryUrl,
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: `http://127.0.0.1:${PORTS.nginx}`,
    TRUST_PROXY: "1",
    API_RATE_LIMIT_STORE: "database",
    // The load run comes from one address: a limit it cannot reach, still counted in the database.
    API_RATE_LIMIT: "100000000",
    MAIL_OUTBOX_DIR: outboxDir,
    SMTP_URL: "",
    UPLOAD_DIR: path.join(work, "uploads"),
    IMPORT_RUNNER: "worker",
    LOG_LEVEL: "warn",
  };
  delete env.DATABASE_READ_URL;

  step("Demo data into the primary (npm run db:setup, npm run demo:data)");
  npmRun("db-setup", "db:setup", env);
  npmRun("demo-data", "demo:data", env);

  if (!fs.existsSync(".next/BUILD_ID")) {
    step("No build: npm run build");
    npmRun("build", "build", env);
  }

  step(`Two web servers :${PORTS.web.join(", :")}, one worker, nginx :${PORTS.nginx}`);
  const webEnv = { ...env, DATABASE_READ_URL: replicaUrl };
  for (const [index, port] of PORTS.web.entries()) processes.start(`web-${index + 1}`, "npm", ["run", "start", "--", "-p", String(port), "-H", "127.0.0.1"], webEnv);
  processes.start("worker", "npm", ["run", "worker"], env);
  writeNginxConfig(path.join(work, "nginx"), PORTS.nginx, PORTS.web);
  processes.start("nginx", NGINX_BIN, nginxArgs(path.join(work, "nginx")), env);
  for (const port of [...PORTS.web, PORTS.nginx]) await waitForHttp(port, "/api/health");
  const health = JSON.parse((await get(PORTS.nginx, "/api/health")).body) as { status: string; replica?: unknown };
  console.log(`health through nginx: ${health.status}, replica ${JSON.stringify(health.replica)}`);

  step("Smoke test through nginx");
  const failures = await runSmoke({ nginxPort: PORTS.nginx, webPorts: PORTS.web, outboxDir, replicaDatabaseUrl: replicaUrl, pairDir: pair.dir });
  if (failures > 0) return failures;
  await waitForHttp(PORTS.nginx, "/api/health");

  step("Load run through nginx");
  const addresses = JSON.parse((await get(PORTS.nginx, "/api/v1/zones/01053_SITE-ECO_00001/addresses?limit=20")).body) as { items: { id: string }[] };
  const figures = await runLoad(
    `http://127.0.0.1:${PORTS.nginx}`,
    [
      { label: "GET /api/health", paths: ["/api/health"] },
      { label: "search (API)", paths: ["bourg", "rue de la republique", "avenue des pres", "oyonnax", "ambérieu"].map((q) => `/api/v1/search?q=${encodeURIComponent(q)}`) },
      { label: "address (API)", paths: addresses.items.map((item) => `/api/v1/addresses/${item.id}`) },
      { label: "address page", paths: addresses.items.map((item) => `/adresse/${item.id}`) },
    ],
    10,
    loadSeconds,
  );
  const errors = figures.reduce((sum, figure) => sum + figure.errors, 0);
  if (errors > 0) console.log(`FAIL the load run had ${errors} errors`);
  return errors > 0 ? 1 : 0;
}

let isStopping = false;
async function finish(code: number): Promise<void> {
  if (isStopping) return;
  isStopping = true;
  if (isKept && code === 0) {
    console.log(`\nRunning (--keep): http://127.0.0.1:${PORTS.nginx} — Ctrl-C stops everything. Logs in ${logs}`);
    return;
  }
  step("Stopping everything the demo started");
  await cleanUp();
  if (code === 0) fs.rmSync(work, { recursive: true, force: true });
  else console.error(`Logs kept in ${logs}`);
  console.log(code === 0 ? "cluster demo: smoke test and load run passed" : "cluster demo: FAILED");
  process.exit(code);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.log(`\n${signal}: stopping`);
    isStopping = false;
    void finish(130).finally(() => process.exit(130));
  });
}

main()
  .then((failures) => finish(failures === 0 ? 0 : 1))
  .catch(async (error: unknown) => {
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    await finish(1);
  });
