/**
 * One wrapper per route handler: parses the query string with zod, runs the handler, and turns
 * anything thrown into problem+json.
 *
 *   export const GET = withApi({ query: ZSearchQuery }, async ({ query }) => Response.json(...));
 */
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { problemResponse } from "@/lib/api/problem";
import { AppError } from "@/lib/errors";

interface HandlerContext<Q, P> {
  request: NextRequest;
  query: Q;
  params: P;
}

interface ApiOptions<QS extends z.ZodType> {
  query?: QS;
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export function withApi<QS extends z.ZodType = z.ZodType<Record<string, never>>, P = Record<string, string>>(
  options: ApiOptions<QS>,
  handler: (context: HandlerContext<z.infer<QS>, P>) => Promise<Response>,
) {
  return async (request: NextRequest, context: RouteContext): Promise<Response> => {
    try {
      const query = options.query ? parseQuery(options.query, request.nextUrl.searchParams) : {};
      const params = (await context.params) as P;
      return await handler({ request, query: query as z.infer<QS>, params });
    } catch (error) {
      return problemResponse(error);
    }
  };
}

function parseQuery<QS extends z.ZodType>(schema: QS, searchParams: URLSearchParams): z.infer<QS> {
  const parsed = schema.safeParse(Object.fromEntries(searchParams));
  if (parsed.success) return parsed.data;
  const invalidParams = parsed.error.issues.map((issue) => ({
    name: issue.path.join(".") || "query",
    reason: issue.message,
  }));
  throw new AppError(
    "bad_request",
    invalidParams.map((param) => `${param.name} : ${param.reason}`).join(" ; "),
    invalidParams,
  );
}
