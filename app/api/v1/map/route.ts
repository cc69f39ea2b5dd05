/** GET /api/v1/map?bbox=&zoom=&technology=&status= — what the map explorer shows in a view. */
import { withApi } from "@/lib/api/handler";
import { getMapView } from "@/lib/data/map";
import { ZMapQuery } from "@/lib/validation/map";

export const GET = withApi({ query: ZMapQuery }, async ({ query }) => {
  const view = await getMapView(query);
  return Response.json(view, { headers: { "Cache-Control": "public, max-age=120" } });
});
