import { afterEach, describe, expect, it, vi } from "vitest";

const settings = vi.hoisted(() => ({ trustProxy: 0 }));
vi.mock("@/lib/env", async (original) => {
  const actual = await original<typeof import("@/lib/env")>();
  return {
    ...actual,
    env: new Proxy(actual.env, { get: (target, key) => (key === "TRUST_PROXY" ? settings.trustProxy : target[key as keyof typeof target]) }),
  };
});

const { CLIENT_IP_HEADER, clientBucket, clientIp, markClientIpHookInstalled, resolveClientIp } = await import("@/lib/http/client-ip");
const HOOK_FLAG = Symbol.for("fibre-pro.client-ip-hook");

afterEach(() => {
  settings.trustProxy = 0;
  delete (globalThis as Record<symbol, unknown>)[HOOK_FLAG];
});

describe("resolveClientIp", () => {
  it("takes the socket's address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(resolveClientIp("198.51.100.9", "203.0.113.7", 0)).toBe("198.51.100.9");
    expect(resolveClientIp("::ffff:198.51.100.9", undefined, 0)).toBe("198.51.100.9");
  });

  it("counts trusted hops from the right of X-Forwarded-For: the client's own values are never taken", () => {
    // nginx appends the address it received the request from; everything on the left is the client's.
    expect(resolveClientIp("127.0.0.1", "203.0.113.7, 198.51.100.20", 1)).toBe("198.51.100.20");
    expect(resolveClientIp("10.0.0.2", "203.0.113.7, 198.51.100.20, 10.0.0.1", 2)).toBe("198.51.100.20");
    expect(resolveClientIp("127.0.0.1", ["203.0.113.7", "198.51.100.20"], 1)).toBe("198.51.100.20");
  });

  it("gives one 'unknown' bucket for values that are not addresses", () => {
    expect(resolveClientIp("127.0.0.1", "evil, not-an-ip", 1)).toBe("unknown");
    expect(resolveClientIp(undefined, undefined, 0)).toBe("unknown");
  });
});

describe("clientIp", () => {
  it("believes the server hook's stamp, and only when this process has the hook", () => {
    const stamped = new Headers({ [CLIENT_IP_HEADER]: "198.51.100.9", "x-forwarded-for": "203.0.113.7" });
    expect(clientIp(stamped)).toBe("unknown");
    markClientIpHookInstalled();
    expect(clientIp(stamped)).toBe("198.51.100.9");
    expect(clientIp({ [CLIENT_IP_HEADER]: "198.51.100.9" })).toBe("198.51.100.9");
  });

  it("without the hook, reads X-Forwarded-For from the right with TRUST_PROXY hops, never with none", () => {
    const headers = new Headers({ "x-forwarded-for": "203.0.113.7, 198.51.100.20" });
    expect(clientIp(headers)).toBe("unknown");
    settings.trustProxy = 1;
    expect(clientIp(headers)).toBe("198.51.100.20");
  });
});

describe("clientBucket", () => {
  it("counts an IPv6 client by its /64 network, an IPv4 client by its address", () => {
    markClientIpHookInstalled();
    const bucket = (ip: string) => clientBucket(new Headers({ [CLIENT_IP_HEADER]: ip }));
    expect(bucket("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(bucket("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(bucket("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(bucket("::1")).toBe("0:0:0:0::/64");
    expect(bucket("203.0.113.7")).toBe("203.0.113.7");
  });
});
