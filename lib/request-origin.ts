import "server-only";
import { headers } from "next/headers";

/** The origin the visitor reached this server by ("https://fibre-pro.example"), for absolute links and snippets. */
export async function requestOrigin(): Promise<string> {
  const requestHeaders = await headers();
  return `${requestHeaders.get("x-forwarded-proto") ?? "http"}://${requestHeaders.get("host") ?? "localhost:3000"}`;
}
