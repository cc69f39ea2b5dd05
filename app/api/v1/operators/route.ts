/** GET /api/v1/operators — the operators the sources name (infrastructure and commercial). */
import type { z } from "zod";
import { withApi } from "@/lib/api/handler";
import type { ZOperatorListResponse } from "@/lib/api/schemas";
import { db } from "@/lib/db/client";

export const GET = withApi({}, async () => {
  const items = await db.operator.findMany({ select: { code: true, name: true, role: true, website: true }, orderBy: { code: "asc" } });
  return Response.json({ items } satisfies z.infer<typeof ZOperatorListResponse>, { headers: { "Cache-Control": "public, max-age=3600" } });
});
