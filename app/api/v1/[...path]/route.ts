/**
 * Any /api/v1 path no route answers: 404 problem+json (never the site's HTML 404), whatever the
 * method — the documented routes are matched before this catch-all.
 */
import type { NextRequest } from "next/server";
import { withApi } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";

const notFound = withApi({}, async ({ request }: { request: NextRequest }) => {
  throw new AppError("not_found", `Aucun point d'accès de l'API ne répond à ${request.nextUrl.pathname}. La liste : /api/v1/openapi.json.`);
});

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
