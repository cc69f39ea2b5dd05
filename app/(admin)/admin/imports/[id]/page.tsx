import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { ImportJobActions } from "@/components/admin/import-job-actions";
import { ImportJobPolling } from "@/components/admin/import-job-polling";
import { ImportReportView } from "@/components/admin/import-report-view";
import { IMPORT_FORMAT_LABELS, IMPORT_JOB_STATE_LABELS } from "@/lib/admin/labels";
import { isStale, readJobProgress } from "@/lib/admin/import-jobs";
import { parseJobReport } from "@/lib/admin/import-report";
import { canImport, canViewOrganisationData } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { getImportJob } from "@/lib/data/import-jobs";
import { listTerritoryCommunes } from "@/lib/data/organisations";
import { formatDateTime, formatInteger } from "@/lib/format";

export const metadata: Metadata = { title: "Fichier chargé" };

const RUNNING = new Set(["UPLOADED", "CHECKING", "APPLYING"]);
const STALE_MESSAGE = "Le traitement s'est interrompu : aucun signe d'activité depuis plus de 10 minutes. Abandonnez cet import et chargez le fichier à nouveau.";

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${formatInteger(bytes)} octets`;
  if (bytes < 1024 * 1024) return `${formatInteger(Math.round(bytes / 1024))} Ko`;
  return `${formatInteger(Math.round(bytes / 1024 / 1024))} Mo`;
}

/** /admin/imports/<id> — one uploaded file: progress, dry-run report, apply or abandon, then the result. */
export default async function ImportJobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/admin/imports/${id}`);
  const job = await getImportJob(id);
  if (!job) notFound();
  if (!canViewOrganisationData(actor, job.organisationId)) forbidden();

  const progress = RUNNING.has(job.state) ? readJobProgress(job.id) : null;
  const stale = isStale(job, progress);
  const state = stale ? "FAILED" : job.state;
  const isRunning = RUNNING.has(state);
  const checkReport = parseJobReport(job.checkReport);
  const applyReport = parseJobReport(job.applyReport);
  const mayAct = canImport(actor, job.organisationId);
  const communes = state === "APPLIED" && job.organisationId ? (await listTerritoryCommunes(job.organisationId)).slice(0, 12) : [];
  const downloadUrl = `/admin/imports/${job.id}/rapport.csv`;

  return (
    <div className="space-y-8">
      <p className="text-sm">
        <Link href="/admin/imports">← Tous les fichiers</Link>
      </p>
      <div className="space-y-2">
        <h1 className="break-all text-3xl font-bold">{job.fileName}</h1>
        <p className="text-muted">
          {IMPORT_FORMAT_LABELS[job.format] ?? job.format} · {formatSize(job.byteSize)} · chargé le {formatDateTime(job.createdAt)} par{" "}
          {job.userEmail}
          {job.organisation ? ` pour ${job.organisation.name}` : ""}
        </p>
      </div>

      <section aria-labelledby="job-state" className="space-y-3 rounded-lg border border-line p-4">
        <h2 id="job-state" className="text-xl font-semibold">
          État : <span role="status">{IMPORT_JOB_STATE_LABELS[state] ?? state}</span>
        </h2>
        {isRunning ? (
          <div className="space-y-1">
            <label htmlFor="job-progress" className="text-sm">
              {formatInteger(progress?.rows ?? 0)} lignes traitées{progress?.percent != null ? ` (${progress.percent} %)` : ""}
            </label>
            <progress id="job-progress" max={100} value={progress?.percent ?? undefined} className="block h-3 w-full" />
            <p className="text-sm text-muted">Cette page se met à jour toute seule ; vous pouvez aussi la quitter et revenir plus tard.</p>
          </div>
        ) : null}
        {state === "REFUSED" || state === "FAILED" ? <p className="field-error">{stale ? STALE_MESSAGE : job.message}</p> : null}
        {state === "CHECKED" ? (
          <p>Rien n&apos;a encore été modifié. Vérifiez le rapport ci-dessous, puis appliquez l&apos;import ou abandonnez-le.</p>
        ) : null}
        {state === "APPLIED" ? (
          <div className="space-y-2">
            <p>Le fichier est importé : les pages publiques montrent déjà ces informations.</p>
            <p>
              Voir sur le site public :{" "}
              {communes.map((commune, index) => (
                <span key={commune.inseeCode}>
                  {index > 0 ? ", " : ""}
                  <Link href={`/commune/${commune.inseeCode}`}>{commune.name}</Link>
                </span>
              ))}
              {communes.length > 0 ? ", " : ""}
              <Link href="/carte">la carte</Link>
            </p>
          </div>
        ) : null}
        {mayAct ? <ImportJobActions jobId={job.id} canApply={state === "CHECKED"} canCancel={["CHECKED", "REFUSED", "FAILED"].includes(state)} /> : null}
        <ImportJobPolling isActive={isRunning} />
      </section>

      {applyReport ? <ImportReportView report={applyReport} title="Résultat de l'import" headingId="job-apply" downloadUrl={downloadUrl} /> : null}
      {checkReport && !applyReport ? (
        <ImportReportView report={checkReport} title="Rapport de vérification (rien n'a été modifié)" headingId="job-check" downloadUrl={downloadUrl} />
      ) : null}
    </div>
  );
}
