/**
 * Who is the client: the one answer every limiter (API rate limit, field reports, alerts, sign-in
 * and reset throttles) and the audit log use.
 *
 * `next start` does not show route handlers, server actions or next-auth the socket's address,
 * and it only adds its own X-Forwarded-For when the request has none — so a client talking to the
 * server directly chooses that header. The server therefore stamps each request, before Next.js
 * sees it (lib/http/client-ip-hook.ts, installed by instrumentation.ts), with CLIENT_IP_HEADER:
 * the socket's address, or with TRUST_PROXY = N trusted proxies in front, the address N hops
 * back in X-Forwarded-For counted from the right (each proxy appends the address it received the
 * request from; the values on the left are the client's own and never trusted) — the rule of
 * Express's `trust proxy` = N.
 */
import net from "node:net";
import { env } from "@/lib/env";

/** Set on every incoming request by the hook; any value the client sent is overwritten. */
export const CLIENT_IP_HEADER = "x-fibre-client-ip";
/** The one bucket of requests whose client cannot be known. */
export const UNKNOWN_CLIENT = "unknown";

const HOOK_FLAG = Symbol.for("fibre-pro.client-ip-hook");

/** Whether this process stamps its requests (then CLIENT_IP_HEADER can be believed). */
export function isClientIpHookInstalled(): boolean {
  return (globalThis as Record<symbol, unknown>)[HOOK_FLAG] === true;
}

export function markClientIpHookInstalled(): void {
  (globalThis as Record<symbol, unknown>)[HOOK_FLAG] = true;
}

/** A bare IP address ("::ffff:1.2.3.4" → "1.2.3.4"), or null for anything else (names, ports, "unknown"). */
export function normalizeIp(value: string | undefined | null): string | null {
  const text = value?.trim().replace(/^\[(.*)\]$/, "$1") ?? "";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(text);
  const address = mapped ? mapped[1]! : text;
  return net.isIP(address) ? address.toLowerCase() : null;
}

function forwardedChain(forwardedFor: string | string[] | null | undefined): string[] {
  const text = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  return text.split(",").map((part) => part.trim()).filter(Boolean);
}

/**
 * The client of a request that reached this server from `socketAddress`, with `trustedHops`
 * proxies trusted to append to X-Forwarded-For: hop 0 is the socket, hop k the k-th value from
 * the right. A chain shorter than the trusted hops gives its leftmost value (a misconfiguration
 * a README section warns about); a value that is not an IP address gives UNKNOWN_CLIENT.
 */
export function resolveClientIp(socketAddress: string | undefined, forwardedFor: string | string[] | null | undefined, trustedHops: number): string {
  const chain = [socketAddress ?? "", ...forwardedChain(forwardedFor).reverse()];
  return normalizeIp(chain[Math.min(trustedHops, chain.length - 1)]) ?? UNKNOWN_CLIENT;
}

type HeaderSource = Headers | Record<string, unknown> | undefined | null;

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return typeof value === "string" ? value : Array.isArray(value) ? value.join(",") : undefined;
}

/**
 * The client's IP address, or UNKNOWN_CLIENT. From the hook's stamp when this process has the
 * hook; otherwise (a request built in a test) from X-Forwarded-For counted from the right with
 * TRUST_PROXY hops — with TRUST_PROXY=0 the socket is unknown there, so UNKNOWN_CLIENT, never
 * the client's own header.
 */
export function clientIp(headers: HeaderSource): string {
  if (isClientIpHookInstalled()) return normalizeIp(header(headers, CLIENT_IP_HEADER)) ?? UNKNOWN_CLIENT;
  if (env.TRUST_PROXY === 0) return UNKNOWN_CLIENT;
  return resolveClientIp(undefined, header(headers, "x-forwarded-for"), env.TRUST_PROXY);
}

/** The eight 16-bit groups of an IPv6 address. */
function ipv6Groups(address: string): number[] {
  let text = address;
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const parse = (part: string | undefined) => (part ? part.split(":").map((group) => parseInt(group, 16)) : []);
  const left = parse(head);
  const right = parse(tail);
  return tail === undefined ? left : [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * The key limiters count a client under: its IPv4 address, or its IPv6 /64 network (one
 * subscriber usually holds a whole /64: counting single addresses would let it rotate them).
 */
export function clientBucket(headers: HeaderSource): string {
  const ip = clientIp(headers);
  if (net.isIPv6(ip)) {
    const prefix = ipv6Groups(ip).slice(0, 4).map((group) => group.toString(16)).join(":");
    return `${prefix}::/64`;
  }
  return ip;
}
