/** GET /api/v1/zones?bbox=|commune=|epci=&limit=&cursor= — activity zones, page by page. */
import type { z } from "zod";
import { withApi } from "@/lib/api/handler";
import type { ZZoneListResponse } from "@/lib/api/schemas";
import { listZones } from "@/lib/data/zone-list";
import { ZZoneListQuery } from "@/lib/validation/api";

export const GET = withApi({ query: ZZoneListQuery }, async ({ query }) => {
  const page = await listZones(query);
  return Response.json(page satisfies z.infer<typeof ZZoneListResponse>, { headers: { "Cache-Control": "public, max-age=300" } });
});
