/** GET /api/v1/operators — the operators the sources cite or the directory holds, with their offers and where they sell. */
import type { z } from "zod";
import { withApi } from "@/lib/api/handler";
import type { ZOperatorListResponse } from "@/lib/api/schemas";
import { listPublicOperators } from "@/lib/data/operator-directory";

export const GET = withApi({}, async () => {
  const items = await listPublicOperators();
  return Response.json({ items } satisfies z.infer<typeof ZOperatorListResponse>, { headers: { "Cache-Control": "public, max-age=3600" } });
});
