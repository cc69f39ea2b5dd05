/**
 * GET /api/v1/exports/availability.geojson?commune=|epci=|zone=|departement= — availability per address,
 * GeoJSON with metadata: streamed live, or for a département the file the worker prepared.
 */
import { exportSubject, geojsonExport } from "@/lib/api/exports";
import { withApi } from "@/lib/api/handler";
import { servePreparedExport } from "@/lib/data/prepared-exports";
import { ZExportQuery } from "@/lib/validation/api";

export const GET = withApi({ query: ZExportQuery }, async ({ query, request }) =>
  (query.departement ? await servePreparedExport(request, query.departement, "geojson") : null) ?? geojsonExport(await exportSubject(query), query),
);
