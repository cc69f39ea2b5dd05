import type { Metadata } from "next";
import Link from "next/link";
import { ImportUploadForm } from "@/components/admin/import-upload-form";
import { SyncStatusTable } from "@/components/data-sync/sync-status-table";
import { IMPORT_FORMAT_LABELS, IMPORT_JOB_STATE_LABELS } from "@/lib/admin/labels";
import { parseJobReport } from "@/lib/admin/import-report";
import { canImport, canImportFormat } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { listSyncSources } from "@/lib/data/data-sync";
import { listImportJobs } from "@/lib/data/import-jobs";
import { listOrganisations } from "@/lib/data/organisations";
import { env } from "@/lib/env";
import { formatDateTime, formatInteger } from "@/lib/format";
import { availableFormats } from "@/lib/import/registry";
import { NATIONAL_FORMATS } from "@/lib/import/types";

export const metadata: Metadata = { title: "Fichiers" };

/** /admin/imports — upload a file (checked before anything is applied) and the organisation's upload history. */
export default async function ImportsPage() {
  const actor = await requirePageActor("/admin/imports");
  const isPlatformAdmin = actor.role === "ADMIN";
  const [jobs, organisations, synced] = await Promise.all([
    listImportJobs(actor),
    isPlatformAdmin ? listOrganisations() : Promise.resolve(null),
    listSyncSources(),
  ]);
  const mayUpload = canImport(actor, actor.organisationId) || isPlatformAdmin;
  const formats = availableFormats()
    .filter((format) => canImportFormat(actor, format, NATIONAL_FORMATS))
    .map((format) => ({ value: format, label: IMPORT_FORMAT_LABELS[format] ?? format }));

  return (
    <div className="space-y-10">
      <h1 className="text-3xl font-bold">Charger un fichier</h1>
      <section aria-labelledby="imports-upload" className="space-y-4">
        <h2 id="imports-upload" className="text-xl font-semibold">
          Nouveau fichier
        </h2>
        <p className="max-w-prose">
          Le fichier est d&apos;abord vérifié sans rien modifier : vous voyez ce qu&apos;il changerait et les lignes
          refusées, puis vous décidez de l&apos;appliquer.
          {isPlatformAdmin ? "" : " Seules les lignes des communes de votre territoire sont prises en compte."}
        </p>
        {mayUpload ? (
          <ImportUploadForm
            formats={formats}
            organisations={organisations?.map((organisation) => ({ id: organisation.id, name: organisation.name })) ?? null}
            maxMegabytes={env.UPLOAD_MAX_MB}
          />
        ) : (
          <p className="text-muted">Votre compte n&apos;est rattaché à aucune organisation : il ne peut pas charger de fichier.</p>
        )}
      </section>

      <section aria-labelledby="imports-sync" className="space-y-3">
        <h2 id="imports-sync" className="text-xl font-semibold">
          Fichiers officiels suivis
        </h2>
        {synced.length === 0 ? (
          <p className="text-muted">
            Aucun fichier officiel n&apos;est suivi : <code>npm run data:sync</code> ou la planification <code>DATA_SYNC_CRON</code> les
            télécharge et les importe.
          </p>
        ) : (
          <SyncStatusTable rows={synced} showErrors={isPlatformAdmin} />
        )}
      </section>

      <section aria-labelledby="imports-history" className="space-y-3">
        <h2 id="imports-history" className="text-xl font-semibold">
          Fichiers chargés
        </h2>
        {jobs.length === 0 ? (
          <p className="text-muted">Aucun fichier chargé pour l&apos;instant.</p>
        ) : (
          <ul className="divide-y divide-line rounded-lg border border-line">
            {jobs.map((job) => {
              const report = parseJobReport(job.applyReport) ?? parseJobReport(job.checkReport);
              return (
                <li key={job.id} className="space-y-1 px-4 py-3">
                  <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                    <Link href={`/admin/imports/${job.id}`} className="break-all font-medium">
                      {job.fileName}
                    </Link>
                    <span className="font-medium">{IMPORT_JOB_STATE_LABELS[job.state] ?? job.state}</span>
                  </div>
                  <p className="break-words text-sm text-muted">
                    {IMPORT_FORMAT_LABELS[job.format] ?? job.format}
                    {isPlatformAdmin && job.organisation ? ` · ${job.organisation.name}` : ""} · le {formatDateTime(job.createdAt)} par{" "}
                    <span className="break-all">{job.userEmail}</span>
                    {report ? ` · ${formatInteger(report.counts.read)} lignes lues, ${formatInteger(report.counts.rejected)} rejetées` : ""}
                    {report && (report.counts.rejected > 0 || report.counts.unmatched > 0) ? (
                      <>
                        {" · "}
                        <a href={`/admin/imports/${job.id}/rapport.csv`} download>
                          rapport CSV<span className="sr-only"> de {job.fileName}</span>
                        </a>
                      </>
                    ) : null}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
