/**
 * GET /api/metrics — Prometheus text format, for the operators' scraper only: `Authorization:
 * Bearer <METRICS_TOKEN>`. Without METRICS_TOKEN the endpoint does not exist (404); a wrong or
 * missing token gets 401. Requests and latencies per route come from the HTTP server
 * (scripts/server.ts: `npm run start`), the rest from the database at each scrape.
 */
import crypto from "node:crypto";
import { databaseMetrics } from "@/lib/data/operations-metrics";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { problemResponse } from "@/lib/api/problem";
import { processMetrics } from "@/lib/observability/metrics";

export const dynamic = "force-dynamic";

function isAuthorised(header: string | null, token: string): boolean {
  const expected = crypto.createHash("sha256").update(`Bearer ${token}`).digest();
  const given = crypto.createHash("sha256").update(header ?? "").digest();
  return crypto.timingSafeEqual(expected, given);
}

export async function GET(request: Request): Promise<Response> {
  if (!env.METRICS_TOKEN) return problemResponse(new AppError("not_found", "Cette adresse n'existe pas."));
  if (!isAuthorised(request.headers.get("authorization"), env.METRICS_TOKEN)) {
    return problemResponse(new AppError("unauthorized", "Jeton d'accès aux métriques manquant ou invalide."), { "WWW-Authenticate": 'Bearer realm="metrics"' });
  }
  try {
    const process = processMetrics().registry;
    const database = await databaseMetrics();
    const body = `${await process.metrics()}\n${await database.metrics()}`;
    return new Response(body, { headers: { "Content-Type": process.contentType, "Cache-Control": "no-store" } });
  } catch (error) {
    return problemResponse(error);
  }
}
