/** GET /api/v1/exports/availability.geojson?commune=|epci=|zone= — availability per address, GeoJSON with metadata, streamed. */
import { exportSubject, geojsonExport } from "@/lib/api/exports";
import { withApi } from "@/lib/api/handler";
import { ZExportQuery } from "@/lib/validation/api";

export const GET = withApi({ query: ZExportQuery }, async ({ query }) => geojsonExport(await exportSubject(query), query));
