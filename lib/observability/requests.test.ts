import { describe, expect, it } from "vitest";
import { requestIdOf, routeMatcher } from "@/lib/observability/requests";

describe("requestIdOf", () => {
  it("keeps a sane incoming id and replaces anything else by a UUID", () => {
    expect(requestIdOf("proxy-7f3a9c21e0")).toBe("proxy-7f3a9c21e0");
    expect(requestIdOf(["abc12345-6789", "other"])).toBe("abc12345-6789");
    for (const bad of [undefined, "", "short", "has space inside", "x".repeat(129), "line\nbreak-12345", "<script>alert(1)</script>"]) {
      expect(requestIdOf(bad)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });
});

describe("routeMatcher", () => {
  const routeOf = routeMatcher([
    "/",
    "/adresse/[banId]",
    "/api/v1/zones/[id]",
    "/api/v1/zones/[id]/addresses",
    "/api/v1/addresses/nearest",
    "/api/v1/addresses/[banId]",
    "/api/auth/[...nextauth]",
    "/admin/imports/[id]/rapport.csv",
  ]);

  it("labels a request by its route pattern, never by its ids", () => {
    expect(routeOf("/")).toBe("/");
    expect(routeOf("/adresse/01053_0001_00012")).toBe("/adresse/[banId]");
    expect(routeOf("/api/v1/zones/abc")).toBe("/api/v1/zones/[id]");
    expect(routeOf("/api/v1/zones/abc/addresses")).toBe("/api/v1/zones/[id]/addresses");
    expect(routeOf("/api/v1/addresses/nearest")).toBe("/api/v1/addresses/nearest");
    expect(routeOf("/api/v1/addresses/nearest/")).toBe("/api/v1/addresses/nearest");
    expect(routeOf("/api/auth/callback/credentials")).toBe("/api/auth/[...nextauth]");
    expect(routeOf("/admin/imports/j1/rapport.csv")).toBe("/admin/imports/[id]/rapport.csv");
  });

  it("gives Next's assets one label and unknown paths 'other'", () => {
    expect(routeOf("/_next/static/chunks/abc.js")).toBe("/_next/*");
    expect(routeOf("/wp-login.php")).toBe("other");
    expect(routeOf("/adresse/a/b")).toBe("other");
  });
});
