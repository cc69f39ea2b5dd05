/**
 * Cross-site request forgery guard for requests that change something with the session cookie
 * (admin route handlers, server actions): a browser names the page that sent a request in
 * Origin (and Sec-Fetch-Site); it must be this site — the host the request was addressed to
 * (Host, or X-Forwarded-Host as Next.js's own server action check reads it) or NEXTAUTH_URL's.
 * A request without either header is not from a browser's page and carries no victim's cookie.
 */
type HeaderSource = Pick<Headers, "get">;

export function isSameOriginRequest(headers: HeaderSource, publicUrl?: string): boolean {
  const origin = headers.get("origin");
  if (!origin) return headers.get("sec-fetch-site") !== "cross-site";
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return false;
  }
  const allowed = [headers.get("x-forwarded-host")?.split(",")[0], headers.get("host"), publicUrl ? new URL(publicUrl).host : undefined];
  return allowed.some((host) => host?.trim().toLowerCase() === originHost);
}
