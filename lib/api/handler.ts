/**
 * One wrapper per route handler: parses the query string with zod, runs the handler, turns
 * anything thrown into problem+json, and gives every answer the API's HTTP manners — the client's
 * rate limit (429 with Retry-After over it, RateLimit-* headers), CORS open to any origin (the
 * data is public, no credentials), JSON labelled `application/json; charset=utf-8`, and on a 200
 * JSON answer an ETag, with 304 Not Modified when the client already has it.
 *
 *   export const GET = withApi({ query: ZSearchQuery }, async ({ query }) => Response.json(...));
 */
import crypto from "node:crypto";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { problemResponse } from "@/lib/api/problem";
import { apiRateLimiter, type RateLimitState } from "@/lib/api/rate-limit";
import { AppError } from "@/lib/errors";
import { clientBucket } from "@/lib/http/client-ip";

export const CORS_HEADERS: Readonly<Record<string, string>> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Batch-Lines-Limit, Batch-Lines-Remaining, Batch-Lines-Reset, Content-Disposition",
};

/** Request headers a preflight allows even when it does not name them. */
const ALWAYS_ALLOWED_HEADERS = "If-None-Match, Content-Type";

/**
 * The answer to a CORS preflight: the path's methods, and the request headers the browser asks
 * for echoed back (the data is public and no credentials are accepted, so a custom header such as
 * X-CCI-Client is harmless). Header names only: anything else is dropped.
 */
export function preflightHeaders(methods: readonly string[], requestedHeaders: string | null): Record<string, string> {
  const requested = (requestedHeaders ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter((name) => /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/.test(name))
    .slice(0, 50);
  return {
    ...CORS_HEADERS,
    "Access-Control-Allow-Methods": methods.join(", "),
    "Access-Control-Allow-Headers": [ALWAYS_ALLOWED_HEADERS, ...requested].join(", "),
    "Access-Control-Max-Age": "86400",
    Vary: "Access-Control-Request-Headers",
  };
}

const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/** CORS headers on every answer; an ETag (and 304 when it matches If-None-Match) on 200 JSON. */
async function withHttpManners(request: NextRequest, response: Response, limit: RateLimitState | null = null): Promise<Response> {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(CORS_HEADERS)) headers.set(name, value);
  if ((headers.get("content-type") ?? "").split(";")[0]!.trim() === "application/json") headers.set("Content-Type", JSON_CONTENT_TYPE);
  if (limit) {
    headers.set("RateLimit-Limit", String(limit.limit));
    headers.set("RateLimit-Remaining", String(limit.remaining));
    headers.set("RateLimit-Reset", String(limit.reset));
    if (limit.isLimited) headers.set("Retry-After", String(limit.reset));
  }
  // Only whole JSON answers get an ETag: exports are streamed, never held in memory to hash them.
  if (request.method !== "GET" || response.status !== 200 || !(headers.get("content-type") ?? "").startsWith("application/json")) {
    return new Response(response.body, { status: response.status, headers });
  }
  const body = await response.text();
  const etag = `W/"${crypto.createHash("sha1").update(body).digest("base64url")}"`;
  headers.set("ETag", etag);
  const known = (request.headers.get("if-none-match") ?? "").split(",").map((tag) => tag.trim());
  if (known.includes(etag) || known.includes("*")) {
    headers.delete("content-type");
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status: 200, headers });
}

interface HandlerContext<Q, P> {
  request: NextRequest;
  query: Q;
  params: P;
}

interface ApiOptions<QS extends z.ZodType> {
  query?: QS;
  /** Counted against the client's rate limit (default true; false for the health check). */
  isRateLimited?: boolean;
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export function withApi<QS extends z.ZodType = z.ZodType<Record<string, never>>, P = Record<string, string>>(
  options: ApiOptions<QS>,
  handler: (context: HandlerContext<z.infer<QS>, P>) => Promise<Response>,
) {
  return async (request: NextRequest, context: RouteContext): Promise<Response> => {
    let limit: RateLimitState | null = null;
    try {
      if (options.isRateLimited !== false) {
        limit = await apiRateLimiter().check(clientBucket(request.headers));
        if (limit?.isLimited) {
          throw new AppError("rate_limited", `Trop de requêtes : ${limit.limit} par période autorisées. Réessayez dans ${limit.reset} s.`);
        }
      }
      const query = options.query ? parseQuery(options.query, request.nextUrl.searchParams) : {};
      const params = (await context.params) as P;
      return await withHttpManners(request, await handler({ request, query: query as z.infer<QS>, params }), limit);
    } catch (error) {
      return withHttpManners(request, problemResponse(error), limit);
    }
  };
}

/**
 * The query string parsed by `schema`, or a 400 AppError naming each invalid parameter: a
 * parameter given twice (lists are comma-separated), and — for strict schemas — each unknown one.
 */
export function parseQuery<QS extends z.ZodType>(schema: QS, searchParams: URLSearchParams): z.infer<QS> {
  const keys = [...searchParams.keys()];
  const repeated = [...new Set(keys.filter((key, index) => keys.indexOf(key) !== index))];
  const parsed = schema.safeParse(Object.fromEntries(searchParams));
  if (parsed.success && repeated.length === 0) return parsed.data;
  const invalidParams = [
    ...repeated.map((name) => ({ name, reason: "Paramètre répété : donnez-le une seule fois (une liste se sépare par des virgules)." })),
    ...(parsed.success ? [] : parsed.error.issues).flatMap((issue) =>
      issue.code === "unrecognized_keys"
        ? issue.keys.map((name) => ({ name, reason: "Paramètre inconnu." }))
        : [{ name: issue.path.join(".") || "query", reason: issue.message }],
    ),
  ];
  throw new AppError(
    "bad_request",
    invalidParams.map((param) => `${param.name} : ${param.reason}`).join(" ; "),
    invalidParams,
  );
}
