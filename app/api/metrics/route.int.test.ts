import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { recordRequest } from "@/lib/observability/metrics";

const TOKEN = "metrics-token-for-the-tests";

async function metricsRoute(token: string | undefined) {
  vi.resetModules();
  vi.stubEnv("METRICS_TOKEN", token ?? "");
  const { GET } = await import("./route");
  return GET;
}

const scrape = (GET: (request: Request) => Promise<Response>, authorization?: string) =>
  GET(new Request("http://localhost/api/metrics", { headers: authorization ? { Authorization: authorization } : {} }));

describe("GET /api/metrics", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("does not exist without METRICS_TOKEN", async () => {
    const GET = await metricsRoute(undefined);
    expect((await scrape(GET, `Bearer ${TOKEN}`)).status).toBe(404);
  });

  it("refuses a missing or wrong token with 401", async () => {
    const GET = await metricsRoute(TOKEN);
    const missing = await scrape(GET);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toContain("Bearer");
    expect((await scrape(GET, `Bearer ${TOKEN}x`)).status).toBe(401);
    expect((await scrape(GET, TOKEN)).status).toBe(401);
  });

  it("gives requests by route, login failures, import runs and the outbox queue in Prometheus text", async () => {
    const old = new Date(Date.now() - 600_000);
    await db.importRun.createMany({
      data: [
        { format: "ban", sourceKind: "BAN", sourceName: "BAN", fileName: "a.csv", status: "SUCCEEDED", triggeredBy: "cli:test" },
        { format: "ban", sourceKind: "BAN", sourceName: "BAN", fileName: "b.csv", status: "SUCCEEDED", triggeredBy: "cli:test" },
        { format: "ipe", sourceKind: "IPE", sourceName: "IPE X", fileName: "c.csv", status: "FAILED", triggeredBy: "cli:test" },
      ],
    });
    const mail = { kind: "alert.confirm", to: "a@example.fr", subject: "s", text: "t", html: "h" };
    await db.outboxMail.createMany({
      data: [
        { ...mail, state: "PENDING", createdAt: old },
        { ...mail, state: "PENDING" },
        { ...mail, state: "SENT", sentAt: new Date() },
      ],
    });
    recordRequest({ method: "GET", route: "/adresse/[banId]", path: "/adresse/01053_0001_00012", status: 200, seconds: 0.042 });
    recordRequest({ method: "POST", route: "/api/auth/[...nextauth]", path: "/api/auth/callback/credentials", status: 401, seconds: 0.2 });

    const GET = await metricsRoute(TOKEN);
    const response = await scrape(GET, `Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(text).toMatch(/fibre_http_requests_total\{method="GET",route="\/adresse\/\[banId\]",status="200"\} 1/);
    expect(text).toMatch(/fibre_http_request_duration_seconds_bucket\{le="0.05",method="GET",route="\/adresse\/\[banId\]"\} 1/);
    expect(text).toMatch(/^fibre_login_failures_total 1$/m);
    expect(text).toMatch(/fibre_import_runs\{format="ban",status="SUCCEEDED"\} 2/);
    expect(text).toMatch(/fibre_import_runs\{format="ipe",status="FAILED"\} 1/);
    expect(text).toMatch(/^fibre_outbox_queue_length 2$/m);
    expect(text).toMatch(/fibre_outbox_mails\{state="SENT"\} 1/);
    const age = Number(/^fibre_outbox_oldest_unsent_age_seconds (\S+)$/m.exec(text)?.[1]);
    expect(age).toBeGreaterThanOrEqual(599);
    expect(age).toBeLessThan(700);
    expect(text).toContain("fibre_process_resident_memory_bytes");
  });
});
