/** The production server's operations contract: health with its write probe, request ids, metrics closed without a token. */
import { expect, test } from "./fixtures";

test("health says the database can be written, and every answer carries a request id", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect((await health.json()).database).toMatchObject({ reachable: true, writable: true, writeCheck: "ok", busySeconds: null });
  expect(health.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);

  const traced = await request.get("/api/v1/operators", { headers: { "X-Request-Id": "proxy-request-0042" } });
  expect(traced.headers()["x-request-id"]).toBe("proxy-request-0042");
  const page = await request.get("/", { headers: { "X-Request-Id": "bad id with spaces" } });
  expect(page.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});

test("metrics do not exist without METRICS_TOKEN", async ({ request }) => {
  expect((await request.get("/api/metrics")).status()).toBe(404);
});
