/**
 * HTTP for data:sync, with Node's fetch: every URL may be rewritten to a mirror (scheme and host
 * replaced, an optional path prefix kept), redirects are followed by hand so that a redirect to
 * the publisher's storage (Arcep's 302) goes through the mirror too, and every wait is bounded.
 */

export class SyncError extends Error {
  override name = "SyncError";
}

export const MAX_REDIRECTS = 5;

/** `https://data.arcep.fr/a/b?x` with mirror `http://127.0.0.1:8080/m` → `http://127.0.0.1:8080/m/a/b?x`. */
export function mirrored(url: string, mirror: string | null): string {
  if (!mirror) return url;
  const official = new URL(url);
  const base = new URL(mirror);
  const prefix = base.pathname.replace(/\/+$/, "");
  return `${base.protocol}//${base.host}${prefix}${official.pathname}${official.search}`;
}

export interface FetchOptions {
  mirror: string | null;
  headers?: Record<string, string>;
  /** Bound on the wait for the response headers (each hop). */
  headersTimeoutMs: number;
}

export interface FetchedResponse {
  response: Response;
  /** The URL that answered, after redirects (mirrored). */
  finalUrl: string;
  /** Aborts the body download (idle timeouts). */
  abort: () => void;
}

/** GET `url` (official), following up to MAX_REDIRECTS redirects, each through the mirror. */
export async function fetchFollowing(url: string, options: FetchOptions): Promise<FetchedResponse> {
  let current = mirrored(url, options.mirror);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.headersTimeoutMs);
    let response: Response;
    try {
      response = await fetch(current, { headers: options.headers, redirect: "manual", signal: controller.signal });
    } catch (error) {
      const reason = controller.signal.aborted ? `no answer within ${Math.round(options.headersTimeoutMs / 1000)} s` : describe(error);
      throw new SyncError(`${current}: ${reason}`);
    } finally {
      clearTimeout(timer);
    }
    if (response.status >= 300 && response.status < 400 && response.status !== 304) {
      const location = response.headers.get("location");
      await response.body?.cancel();
      if (!location) throw new SyncError(`${current}: redirect ${response.status} without a Location header`);
      // A relative Location stays on the host that answered; an absolute one is an official host: mirror it.
      const next = new URL(location, current);
      current = /^[a-z]+:\/\//i.test(location) ? mirrored(next.href, options.mirror) : next.href;
      continue;
    }
    return { response, finalUrl: current, abort: () => controller.abort() };
  }
  throw new SyncError(`${url}: more than ${MAX_REDIRECTS} redirects`);
}

export function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
