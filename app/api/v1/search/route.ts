/** GET /api/v1/search?q=&limit=&type=&citycode=&postcode=&lat=&lon= — addresses, activity zones, communes and establishments in one ranked list. */
import { withApi } from "@/lib/api/handler";
import { search } from "@/lib/search";
import { ZSearchQuery } from "@/lib/validation/search";

export const GET = withApi({ query: ZSearchQuery }, async ({ query }) => {
  const near = query.lat !== undefined && query.lon !== undefined ? { lat: query.lat, lon: query.lon } : undefined;
  const results = await search(query.q, query.limit, query.type, { citycode: query.citycode, postcode: query.postcode, near });
  return Response.json(
    { query: query.q, results },
    { headers: { "Cache-Control": "public, max-age=60" } },
  );
});
