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
    const store = new DatabaseRateLimitStore();
    const counts = await Promise.all(Array.from({ length: 20 }, () => store.hit("10.0.0.1", 7)));
    expect(counts.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    expect(await store.hit("10.0.0.1", 8)).toBe(1);
    expect(await store.hit("10.0.0.2", 8)).toBe(1);
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
    cache.fibreProRateLimiter = new RateLimiter(new DatabaseRateLimitStore(), 2, 60);
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
