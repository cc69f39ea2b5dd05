/**
 * `npm run test:proxy` — proves, on the production build (`next build` first) and a real nginx
 * (Debian package, run here as an unprivileged foreground process on loopback ports), that the
 * client every limiter sees is the one TRUST_PROXY says, whatever X-Forwarded-For a client sends:
 *
 * 1. TRUST_PROXY=1 behind nginx: one client rotating a spoofed X-Forwarded-For is still one client
 *    (API rate limit: 429 after API_RATE_LIMIT requests; sign-in throttle: locked after 5 wrong
 *    passwords); another client (another loopback address) is counted apart.
 * 2. TRUST_PROXY=0, clients talking to the server directly: the spoofed header is ignored, the
 *    socket's address counts.
 * Loopback clients use distinct source addresses (127.0.0.2, 127.0.0.3…), which Linux allows.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { migrateDatabase } from "@/lib/db/migrate";
import { NGINX_BIN, nginxArgs, writeNginxConfig } from "./nginx";

const RATE_LIMIT = 5;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "fibre-pro-proxy-"));
const children: ChildProcess[] = [];
let failures = 0;

function check(label: string, isOk: boolean, detail: string): void {
  console.log(`${isOk ? "ok  " : "FAIL"} ${label}${isOk ? "" : ` — ${detail}`}`);
  if (!isOk) failures += 1;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request from the loopback address `from`. */
function request(port: number, from: string, target: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request({ host: "127.0.0.1", port, path: target, method: options.method ?? "GET", headers: options.headers, localAddress: from }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    outgoing.on("error", reject);
    outgoing.end(options.body);
  });
}

async function waitFor(port: number, target: string): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    try {
      if ((await request(port, "127.0.0.1", target)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`nothing answered on port ${port}`);
}

function start(command: string, args: string[], env: NodeJS.ProcessEnv, log: string): ChildProcess {
  const out = fs.openSync(path.join(work, log), "a");
  const child = spawn(command, args, { env, stdio: ["ignore", out, out], detached: true });
  children.push(child);
  return child;
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    process.kill(-child.pid!, "SIGTERM");
  });
}

async function startApp(trustProxy: number, databaseUrl: string): Promise<{ port: number; child: ChildProcess }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: databaseUrl, TRUST_PROXY: String(trustProxy),
    API_RATE_LIMIT: String(RATE_LIMIT), API_RATE_LIMIT_WINDOW: "3600", API_RATE_LIMIT_STORE: "memory", NEXTAUTH_SECRET: "proxy-check-secret-0123456789",
    MAIL_OUTBOX_DIR: path.join(work, "outbox"), SMTP_URL: "",
  };
  // next-auth takes the site's URL from the request (nginx passes Host) when NEXTAUTH_URL is unset.
  delete env.NEXTAUTH_URL;
  const child = start(path.resolve("node_modules/.bin/next"), ["start", "-H", "127.0.0.1", "-p", String(port)], env, `next-${trustProxy}.log`);
  await waitFor(port, "/api/health");
  return { port, child };
}

async function startNginx(appPort: number): Promise<number> {
  const port = await freePort();
  writeNginxConfig(work, port, [appPort]);
  start(NGINX_BIN, nginxArgs(work), process.env, "nginx.log");
  await waitFor(port, "/api/health");
  return port;
}

/** API requests from `from`, each with another spoofed X-Forwarded-For: the statuses. */
async function apiStatuses(port: number, from: string, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const spoofed = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
    statuses.push((await request(port, from, "/api/v1/openapi.json", { headers: { "X-Forwarded-For": spoofed } })).status);
  }
  return statuses;
}

/** A next-auth sign-in from `from` with a spoofed X-Forwarded-For: the error code it ends with. */
async function signInError(port: number, from: string, email: string, password: string): Promise<string> {
  const spoofed = { "X-Forwarded-For": `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}` };
  const csrf = await request(port, from, "/api/auth/csrf", { headers: spoofed });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = (csrf.headers["set-cookie"] ?? []).map((line) => line.split(";")[0]).join("; ");
  const answer = await request(port, from, "/api/auth/callback/credentials", {
    method: "POST",
    headers: { ...spoofed, "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    body: new URLSearchParams({ email, password, csrfToken, json: "true" }).toString(),
  });
  const { url } = JSON.parse(answer.body) as { url: string };
  return new URL(url).searchParams.get("error") ?? "";
}

const expected = (statuses: number[]) => statuses.map((_, index) => (index < RATE_LIMIT ? 200 : 429)).join(",");

async function main(): Promise<void> {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("no production build: run `npx next build` first");
  const databaseUrl = `file:${path.join(work, "proxy.db")}`;
  await migrateDatabase(databaseUrl);

  console.log("TRUST_PROXY=1 behind nginx");
  let app = await startApp(1, databaseUrl);
  const proxyPort = await startNginx(app.port);
  const first = await apiStatuses(proxyPort, "127.0.0.2", RATE_LIMIT + 2);
  check("a client rotating a spoofed X-Forwarded-For is one client to the API rate limit", first.join(",") === expected(first), `statuses ${first}`);
  const other = await apiStatuses(proxyPort, "127.0.0.3", 1);
  check("another client is counted apart", other[0] === 200, `status ${other[0]}`);
  const email = "personne@proxy-check.test";
  const errors: string[] = [];
  for (let attempt = 0; attempt < 6; attempt += 1) errors.push(await signInError(proxyPort, "127.0.0.2", email, `mauvais ${attempt}`));
  check(
    "sign-in: five wrong passwords with spoofed headers lock that client out",
    errors.slice(0, 5).every((error) => error === "CredentialsSignin") && errors[5]!.startsWith("throttled:"),
    `errors ${errors.join(", ")}`,
  );
  const elsewhere = await signInError(proxyPort, "127.0.0.3", email, "mauvais encore");
  check("sign-in: another client can still try that account", elsewhere === "CredentialsSignin", `error ${elsewhere}`);
  for (const child of [...children]) await stop(child);
  children.length = 0;

  console.log("TRUST_PROXY=0, clients talking to the server directly");
  app = await startApp(0, databaseUrl);
  const direct = await apiStatuses(app.port, "127.0.0.4", RATE_LIMIT + 2);
  check("a spoofed X-Forwarded-For is ignored: the socket's address counts", direct.join(",") === expected(direct), `statuses ${direct}`);
  const directOther = await apiStatuses(app.port, "127.0.0.5", 1);
  check("another socket address is another client", directOther[0] === 200, `status ${directOther[0]}`);
}

main()
  .catch((error: unknown) => {
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    failures += 1;
  })
  .finally(async () => {
    for (const child of children) await stop(child);
    if (failures === 0) fs.rmSync(work, { recursive: true, force: true });
    else console.error(`Logs kept in ${work}`);
    console.log(failures === 0 ? "client IP through nginx: all checks passed" : `client IP through nginx: ${failures} failed`);
    process.exitCode = failures === 0 ? 0 : 1;
  });
