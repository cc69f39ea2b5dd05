/** GET /api/v1/addresses/nearest?lat=&lon=&radius= — the address nearest to a point, within the radius. */
import { withApi } from "@/lib/api/handler";
import type { ZNearestAddressResponse } from "@/lib/api/schemas";
import { findNearestAddress } from "@/lib/data/nearest";
import { AppError } from "@/lib/errors";
import { ZNearestQuery } from "@/lib/validation/api";
import type { z } from "zod";

export const GET = withApi({ query: ZNearestQuery }, async ({ query }) => {
  const nearest = await findNearestAddress(query.lat, query.lon, query.radius);
  if (!nearest) throw new AppError("not_found", `Aucune adresse connue à moins de ${query.radius} m de ce point.`);
  return Response.json(nearest satisfies z.infer<typeof ZNearestAddressResponse>, { headers: { "Cache-Control": "public, max-age=300" } });
});
