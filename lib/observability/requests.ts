/**
 * What the HTTP server (scripts/server.ts) knows of each request: its id, its route pattern (a
 * bounded set of labels for logs and metrics), and the JSON log line it writes when answered.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pino from "pino";

/** An incoming X-Request-Id is kept when it is short and plain (a proxy's, a load balancer's); otherwise a new one. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@-]{8,128}$/;

export function requestIdOf(incoming: string | string[] | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value && SANE_REQUEST_ID.test(value) ? value : crypto.randomUUID();
}

export interface RouteMatcher {
  (pathname: string): string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** "/adresse/[banId]" → a RegExp; "[...slug]" takes the rest of the path. */
function patternToRegExp(pattern: string): RegExp {
  const source = pattern
    .split("/")
    .map((segment) => {
      if (/^\[\[?\.\.\..+\]\]?$/.test(segment)) return ".+";
      if (/^\[.+\]$/.test(segment)) return "[^/]+";
      return escapeRegExp(segment);
    })
    .join("/");
  return new RegExp(`^${source}/?$`);
}

/**
 * Route patterns of the build (`.next/app-path-routes-manifest.json`: "/adresse/[banId]"…): a
 * request's label is its pattern, so that ids never make new series. Static patterns are tried
 * before dynamic ones; Next's assets are one label; anything else (a 404) is "other".
 */
export function routeMatcher(patterns: readonly string[]): RouteMatcher {
  const unique = [...new Set(patterns)];
  const exact = new Set(unique.filter((pattern) => !pattern.includes("[")));
  const dynamic = unique
    .filter((pattern) => pattern.includes("["))
    // More fixed segments first: /zones/[id]/addresses before /zones/[id].
    .sort((a, b) => b.split("/").filter((s) => !s.startsWith("[")).length - a.split("/").filter((s) => !s.startsWith("[")).length)
    .map((pattern) => ({ pattern, regExp: patternToRegExp(pattern) }));
  return (pathname) => {
    if (pathname.startsWith("/_next/")) return "/_next/*";
    const trimmed = pathname.length > 1 ? pathname.replace(/\/$/, "") : pathname;
    if (exact.has(trimmed)) return trimmed;
    return dynamic.find((entry) => entry.regExp.test(trimmed))?.pattern ?? "other";
  };
}

export function routeMatcherOfBuild(projectDir: string): RouteMatcher {
  const file = path.join(projectDir, ".next", "app-path-routes-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string>;
  return routeMatcher(Object.values(manifest));
}

/** One JSON line per event on stdout (pino); LOG_LEVEL chooses the least severe level written. */
export function createLogger(level: string) {
  return pino({ level, base: { service: "fibre-pro" }, timestamp: pino.stdTimeFunctions.isoTime });
}

export type Logger = ReturnType<typeof createLogger>;
