/**
 * GET /admin/imports/<id>/rapport.csv — the rejected and unmatched lines of the job's latest
 * report (the first 1,000 of each): kind;line;id;reason, `;`, UTF-8 with BOM. Signed-in users
 * of the job's organisation (platform admins: any); 401/403/404 otherwise.
 */
import { parseJobReport, reportCsv } from "@/lib/admin/import-report";
import { problemResponse } from "@/lib/api/problem";
import { canViewOrganisationData, ensure } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { getImportJob } from "@/lib/data/import-jobs";
import { AppError } from "@/lib/errors";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const actor = await requireActor();
    const { id } = await params;
    const job = await getImportJob(id);
    if (!job) throw new AppError("not_found", "Cet import n'existe pas.");
    ensure(canViewOrganisationData(actor, job.organisationId), "Cet import appartient à une autre organisation.");
    const report = parseJobReport(job.applyReport) ?? parseJobReport(job.checkReport);
    if (!report) throw new AppError("not_found", "Ce fichier n'a pas encore de rapport.");
    const name = `rapport-import-${job.fileName.replace(/\.[^.]+$/, "").replace(/[^A-Za-z0-9_-]+/g, "_")}.csv`;
    return new Response(reportCsv(report), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return problemResponse(error, { "Cache-Control": "no-store" });
  }
}
