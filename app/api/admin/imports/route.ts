/**
 * POST /api/admin/imports?format=…&fileName=…[&source=…][&organisationId=…] — the raw file as the
 * body. Signed-in users who may import for the organisation, from a page of this site (Origin:
 * lib/http/same-origin.ts); streamed to UPLOAD_DIR, then checked (dry run) by a worker, or by a
 * process this server starts (IMPORT_RUNNER). 201 {id, url};
 * errors are French problem+json (401, 403, 400, 413).
 */
import type { NextRequest } from "next/server";
import { startImportRunner } from "@/lib/admin/import-jobs";
import { saveUpload } from "@/lib/admin/import-upload";
import { parseQuery } from "@/lib/api/handler";
import { problemResponse } from "@/lib/api/problem";
import { canImport, canImportFormat, ensure } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { createImportJob } from "@/lib/data/import-jobs";
import { NATIONAL_FORMATS } from "@/lib/import/types";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isSameOriginRequest } from "@/lib/http/same-origin";
import { ZImportUploadQuery } from "@/lib/validation/imports";

export async function POST(request: NextRequest): Promise<Response> {
  try {
    if (!isSameOriginRequest(request.headers, env.NEXTAUTH_URL)) throw new AppError("forbidden", "Requête refusée : elle ne vient pas d'une page de ce site.");
    const actor = await requireActor();
    const query = parseQuery(ZImportUploadQuery, request.nextUrl.searchParams);
    const organisationId = query.organisationId ?? actor.organisationId;
    ensure(canImport(actor, organisationId), "Vous ne pouvez pas charger de fichier pour cette organisation.");
    ensure(canImportFormat(actor, query.format, NATIONAL_FORMATS), "Seuls les administrateurs de la plateforme chargent le référentiel national des opérateurs.");
    const declared = request.headers.get("content-length");
    const upload = await saveUpload(request.body, query.fileName, declared ? Number(declared) : null);
    await createImportJob(
      {
        id: upload.jobId,
        organisationId,
        format: query.format,
        sourceName: query.source ?? null,
        fileName: query.fileName,
        filePath: upload.filePath,
        byteSize: upload.byteSize,
      },
      actor,
    );
    startImportRunner(upload.jobId, "check");
    const url = `/admin/imports/${upload.jobId}`;
    return Response.json({ id: upload.jobId, url }, { status: 201, headers: { Location: url, "Cache-Control": "no-store" } });
  } catch (error) {
    return problemResponse(error, { "Cache-Control": "no-store" });
  }
}
