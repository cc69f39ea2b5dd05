/** POST /api/v1/eligibility/csv — a member list (multipart, field data) checked line by line; CSV or XLSX, streamed. */
import { batchCheckResponse } from "@/lib/api/batch-check";
import { CORS_HEADERS, withApi } from "@/lib/api/handler";

// Counted per line by batchCheckResponse, not once per request.
export const POST = withApi({ isRateLimited: false }, async ({ request }) => batchCheckResponse(request));

/** The preflight of a cross-origin upload (proxy.ts leaves this path alone so the body streams). */
export function OPTIONS(): Response {
  return new Response(null, { status: 204, headers: { ...CORS_HEADERS, "Access-Control-Allow-Methods": "POST, OPTIONS" } });
}
