import "server-only";
/**
 * POST /api/v1/eligibility/csv — a member list checked in one upload (lib/batch). The upload is
 * spooled and measured first, so the limits (413) and the rate limit — one request per line,
 * refused whole with 429 when the lines exceed what remains — are answered before any work; then
 * the answer streams out chunk by chunk and the temporary copy is deleted when it ends or is
 * abandoned. Errors are thrown as AppError (400, 413) for the route wrapper, but the 429, which
 * carries its rate-limit headers, is answered here.
 */
import { Readable } from "node:stream";
import type { NextRequest } from "next/server";
import { checkedCsv, checkedXlsx } from "@/lib/batch/check";
import { BATCH_LIMITS, type BatchLimits } from "@/lib/batch/limits";
import { openList } from "@/lib/batch/read";
import { spoolUpload } from "@/lib/batch/upload";
import { problemResponse } from "@/lib/api/problem";
import { apiRateLimiter, type RateLimitState } from "@/lib/api/rate-limit";
import { AppError } from "@/lib/errors";
import { clientBucket } from "@/lib/http/client-ip";
import { originOf } from "@/lib/request-origin";

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function rateLimitHeaders(limit: RateLimitState | null): Record<string, string> {
  if (!limit) return {};
  return {
    "RateLimit-Limit": String(limit.limit),
    "RateLimit-Remaining": String(limit.remaining),
    "RateLimit-Reset": String(limit.reset),
    ...(limit.isLimited ? { "Retry-After": String(limit.reset) } : {}),
  };
}

/** "membres.csv" → "membres-fibre-pro.csv", ASCII only (a header value). */
function resultName(fileName: string, extension: string): string {
  const base = fileName.replace(/\.[^.]*$/, "").normalize("NFD").replace(/[^\w.-]+/g, "_").slice(0, 80) || "liste";
  return `${base}-fibre-pro.${extension}`;
}

/** The streamed answer, or a thrown AppError (400, 413, 429) the route wrapper turns into problem+json. */
export async function batchCheckResponse(request: NextRequest, limits: BatchLimits = BATCH_LIMITS): Promise<Response> {
  const upload = await spoolUpload(request, limits);
  let isHandedOver = false;
  try {
    const limit = await apiRateLimiter().consume(clientBucket(request.headers), Math.max(1, upload.lines));
    if (limit?.isLimited) {
      const error = new AppError(
        "rate_limited",
        `Ce fichier compte ${upload.lines} lignes ; il vous reste ${limit.remaining} requêtes sur ${limit.limit} pour cette période (une par ligne). Réessayez dans ${limit.reset} s ou envoyez un fichier plus court.`,
      );
      return problemResponse(error, rateLimitHeaders(limit));
    }
    const list = await openList(upload, limits);
    const isXlsx = upload.format === "xlsx";
    const chunks = isXlsx ? checkedXlsx(list, originOf(request.headers)) : checkedCsv(list, originOf(request.headers));
    const body = Readable.toWeb(Readable.from(chunks).once("close", () => void upload.remove())) as ReadableStream<Uint8Array>;
    isHandedOver = true;
    const contentType = isXlsx ? XLSX_CONTENT_TYPE : `text/csv; charset=${list.format.encoding}`;
    return new Response(body, {
      status: 200,
      headers: {
        "Content-Type": contentType,
        "Content-Disposition": `attachment; filename="${resultName(upload.fileName, isXlsx ? "xlsx" : "csv")}"`,
        "Cache-Control": "no-store",
        ...rateLimitHeaders(limit),
      },
    });
  } finally {
    if (!isHandedOver) await upload.remove();
  }
}
