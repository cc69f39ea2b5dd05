/** GET /api/v1/search?q=&limit=&type= — addresses, activity zones and communes in one ranked list. */
import { withApi } from "@/lib/api/handler";
import { search } from "@/lib/search";
import { ZSearchQuery } from "@/lib/validation/search";

export const GET = withApi({ query: ZSearchQuery }, async ({ query }) => {
  const results = await search(query.q, query.limit, query.type);
  return Response.json(
    { query: query.q, results },
    { headers: { "Cache-Control": "public, max-age=60" } },
  );
});
