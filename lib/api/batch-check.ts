import "server-only";
/**
 * POST /api/v1/eligibility/csv — a member list checked in one upload (lib/batch). The upload is
 * spooled and measured first, so the limits (413) and the lines budget (API_BATCH_LINES per
 * API_BATCH_WINDOW, refused whole with 429 when the lines exceed what remains) are answered before
 * any work — the upload itself counted one API request by the route wrapper; then the answer
 * streams out chunk by chunk and the temporary copy is deleted when it ends or is abandoned.
 * Errors are thrown as AppError (400, 413) for the route wrapper, but the lines' 429, which
 * carries its budget headers, is answered here.
 */
import { Readable } from "node:stream";
import type { NextRequest } from "next/server";
import { checkedCsv, checkedXlsx } from "@/lib/batch/check";
import { BATCH_LIMITS, type BatchLimits } from "@/lib/batch/limits";
import { openList } from "@/lib/batch/read";
import { spoolUpload } from "@/lib/batch/upload";
import { BATCH_LINES_HEADERS } from "@/lib/api/batch-schemas";
import { problemResponse } from "@/lib/api/problem";
import { batchLineLimiter, type RateLimitState } from "@/lib/api/rate-limit";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { formatInteger, formatPeriod } from "@/lib/format";
import { clientBucket } from "@/lib/http/client-ip";
import { originOf } from "@/lib/request-origin";

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The lines budget, beside the RateLimit-* headers of the API's request limit (lib/api/handler.ts). */
function lineBudgetHeaders(budget: RateLimitState | null): Record<string, string> {
  if (!budget) return {};
  const [limit, remaining, reset] = BATCH_LINES_HEADERS;
  return {
    [limit]: String(budget.limit),
    [remaining]: String(budget.remaining),
    [reset]: String(budget.reset),
    ...(budget.isLimited ? { "Retry-After": String(budget.reset) } : {}),
  };
}

const lineCount = (count: number) => `${formatInteger(count)} ligne${count > 1 ? "s" : ""}`;

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
    const budget = await batchLineLimiter().consume(clientBucket(request.headers), Math.max(1, upload.lines));
    if (budget?.isLimited) {
      const error = new AppError(
        "rate_limited",
        `Ce fichier compte ${lineCount(upload.lines)} ; il vous en reste ${formatInteger(budget.remaining)} à vérifier sur ${formatInteger(budget.limit)} par période de ${formatPeriod(env.API_BATCH_WINDOW)}. Réessayez dans ${budget.reset} s ou envoyez un fichier plus court.`,
      );
      return problemResponse(error, lineBudgetHeaders(budget));
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
        ...lineBudgetHeaders(budget),
      },
    });
  } finally {
    if (!isHandedOver) await upload.remove();
  }
}
