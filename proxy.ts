/**
 * Next.js 16 proxy (formerly middleware), before every page and some API routes:
 * - pages get their Content-Security-Policy with a fresh script nonce, and HSTS over HTTPS when
 *   HSTS_MAX_AGE is set (lib/http/security-headers.ts);
 * - server actions from another site are refused (403), oversized or absurdly nested action bodies
 *   answered 413/400 in French (lib/http/body-limits.ts) — Next.js itself would answer 500;
 * - sign-in and unsubscribe bodies are limited (413 problem+json);
 * - CORS preflight requests to the public API are answered with the path's methods and the
 *   requested headers echoed (the API adds CORS headers itself); another method than the path's
 *   gets 405 problem+json with Allow (unknown /api/v1 paths reach app/api/v1/[...path], a 404);
 * - visitors without a session cookie go straight from /admin to the sign-in page (optimistic:
 *   the real checks live in the admin layout, pages, actions and handlers).
 * Not for /api/admin/* nor /api/v1/eligibility/csv (uploads stream: a proxy makes Next.js copy bodies).
 */
import { NextResponse, type NextRequest } from "next/server";
import { CORS_HEADERS, preflightHeaders } from "@/lib/api/handler";
import { allowedMethods } from "@/lib/api/routes";
import { problemResponse } from "@/lib/api/problem";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { SMALL_FORM_MAX_BYTES, actionBodyProblem, declaredSizeProblem, type BodyProblem } from "@/lib/http/body-limits";
import { isSameOriginRequest } from "@/lib/http/same-origin";
import { contentSecurityPolicy, newNonce, strictTransportSecurity } from "@/lib/http/security-headers";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

const plain = (status: number, message: string) =>
  new NextResponse(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

function apiRoute(request: NextRequest): Response {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith("/api/v1/")) {
    const methods = allowedMethods(pathname);
    if (request.method === "OPTIONS") {
      return new NextResponse(null, { status: 204, headers: preflightHeaders(methods ?? ["GET", "HEAD", "OPTIONS"], request.headers.get("access-control-request-headers")) });
    }
    if (methods && !methods.includes(request.method)) {
      return problemResponse(new AppError("method_not_allowed", `Méthode ${request.method} non autorisée ici : ${methods.join(", ")}.`), {
        ...CORS_HEADERS,
        Allow: methods.join(", "),
      });
    }
  }
  const problem: BodyProblem | null = request.method === "POST" ? declaredSizeProblem(request.headers, SMALL_FORM_MAX_BYTES) : null;
  if (problem) return problemResponse(new AppError("payload_too_large", problem.message));
  return NextResponse.next();
}

function isHttps(request: NextRequest): boolean {
  return request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

export async function proxy(request: NextRequest): Promise<Response> {
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith("/api/")) return apiRoute(request);

  if ((pathname === "/admin" || pathname.startsWith("/admin/")) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const signIn = new URL("/connexion", request.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  if (request.method === "POST" && request.headers.has("next-action")) {
    if (!isSameOriginRequest(request.headers, env.NEXTAUTH_URL)) return plain(403, "Requête refusée : elle ne vient pas d'une page de ce site.");
    const problem = await actionBodyProblem(request);
    if (problem) return plain(problem.status, problem.message);
  }

  const nonce = newNonce();
  const policy = contentSecurityPolicy({
    nonce,
    tileUrl: env.MAP_TILE_URL,
    isEmbeddable: pathname === "/embed" || pathname.startsWith("/embed/"),
    isHttps: isHttps(request),
    isDevelopment: env.NODE_ENV === "development",
  });
  // Next.js reads the nonce from the request's policy and puts it on its scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  const hsts = strictTransportSecurity(env.HSTS_MAX_AGE, isHttps(request));
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

export const config = {
  matcher: [
    // Pages (not their prefetches, which carry no HTML), the "/api" documentation page included.
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    // Not the batch check: its upload streams (up to 50 MB) and a proxy makes Next.js copy bodies; it answers its own preflight.
    "/api/v1/((?!eligibility/csv$).*)",
    "/api/health",
    "/api/auth/:path*",
    "/api/alerts/:path*",
  ],
};
