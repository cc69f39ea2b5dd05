/**
 * A throwaway PostgreSQL 15 primary and its streaming replica, both in one directory on loopback
 * ports: initdb, a role with REPLICATION, pg_basebackup -R from the primary, then both started.
 * Used by `npm run cluster:replica` (tests) and `npm run cluster:demo`.
 *
 * The pair never touches the machine's own cluster (5432): a base backup of it would copy every
 * database on it. PostgreSQL refuses to run as root: as root, its commands run as `postgres`.
 * Authentication: trust on the pair's private Unix socket (its directory is only postgres's),
 * passwords (scram) over TCP.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface PgPair {
  dir: string;
  primaryPort: number;
  replicaPort: number;
  /** postgresql:// URL of the application role on the primary (database `postgres` unless given). */
  primaryUrl: string;
  replicaUrl: string;
}

export const PAIR_ROLE = { name: "fibre", password: "fibre" };
const REPLICATION_ROLE = { name: "replicator", password: "replicator" };

function pgBin(name: string): string {
  const bin = process.env.PG_BIN_DIR ?? "/usr/lib/postgresql/15/bin";
  return path.join(bin, name);
}

const isRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL command as `postgres` when we are root, as ourselves otherwise. */
function runPg(command: string, args: string[], options: { input?: string; env?: Record<string, string> } = {}): string {
  const [file, argv] = isRoot ? ["runuser", ["-u", "postgres", "--", pgBin(command), ...args]] : [pgBin(command), args];
  return execFileSync(file, argv, { encoding: "utf8", input: options.input, env: { ...process.env, ...options.env }, stdio: ["pipe", "pipe", "pipe"] });
}

export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer().once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** Ports past this one may be any outgoing connection's local port (Linux's default ephemeral range starts at 32768). */
const LAST_LISTENING_PORT = 32767;
/** How far past a taken port to look for a free one. */
const PORT_SEARCH_SPAN = 100;

/**
 * One free loopback port per wish, in order: the wished port when it is free, else the next free one
 * after it (never one already chosen, never in the ephemeral range). Throws when none is free.
 * A port free now can still be taken before its server binds it: callers bind soon after.
 */
export async function choosePorts<Wished extends readonly number[]>(wished: Wished): Promise<{ -readonly [K in keyof Wished]: number }> {
  const chosen: number[] = [];
  for (const wish of wished) {
    let port = wish;
    const last = wish > LAST_LISTENING_PORT ? wish : Math.min(wish + PORT_SEARCH_SPAN, LAST_LISTENING_PORT);
    while (port <= last && (chosen.includes(port) || !(await isPortFree(port)))) port += 1;
    if (port > last) throw new Error(`No free port from ${wish} to ${last}.`);
    chosen.push(port);
  }
  return chosen as { -readonly [K in keyof Wished]: number };
}

function serverUrl(port: number, database = "postgres"): string {
  return `postgresql://${PAIR_ROLE.name}:${PAIR_ROLE.password}@127.0.0.1:${port}/${database}`;
}

/** The same URL with another database name (pair URLs name `postgres`). */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function psql(dir: string, port: number, sql: string, database = "postgres"): string {
  return runPg("psql", ["-h", path.join(dir, "run"), "-p", String(port), "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-qAtc", sql]);
}

const CONF = (port: number, dir: string) => `
listen_addresses = '127.0.0.1'
port = ${port}
unix_socket_directories = '${path.join(dir, "run")}'
wal_level = replica
max_wal_senders = 5
hot_standby = on
hot_standby_feedback = on
max_connections = 100
shared_buffers = 64MB
fsync = off
synchronous_commit = off
full_page_writes = off
logging_collector = off
`;

const HBA = `
local all all trust
host replication ${REPLICATION_ROLE.name} 127.0.0.1/32 scram-sha-256
host all all 127.0.0.1/32 scram-sha-256
`;

function pgCtl(dataDir: string, action: "start" | "stop", logFile?: string): void {
  const args = ["-D", dataDir, "-w", "-t", "30"];
  if (action === "start") args.push("-l", logFile!, "start");
  else args.push("-m", "fast", "stop");
  runPg("pg_ctl", args);
}

export function readPair(dir: string): PgPair {
  return JSON.parse(fs.readFileSync(path.join(dir, "pair.json"), "utf8")) as PgPair;
}

/**
 * Creates and starts the pair in `dir` (a new temporary directory when not given). fsync is off:
 * this is for tests and the demo, never for data anyone keeps.
 */
export async function startPgPair(options: { dir?: string; primaryPort: number; replicaPort: number }): Promise<PgPair> {
  for (const port of [options.primaryPort, options.replicaPort]) {
    if (!(await isPortFree(port))) throw new Error(`Port ${port} is taken: choose others (--primary-port, --replica-port).`);
  }
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), "fibre-pro-pg-"));
  fs.mkdirSync(path.join(dir, "run"), { recursive: true });
  fs.chmodSync(dir, 0o755);
  fs.chmodSync(path.join(dir, "run"), 0o700);
  if (isRoot) execFileSync("chown", ["-R", "postgres:postgres", dir]);
  const primaryData = path.join(dir, "primary");
  const replicaData = path.join(dir, "replica");

  runPg("initdb", ["-D", primaryData, "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"]);
  fs.appendFileSync(path.join(primaryData, "postgresql.conf"), CONF(options.primaryPort, dir));
  fs.writeFileSync(path.join(primaryData, "pg_hba.conf"), HBA);
  pgCtl(primaryData, "start", path.join(dir, "primary.log"));

  psql(dir, options.primaryPort, `CREATE ROLE ${REPLICATION_ROLE.name} LOGIN REPLICATION PASSWORD '${REPLICATION_ROLE.password}'`);
  // The application role creates its test databases; pausing replay lets tests make the replica lag on purpose.
  psql(dir, options.primaryPort, `CREATE ROLE ${PAIR_ROLE.name} LOGIN CREATEDB PASSWORD '${PAIR_ROLE.password}'; GRANT pg_monitor TO ${PAIR_ROLE.name};`);
  // Function rights live in each database: template1's are copied into the databases created later.
  for (const database of ["postgres", "template1"]) {
    psql(dir, options.primaryPort, `GRANT EXECUTE ON FUNCTION pg_wal_replay_pause() TO ${PAIR_ROLE.name};
      GRANT EXECUTE ON FUNCTION pg_wal_replay_resume() TO ${PAIR_ROLE.name};`, database);
  }

  runPg("pg_basebackup", ["-h", "127.0.0.1", "-p", String(options.primaryPort), "-U", REPLICATION_ROLE.name, "-D", replicaData, "-R", "-X", "stream", "-c", "fast"], {
    env: { PGPASSWORD: REPLICATION_ROLE.password },
  });
  fs.appendFileSync(path.join(replicaData, "postgresql.conf"), `\nport = ${options.replicaPort}\n`);
  pgCtl(replicaData, "start", path.join(dir, "replica.log"));
  if (psql(dir, options.replicaPort, "SELECT pg_is_in_recovery()").trim() !== "t") {
    throw new Error("The replica is not in recovery: it is not a standby.");
  }

  const pair: PgPair = {
    dir,
    primaryPort: options.primaryPort,
    replicaPort: options.replicaPort,
    primaryUrl: serverUrl(options.primaryPort),
    replicaUrl: serverUrl(options.replicaPort),
  };
  fs.writeFileSync(path.join(dir, "pair.json"), `${JSON.stringify(pair, null, 2)}\n`);
  return pair;
}

function isRunning(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, "postmaster.pid"));
}

/** Stops or starts the replica alone (what a replica outage looks like to the application). */
export function stopReplica(dir: string): void {
  if (isRunning(path.join(dir, "replica"))) pgCtl(path.join(dir, "replica"), "stop");
}

export function startReplica(dir: string): void {
  if (!isRunning(path.join(dir, "replica"))) pgCtl(path.join(dir, "replica"), "start", path.join(dir, "replica.log"));
}

/** Stops both servers and removes the directory. Safe to call twice, and on a half-built pair. */
export function removePgPair(dir: string): void {
  for (const name of ["replica", "primary"]) {
    const data = path.join(dir, name);
    if (isRunning(data)) {
      try {
        pgCtl(data, "stop");
      } catch (error) {
        console.error(`Could not stop the ${name} in ${data}: ${(error as Error).message}`);
      }
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
