/**
 * npm run start [-- -p <port>] [-H <host>] — the production server: Next.js's request handler in
 * our own HTTP server, for what `next start` does not do:
 * - one JSON log line per request (method, route pattern, path, status, duration, request id),
 *   an `X-Request-Id` on every answer (a sane incoming one is kept, so a proxy's id follows);
 * - request counts and latencies per route for GET /api/metrics;
 * - a page that calls notFound() answered with its 404 page in the HTML, not Next.js's empty shell
 *   (lib/http/not-found-shell.ts);
 * - graceful shutdown on SIGTERM/SIGINT: no new connections, requests in flight finished (at most
 *   SHUTDOWN_TIMEOUT_SECONDS), then the database closed (SQLite checkpoints its WAL), exit 0.
 * Needs `next build` first. Next's own messages (errors of pages, warnings) still go to stderr.
 */
import "@/lib/cli/load-env";
import http from "node:http";
import next from "next";
import { missingSharedSecret } from "@/lib/auth/secret-policy";
import { databaseProvider } from "@/lib/db/provider";
import { env } from "@/lib/env";
import { NOT_FOUND_OF_HEADER, asUnmatchedRequest, isPageRequest, replaceEmptyNotFoundShell } from "@/lib/http/not-found-shell";
import { recordRequest } from "@/lib/observability/metrics";
import { createLogger, requestIdOf, routeMatcherOfBuild } from "@/lib/observability/requests";

function option(names: string[]): string | undefined {
  const args = process.argv.slice(2);
  const index = args.findIndex((arg) => names.includes(arg));
  return index >= 0 ? args[index + 1] : undefined;
}

const port = Number(option(["-p", "--port"]) ?? env.PORT);
const hostname = option(["-H", "--hostname"]) ?? "0.0.0.0";
const projectDir = process.cwd();
const log = createLogger(env.LOG_LEVEL);

async function closeDatabase(): Promise<void> {
  const shared = globalThis as typeof globalThis & { fibreProDb?: { $disconnect(): Promise<void> } };
  await shared.fibreProDb?.$disconnect();
}

async function main() {
  const missingSecret = missingSharedSecret(env);
  if (missingSecret) {
    console.error(missingSecret);
    process.exit(1);
  }
  if (databaseProvider(env.DATABASE_URL) === "postgresql" && env.API_RATE_LIMIT_STORE === "memory") {
    // Not fatal (one server on PostgreSQL is fine), but several would each allow the whole limit.
    log.warn("API_RATE_LIMIT_STORE=memory: this server counts API and form requests alone; with several servers set API_RATE_LIMIT_STORE=database");
  }
  const app = next({ dev: false, dir: projectDir, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const routeOf = routeMatcherOfBuild(projectDir);
  let inFlight = 0;
  let isStopping = false;

  const server = http.createServer((request, response) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdOf(request.headers["x-request-id"]);
    request.headers["x-request-id"] = requestId;
    response.setHeader("X-Request-Id", requestId);
    if (isStopping) response.setHeader("Connection", "close");
    const url = new URL(request.url ?? "/", "http://localhost");
    const method = request.method ?? "GET";
    inFlight++;
    response.once("close", () => {
      inFlight--;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeOf(url.pathname);
      const status = response.writableFinished ? response.statusCode : 499;
      recordRequest({ method, route, path: url.pathname, status, seconds });
      log.info({ requestId, method, route, path: url.pathname, status, durationMs: Math.round(seconds * 10_000) / 10 }, "request");
    });
    const failed = (error: unknown) => {
      log.error({ requestId, err: error }, "unhandled error");
      if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      response.end("Erreur interne");
    };
    // Only this server says which page was not found (lib/http/not-found-shell.ts).
    delete request.headers[NOT_FOUND_OF_HEADER];
    if (isPageRequest(request)) {
      replaceEmptyNotFoundShell(response, () => {
        asUnmatchedRequest(request);
        handle(request, response).catch(failed);
      });
    }
    handle(request, response).catch(failed);
  });

  // Idle keep-alive connections stay open longer than a client or proxy keeps them idle (nginx's upstream
  // keepalive_timeout: 60 s). With Node's default 5 s, the server could close a socket the very moment a
  // client reused it, and that request failed with ECONNRESET (seen in CI; behind nginx, a 502).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  function stop(signal: string) {
    if (isStopping) return;
    isStopping = true;
    log.info({ signal, inFlight }, "stopping: no new connections, finishing the requests in flight");
    const forced = setTimeout(() => {
      log.warn({ inFlight }, `requests still in flight after ${env.SHUTDOWN_TIMEOUT_SECONDS} s: closing their connections`);
      server.closeAllConnections();
    }, env.SHUTDOWN_TIMEOUT_SECONDS * 1000);
    forced.unref();
    // Keep-alive connections left idle once their request is answered are closed as they appear.
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    server.close(() => {
      clearTimeout(forced);
      clearInterval(idle);
      closeDatabase()
        .catch((error: unknown) => log.error({ err: error }, "closing the database failed"))
        .finally(() => {
          log.info("stopped");
          process.exit(0);
        });
    });
    server.closeIdleConnections();
  }
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));

  server.listen(port, hostname, () => log.info({ port, hostname }, `ready on http://${hostname}:${port}`));
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, "the server could not start");
  process.exit(1);
});
