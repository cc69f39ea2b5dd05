/**
 * Next.js 16 proxy (formerly middleware). Two jobs, both optimistic (the real checks live in the
 * admin layout, pages, actions and handlers):
 * - answer CORS preflight requests to the public API, so that a page on another origin may send
 *   If-None-Match (the API itself adds CORS headers to every answer, see lib/api/handler.ts);
 * - send visitors without a session cookie straight from /admin to the sign-in page.
 */
import { NextResponse, type NextRequest } from "next/server";
import { CORS_HEADERS } from "@/lib/api/handler";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  if (pathname === "/admin" || pathname.startsWith("/admin/")) {
    if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
    const signIn = new URL("/connexion", request.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  if (request.method === "OPTIONS") return new NextResponse(null, { status: 204, headers: CORS_HEADERS });
  return NextResponse.next();
}

export const config = { matcher: ["/api/v1/:path*", "/api/health", "/admin", "/admin/:path*"] };
