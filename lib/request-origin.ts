import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

/** A host name with an optional port, nothing else (no path, no credentials, no fragment). */
const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/**
 * The origin the visitor reached this server by ("https://fibre-pro.example"), for absolute links
 * and snippets. The headers come from the client: only "http"/"https" and a bare host are taken.
 */
export async function requestOrigin(): Promise<string> {
  return originOf(await headers());
}

/** requestOrigin for the given request headers (next-auth hands them as a plain object). */
export function originOf(requestHeaders: Headers | Record<string, unknown>): string {
  const read = (name: string) => {
    const value = requestHeaders instanceof Headers ? requestHeaders.get(name) : requestHeaders[name];
    return typeof value === "string" ? value : "";
  };
  const proto = read("x-forwarded-proto").split(",")[0]?.trim().toLowerCase();
  const host = read("host").trim();
  return `${proto === "https" ? "https" : "http"}://${HOST.test(host) ? host : "localhost:3000"}`;
}

/** Absolute links in mails: NEXTAUTH_URL when set (the public URL), else the origin of this request. */
export async function publicOrigin(): Promise<string> {
  return (env.NEXTAUTH_URL ?? (await requestOrigin())).replace(/\/$/, "");
}
