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
  const requestHeaders = await headers();
  const proto = requestHeaders.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  const host = requestHeaders.get("host")?.trim() ?? "";
  return `${proto === "https" ? "https" : "http"}://${HOST.test(host) ? host : "localhost:3000"}`;
}

/** The visitor's IP as the reverse proxy reports it (first X-Forwarded-For address), or null. */
export async function requestClientIp(): Promise<string | null> {
  const forwarded = (await headers()).get("x-forwarded-for");
  return forwarded?.split(",")[0]?.trim() || null;
}

/** Absolute links in mails: NEXTAUTH_URL when set (the public URL), else the origin of this request. */
export async function publicOrigin(): Promise<string> {
  return (env.NEXTAUTH_URL ?? (await requestOrigin())).replace(/\/$/, "");
}
