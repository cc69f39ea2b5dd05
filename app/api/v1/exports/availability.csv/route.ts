/**
 * GET /api/v1/exports/availability.csv?commune=|epci=|zone=|departement= — availability per address,
 * CSV (;): streamed live, or for a département the file the worker prepared (lib/data/prepared-exports.ts).
 */
import { csvExport, exportSubject } from "@/lib/api/exports";
import { withApi } from "@/lib/api/handler";
import { servePreparedExport } from "@/lib/data/prepared-exports";
import { ZExportQuery } from "@/lib/validation/api";

export const GET = withApi({ query: ZExportQuery }, async ({ query, request }) =>
  (query.departement ? await servePreparedExport(request, query.departement, "csv") : null) ?? csvExport(await exportSubject(query), query),
);
