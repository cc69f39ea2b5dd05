/**
 * The process's Prometheus metrics (prom-client). The HTTP server (scripts/server.ts) counts
 * requests; GET /api/metrics (app/api/metrics/route.ts) exposes them with the database's figures.
 * The registry lives on globalThis: the server and Next's bundle of the route each load their own
 * copy of this module, and must share one registry.
 */
import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

export interface ProcessMetrics {
  registry: Registry;
  requests: Counter<"method" | "route" | "status">;
  requestSeconds: Histogram<"method" | "route">;
  loginFailures: Counter;
}

function createProcessMetrics(): ProcessMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "fibre_" });
  return {
    registry,
    requests: new Counter({
      name: "fibre_http_requests_total",
      help: "HTTP requests answered, by method, route pattern and status",
      labelNames: ["method", "route", "status"],
      registers: [registry],
    }),
    requestSeconds: new Histogram({
      name: "fibre_http_request_duration_seconds",
      help: "Time to answer an HTTP request (until the last byte), by method and route pattern",
      labelNames: ["method", "route"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    loginFailures: new Counter({
      name: "fibre_login_failures_total",
      help: "Refused sign-ins of the admin area (wrong e-mail or password, throttled, database busy)",
      registers: [registry],
    }),
  };
}

const shared = globalThis as typeof globalThis & { fibreProMetrics?: ProcessMetrics };

export function processMetrics(): ProcessMetrics {
  return (shared.fibreProMetrics ??= createProcessMetrics());
}

/** The credentials callback answers 401 to every refused sign-in (next-auth 4). */
export function isFailedSignIn(method: string, path: string, status: number): boolean {
  return method === "POST" && path === "/api/auth/callback/credentials" && status === 401;
}

/** Counts one answered request. */
export function recordRequest(request: { method: string; route: string; path: string; status: number; seconds: number }): void {
  const metrics = processMetrics();
  metrics.requests.inc({ method: request.method, route: request.route, status: String(request.status) });
  metrics.requestSeconds.observe({ method: request.method, route: request.route }, request.seconds);
  if (isFailedSignIn(request.method, request.path, request.status)) metrics.loginFailures.inc();
}
