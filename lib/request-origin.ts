import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

/** The origin the visitor reached this server by ("https://fibre-pro.example"), for absolute links and snippets. */
export async function requestOrigin(): Promise<string> {
  const requestHeaders = await headers();
  return `${requestHeaders.get("x-forwarded-proto") ?? "http"}://${requestHeaders.get("host") ?? "localhost:3000"}`;
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
