/** GET /api/v1/exports/metadata?commune=|epci=|zone=|departement= — what an export holds: licence, sources and dates, columns. */
import { exportMetadata, exportSubject } from "@/lib/api/exports";
import { withApi } from "@/lib/api/handler";
import { ZExportQuery } from "@/lib/validation/api";

export const GET = withApi({ query: ZExportQuery }, async ({ query }) =>
  Response.json(await exportMetadata(await exportSubject(query), query), { headers: { "Cache-Control": "public, max-age=600" } }),
);
