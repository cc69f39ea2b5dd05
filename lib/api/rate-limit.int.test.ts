import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { withApi } from "@/lib/api/handler";
import { DatabaseRateLimitStore, MemoryRateLimitStore, RateLimiter } from "@/lib/api/rate-limit";
import { CLIENT_IP_HEADER, markClientIpHookInstalled } from "@/lib/http/client-ip";

const cache = globalThis as unknown as { fibreProRateLimiter?: RateLimiter };
afterEach(() => {
  delete cache.fibreProRateLimiter;
});

describe("RateLimiter", () => {
  it("counts per client and window, then starts again", async () => {
    let now = 1_000_000_000_000;
    const limiter = new RateLimiter(new MemoryRateLimitStore(), 2, 60, () => now);
    expect(await limiter.check("a")).toMatchObject({ remaining: 1, isLimited: false });
    expect(await limiter.check("a")).toMatchObject({ remaining: 0, isLimited: false });
    expect(await limiter.check("a")).toMatchObject({ remaining: 0, isLimited: true, reset: 20 });
    expect(await limiter.check("b")).toMatchObject({ remaining: 1, isLimited: false });
    now += 60_000;
    expect(await limiter.check("a")).toMatchObject({ remaining: 1, isLimited: false });
  });

  it("is off at 0", async () => {
    expect(await new RateLimiter(new MemoryRateLimitStore(), 0, 60).check("a")).toBeNull();
  });

  it("shares the counts through the database, atomically", async () => {
    // A loaded test machine must not turn a slow count into a memory one: wait as long as it takes.
    const store = new DatabaseRateLimitStore({ waitMs: 60_000 });
    const counts = await Promise.all(Array.from({ length: 20 }, () => store.hit("10.0.0.1", 7)));
    expect(counts.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    expect(await store.hit("10.0.0.1", 8)).toBe(1);
    expect(await store.hit("10.0.0.2", 8)).toBe(1);
  });

  it("keeps the counts of limiters sharing the database apart by scope, each in its own window", async () => {
    const store = new DatabaseRateLimitStore({ waitMs: 60_000 });
    const now = () => 1_000_000_000_000;
    const requests = new RateLimiter(store, 5, 60, now);
    const lines = new RateLimiter(store, 1000, 3600, now, "batch-lines");
    const alerts = new RateLimiter(store, 3, 3600, now, "form-alerts");
    expect(await lines.consume("10.0.0.9", 400)).toMatchObject({ remaining: 600, isLimited: false });
    expect(await requests.check("10.0.0.9")).toMatchObject({ remaining: 4, isLimited: false });
    expect(await alerts.check("10.0.0.9")).toMatchObject({ remaining: 2, isLimited: false });
    expect(await lines.consume("10.0.0.9", 601)).toMatchObject({ remaining: 600, isLimited: true });
    expect(await lines.consume("10.0.0.9", 600)).toMatchObject({ remaining: 0, isLimited: false });
    expect(await requests.check("10.0.0.9")).toMatchObject({ remaining: 3, isLimited: false });
  });
});

describe("DatabaseRateLimitStore while the database cannot count (SQLite's write lock held by an import)", () => {
  it("counts in memory at once, for a while, instead of making requests wait", async () => {
    let now = 1_000_000;
    let calls = 0;
    const stuck = () => {
      calls += 1;
      return new Promise<number>(() => {});
    };
    const store = new DatabaseRateLimitStore({ count: stuck, now: () => now });
    expect(await store.hit("a", 1)).toBe(1);
    expect(await store.hit("a", 1)).toBe(2);
    expect(calls).toBe(1);
    now += 10_001;
    expect(await store.hit("a", 1)).toBe(3);
    expect(calls).toBe(2);
  });

  it("counts in memory when the database refuses the count, and says so in the logs", async () => {
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      const refused = new Error("busy");
      const store = new DatabaseRateLimitStore({ count: () => Promise.reject(refused) });
      expect(await store.hit("b", 1)).toBe(1);
      expect(errors).toEqual([["rate limit count in the database", refused]]);
    } finally {
      console.error = original;
    }
  });
});

describe("an API endpoint over the limit", () => {
  it("counts a client whatever X-Forwarded-For it sends", async () => {
    // No proxy trusted (TRUST_PROXY=0), and no socket address in a request built here: one bucket.
    cache.fibreProRateLimiter = new RateLimiter(new MemoryRateLimitStore(), 3, 60);
    const GET = withApi({}, async () => Response.json({ ok: true }));
    const statuses = [];
    for (let request = 1; request <= 5; request += 1) {
      const spoofed = new NextRequest("http://localhost/api/v1/x", { headers: { "x-forwarded-for": `203.0.113.${request}` } });
      statuses.push((await GET(spoofed, { params: Promise.resolve({}) })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });

  it("answers 429 problem+json with Retry-After, and tells the limit on every answer", async () => {
    // As the server's hook stamps each request with its client (lib/http/client-ip-hook.ts).
    markClientIpHookInstalled();
    cache.fibreProRateLimiter = new RateLimiter(new DatabaseRateLimitStore({ waitMs: 60_000 }), 2, 60);
    const GET = withApi({}, async () => Response.json({ ok: true }));
    const call = (ip: string) => GET(new NextRequest("http://localhost/api/v1/x", { headers: { [CLIENT_IP_HEADER]: ip } }), { params: Promise.resolve({}) });
    const first = await call("198.51.100.1");
    expect(first.status).toBe(200);
    expect([first.headers.get("ratelimit-limit"), first.headers.get("ratelimit-remaining")]).toEqual(["2", "1"]);
    expect((await call("198.51.100.1")).status).toBe(200);
    const limited = await call("198.51.100.1");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("content-type")).toBe("application/problem+json");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("access-control-allow-origin")).toBe("*");
    expect((await limited.json()).detail).toMatch(/^Trop de requêtes : 2 par période autorisées\. Réessayez dans \d+ s\.$/);
    expect((await call("198.51.100.2")).status).toBe(200);
  });
});
