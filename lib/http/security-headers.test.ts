import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, strictTransportSecurity, tileOrigin } from "@/lib/http/security-headers";

describe("contentSecurityPolicy", () => {
  it("allows scripts by nonce only, tiles from their server, and framing for the widget only", () => {
    const policy = contentSecurityPolicy({ nonce: "abc", tileUrl: "https://tile.openstreetmap.org/{z}/{x}/{y}.png", isEmbeddable: false, isHttps: false });
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("img-src 'self' data: blob: https://tile.openstreetmap.org");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("upgrade-insecure-requests");
    const embed = contentSecurityPolicy({ nonce: "abc", tileUrl: "https://{s}.tiles.example.org/{z}/{x}/{y}.png", isEmbeddable: true, isHttps: true });
    expect(embed).toContain("frame-ancestors *");
    expect(embed).toContain("img-src 'self' data: blob: https://*.tiles.example.org");
    expect(embed).toContain("upgrade-insecure-requests");
  });

  it("reads the tile origin of a template, or none", () => {
    expect(tileOrigin("http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png")).toBe("http://127.0.0.1:8080");
    expect(tileOrigin("not a url")).toBeNull();
  });
});

describe("strictTransportSecurity", () => {
  it("is sent over HTTPS when configured, never over HTTP", () => {
    expect(strictTransportSecurity(31_536_000, true)).toBe("max-age=31536000");
    expect(strictTransportSecurity(31_536_000, false)).toBeNull();
    expect(strictTransportSecurity(0, true)).toBeNull();
  });
});

describe("newNonce", () => {
  it("is new each time", () => {
    expect(newNonce()).not.toBe(newNonce());
    expect(newNonce()).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
