/**
 * Next.js 16 proxy (formerly middleware). For now one job: answer CORS preflight requests to the
 * public API, so that a page on another origin may send If-None-Match (the API itself adds CORS
 * headers to every answer, see lib/api/handler.ts).
 */
import { NextResponse, type NextRequest } from "next/server";
import { CORS_HEADERS } from "@/lib/api/handler";

export function proxy(request: NextRequest): NextResponse {
  if (request.method === "OPTIONS") return new NextResponse(null, { status: 204, headers: CORS_HEADERS });
  return NextResponse.next();
}

export const config = { matcher: ["/api/v1/:path*", "/api/health"] };
