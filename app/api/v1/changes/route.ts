/** GET /api/v1/changes?since=|cursor=&departement=&limit= — what changed, oldest first (lib/changes/change-log.ts). */
import type { z } from "zod";
import { withApi } from "@/lib/api/handler";
import type { ZChangesResponse } from "@/lib/api/schemas";
import { listChanges } from "@/lib/data/changes";
import { ZChangesQuery } from "@/lib/validation/api";

export const GET = withApi({ query: ZChangesQuery }, async ({ query }) => {
  const page = await listChanges(query);
  return Response.json(page satisfies z.infer<typeof ZChangesResponse>, { headers: { "Cache-Control": "no-cache" } });
});
