/** GET /api/v1/exports/availability.csv?commune=|epci=|zone= — availability per address, CSV (;), streamed. */
import { csvExport, exportSubject } from "@/lib/api/exports";
import { withApi } from "@/lib/api/handler";
import { ZExportQuery } from "@/lib/validation/api";

export const GET = withApi({ query: ZExportQuery }, async ({ query }) => csvExport(await exportSubject(query), query));
