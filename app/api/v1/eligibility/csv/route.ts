/** POST /api/v1/eligibility/csv — a member list (multipart, field data) checked line by line; CSV or XLSX, streamed. */
import { batchCheckResponse } from "@/lib/api/batch-check";
import { CORS_HEADERS, withApi } from "@/lib/api/handler";

// One API request (the wrapper's rate limit, before the upload is read), then its lines against
// the batch budget (batchCheckResponse).
export const POST = withApi({}, async ({ request }) => batchCheckResponse(request));

/** The preflight of a cross-origin upload (proxy.ts leaves this path alone so the body streams). */
export function OPTIONS(): Response {
  return new Response(null, { status: 204, headers: { ...CORS_HEADERS, "Access-Control-Allow-Methods": "POST, OPTIONS" } });
}
