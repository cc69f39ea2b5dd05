import { describe, expect, it } from "vitest";
import { currentReadContext, isPublicRead, runWithReadContext } from "@/lib/db/read-context";

describe("isPublicRead", () => {
  it("lets anonymous GET and HEAD requests to public pages and the public API read from the replica", () => {
    expect(isPublicRead("GET", "/recherche?q=rue", undefined)).toBe(true);
    expect(isPublicRead("HEAD", "/adresse/abc", "")).toBe(true);
    expect(isPublicRead("GET", "/api/v1/search?q=rue", "theme=dark")).toBe(true);
    expect(isPublicRead("GET", "/embed/eligibilite", undefined)).toBe(true);
  });

  it("keeps writes, the admin, sign-in, alerts and probes on the primary", () => {
    expect(isPublicRead("POST", "/recherche", undefined)).toBe(false);
    expect(isPublicRead("GET", "/admin", undefined)).toBe(false);
    expect(isPublicRead("GET", "/admin/publications?page=2", undefined)).toBe(false);
    expect(isPublicRead("GET", "/api/admin/imports/1", undefined)).toBe(false);
    expect(isPublicRead("GET", "/api/auth/session", undefined)).toBe(false);
    expect(isPublicRead("GET", "/connexion", undefined)).toBe(false);
    expect(isPublicRead("GET", "/alertes/confirmer?jeton=x", undefined)).toBe(false);
    expect(isPublicRead("GET", "/api/health", undefined)).toBe(false);
    expect(isPublicRead("GET", "/ADMIN", undefined)).toBe(false);
  });

  it("does not mistake a public path that merely starts like a primary one", () => {
    expect(isPublicRead("GET", "/administration-publique", undefined)).toBe(true);
  });

  it("sends every request of a signed-in user to the primary (read-your-writes after a publication)", () => {
    expect(isPublicRead("GET", "/zone/z1", "next-auth.session-token=abc")).toBe(false);
    expect(isPublicRead("GET", "/zone/z1", "a=1; __Secure-next-auth.session-token=abc")).toBe(false);
    expect(isPublicRead("GET", "/zone/z1", "a=1; next-auth.session-token.0=abc")).toBe(false);
    expect(isPublicRead("GET", "/zone/z1", "next-auth.csrf-token=abc")).toBe(true);
  });
});

describe("runWithReadContext", () => {
  it("gives the context to everything the request awaits, and none outside", async () => {
    expect(currentReadContext()).toBeUndefined();
    const seen = await runWithReadContext({ isPublic: true, hasWritten: false }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return currentReadContext();
    });
    expect(seen).toEqual({ isPublic: true, hasWritten: false });
    expect(currentReadContext()).toBeUndefined();
  });
});
