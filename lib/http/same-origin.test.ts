import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "@/lib/http/same-origin";

const from = (headers: Record<string, string>, publicUrl?: string) => isSameOriginRequest(new Headers(headers), publicUrl);

describe("isSameOriginRequest", () => {
  it("accepts this site's pages: Host, X-Forwarded-Host or NEXTAUTH_URL", () => {
    expect(from({ origin: "http://127.0.0.1:3100", host: "127.0.0.1:3100" })).toBe(true);
    expect(from({ origin: "https://fibre-pro.example", host: "127.0.0.1:3000", "x-forwarded-host": "fibre-pro.example" })).toBe(true);
    expect(from({ origin: "https://fibre-pro.example", host: "internal:3000" }, "https://fibre-pro.example")).toBe(true);
  });

  it("refuses another site, an opaque origin and a cross-site fetch without Origin", () => {
    expect(from({ origin: "https://evil.example", host: "fibre-pro.example" })).toBe(false);
    expect(from({ origin: "null", host: "fibre-pro.example" })).toBe(false);
    expect(from({ "sec-fetch-site": "cross-site", host: "fibre-pro.example" })).toBe(false);
  });

  it("lets through a request no browser page sent (no Origin, no Sec-Fetch-Site)", () => {
    expect(from({ host: "fibre-pro.example" })).toBe(true);
  });
});
