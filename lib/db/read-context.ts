/**
 * Which database a request's reads may use. The request hook (lib/http/client-ip-hook.ts) runs
 * every HTTP request inside `runWithReadContext`; the Prisma client (lib/db/read-replica.ts) reads
 * the context and sends a read to the replica only when the request is public. Outside a request
 * (scripts, the worker, tests) there is no context: everything goes to the primary.
 *
 * The AsyncLocalStorage lives on globalThis: Next.js bundles the hook and the client into different
 * chunks, each with its own copy of this module.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export interface ReadContext {
  /** Reads may go to the replica. */
  isPublic: boolean;
  /** Set by the first write of the request: later reads see it on the primary (read-your-writes). */
  hasWritten: boolean;
}

const STORAGE = Symbol.for("fibre-pro.read-context");
const shared = globalThis as typeof globalThis & { [STORAGE]?: AsyncLocalStorage<ReadContext> };
const storage: AsyncLocalStorage<ReadContext> = (shared[STORAGE] ??= new AsyncLocalStorage<ReadContext>());

export function runWithReadContext<T>(context: ReadContext, run: () => T): T {
  return storage.run(context, run);
}

export function currentReadContext(): ReadContext | undefined {
  return storage.getStore();
}

/** Paths whose reads always go to the primary: the admin, sign-in and account pages, alert subscriptions, probes. */
const PRIMARY_PATHS = [
  "/admin",
  "/api/admin",
  "/api/auth",
  "/api/alerts",
  "/api/health",
  "/api/metrics",
  "/alertes",
  "/connexion",
  "/mot-de-passe-oublie",
  "/reinitialiser",
];

/** next-auth's session cookie, plain and under its `__Secure-` prefix (HTTPS). */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/;

/**
 * A request is public — its reads may be served by the replica — when it is a GET or HEAD, outside
 * the paths above, and carries no session cookie. A signed-in user (an admin who has just published)
 * reads everything from the primary, so a page right after a publication shows it, whichever server
 * answers: the rule needs no state shared between servers.
 */
export function isPublicRead(method: string | undefined, url: string | undefined, cookie: string | undefined): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  if (cookie && SESSION_COOKIE.test(cookie)) return false;
  const path = (url ?? "/").split("?")[0]!.toLowerCase();
  return !PRIMARY_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}
