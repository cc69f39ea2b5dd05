import "server-only";
/**
 * Rate limit of the public API per client (lib/http/client-ip.ts): a fixed window of API_RATE_LIMIT_WINDOW seconds,
 * API_RATE_LIMIT requests in it (0: no limit). The count lives in this process's memory by
 * default, or in the database ("ApiRateLimit") when several servers must share it
 * (API_RATE_LIMIT_STORE=database). Over the limit: 429 with Retry-After (lib/api/handler.ts).
 * The batch check's lines (batchLineLimiter) and the public forms (formRateLimiter) have their own
 * budgets, counted in the same store under their own keys.
 */
import { db } from "@/lib/db/client";
import { rawSelect } from "@/lib/db/raw";
import { env } from "@/lib/env";

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Seconds until the window ends. */
  reset: number;
  isLimited: boolean;
}

export interface RateLimitStore {
  /** Counts `amount` more requests (default 1; 0 only reads) of `key` in `window`; returns the count so far. */
  hit(key: string, window: number, amount?: number): Promise<number>;
}

const MAX_CLIENTS_IN_MEMORY = 100_000;

export class MemoryRateLimitStore implements RateLimitStore {
  private readonly counts = new Map<string, { window: number; count: number }>();

  async hit(key: string, window: number, amount = 1): Promise<number> {
    const current = this.counts.get(key);
    const count = (current && current.window === window ? current.count : 0) + amount;
    if (!current && this.counts.size >= MAX_CLIENTS_IN_MEMORY) {
      // Forget the clients of past windows; a flood of new addresses cannot grow memory without bound.
      for (const [other, entry] of this.counts) if (entry.window !== window) this.counts.delete(other);
      if (this.counts.size >= MAX_CLIENTS_IN_MEMORY) this.counts.clear();
    }
    this.counts.set(key, { window, count });
    return count;
  }
}

/** How long a request waits for its count in the database before counting in memory. */
const DATABASE_WAIT_MS = 250;
/** After a slow or failed count, how long the store counts in memory before trying the database again. */
const DATABASE_COOLDOWN_MS = 10_000;

const countInDatabase = async (key: string, window: number, amount = 1): Promise<number> => {
  const [row] = await rawSelect<{ count: number | bigint }>(
    `INSERT INTO "ApiRateLimit" ("key", "window", "count") VALUES (?, ?, ?)
     ON CONFLICT ("key") DO UPDATE SET
       "count" = CASE WHEN "ApiRateLimit"."window" = excluded."window" THEN "ApiRateLimit"."count" + excluded."count" ELSE excluded."count" END,
       "window" = excluded."window"
     RETURNING "count"`,
    [key, window, amount],
    db,
  );
  return Number(row!.count);
};

/**
 * One row per client, counted atomically by the database (INSERT … ON CONFLICT … RETURNING on both).
 * A count is a write: while SQLite's write lock is held (an import) it would wait, and public
 * requests with it. So a count that takes more than DATABASE_WAIT_MS, or fails, is made in this
 * process's memory instead, and so are the counts of the next DATABASE_COOLDOWN_MS: the limit still
 * holds per server, no request waits, and no queue of pending counts builds up behind the lock.
 */
export class DatabaseRateLimitStore implements RateLimitStore {
  private readonly fallback = new MemoryRateLimitStore();
  private inMemoryUntil = 0;

  private readonly count: (key: string, window: number, amount: number) => Promise<number>;
  private readonly waitMs: number;
  private readonly now: () => number;

  constructor(options: { count?: (key: string, window: number, amount: number) => Promise<number>; waitMs?: number; now?: () => number } = {}) {
    this.count = options.count ?? countInDatabase;
    this.waitMs = options.waitMs ?? DATABASE_WAIT_MS;
    this.now = options.now ?? Date.now;
  }

  async hit(key: string, window: number, amount = 1): Promise<number> {
    if (this.now() < this.inMemoryUntil) return this.fallback.hit(key, window, amount);
    const counted = this.count(key, window, amount).then(
      (count) => ({ count }),
      (error: unknown) => ({ error }),
    );
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), this.waitMs);
      timer.unref();
    });
    const outcome = await Promise.race([counted, late]);
    clearTimeout(timer);
    if (outcome && "count" in outcome) return outcome.count;
    if (outcome) console.error("rate limit count in the database", outcome.error);
    this.inMemoryUntil = this.now() + DATABASE_COOLDOWN_MS;
    return this.fallback.hit(key, window, amount);
  }
}

export class RateLimiter {
  /**
   * `scope` prefixes the clients' keys: limiters sharing a store (the database's one table) count
   * apart — the API's requests, each form's posts and the batch lines each have their own windows.
   */
  constructor(
    private readonly store: RateLimitStore,
    private readonly limit: number,
    private readonly windowSeconds: number,
    private readonly now: () => number = Date.now,
    private readonly scope = "",
  ) {}

  async check(key: string): Promise<RateLimitState | null> {
    return this.consume(key, 1, { refuseWhole: false });
  }

  /**
   * Counts `amount` requests at once (a batch check counts one per line). With `refuseWhole`
   * (the default), an amount over what remains is refused whole and not counted: the client
   * learns before any work is done, and keeps what it has left for a smaller file.
   */
  async consume(client: string, amount: number, { refuseWhole = true } = {}): Promise<RateLimitState | null> {
    if (this.limit === 0) return null;
    const key = this.scope ? `${this.scope}:${client}` : client;
    const seconds = this.now() / 1000;
    const window = Math.floor(seconds / this.windowSeconds);
    const state = (count: number, isLimited: boolean): RateLimitState => ({
      limit: this.limit,
      remaining: Math.max(0, this.limit - count),
      reset: Math.max(1, Math.ceil((window + 1) * this.windowSeconds - seconds)),
      isLimited,
    });
    if (refuseWhole) {
      const used = await this.store.hit(key, window, 0);
      if (used + amount > this.limit) return state(used, true);
    }
    const count = await this.store.hit(key, window, amount);
    return state(count, count > this.limit);
  }
}

const cache = globalThis as unknown as { fibreProRateLimiter?: RateLimiter };

/** The limiter configured by the environment (one per process). */
export function apiRateLimiter(): RateLimiter {
  return (cache.fibreProRateLimiter ??= new RateLimiter(
    env.API_RATE_LIMIT_STORE === "database" ? new DatabaseRateLimitStore() : new MemoryRateLimitStore(),
    env.API_RATE_LIMIT,
    env.API_RATE_LIMIT_WINDOW,
  ));
}

const batchCache = globalThis as unknown as { fibreProBatchLineLimiter?: RateLimiter };

/**
 * The lines a client may send to the batch check (POST /api/v1/eligibility/csv): API_BATCH_LINES
 * per API_BATCH_WINDOW seconds (0: no budget), apart from API_RATE_LIMIT, which counts the upload
 * as one request: a member list of thousands of lines is one request, not thousands.
 */
export function batchLineLimiter(): RateLimiter {
  return (batchCache.fibreProBatchLineLimiter ??= new RateLimiter(
    env.API_RATE_LIMIT_STORE === "database" ? new DatabaseRateLimitStore() : new MemoryRateLimitStore(),
    env.API_BATCH_LINES,
    env.API_BATCH_WINDOW,
    Date.now,
    "batch-lines",
  ));
}

const formLimiters = globalThis as unknown as { fibreProFormLimiters?: Map<string, RateLimiter> };

/**
 * A limiter for a public form (field reports, alert subscriptions): `limit` posts per client and
 * window, counted where API_RATE_LIMIT_STORE says — not turned off by API_RATE_LIMIT=0.
 */
export function formRateLimiter(name: string, limit: number, windowSeconds: number): RateLimiter {
  const limiters = (formLimiters.fibreProFormLimiters ??= new Map());
  let limiter = limiters.get(name);
  if (!limiter) {
    limiter = new RateLimiter(env.API_RATE_LIMIT_STORE === "database" ? new DatabaseRateLimitStore() : new MemoryRateLimitStore(), limit, windowSeconds, Date.now, `form-${name}`);
    limiters.set(name, limiter);
  }
  return limiter;
}
