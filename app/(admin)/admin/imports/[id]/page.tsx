import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { ImportJobActions } from "@/components/admin/import-job-actions";
import { ImportJobPolling } from "@/components/admin/import-job-polling";
import { ImportReportView } from "@/components/admin/import-report-view";
import { IMPORT_FORMAT_LABELS, IMPORT_JOB_STATE_LABELS } from "@/lib/admin/labels";
import { jobLiveness, jobProgress } from "@/lib/admin/import-jobs";
import { parseJobReport } from "@/lib/admin/import-report";
import { canImport, canViewOrganisationData } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { getImportJob } from "@/lib/data/import-jobs";
import { env } from "@/lib/env";
import { listTerritoryCommunes } from "@/lib/data/organisations";
import { formatDateTime, formatInteger } from "@/lib/format";

export const metadata: Metadata = { title: "Fichier chargé" };

const RUNNING = new Set(["UPLOADED", "CHECKING", "APPLYING"]);
const DEAD_MESSAGE = "Le traitement s'est interrompu : le processus qui s'en chargeait ne donne plus signe d'activité. Abandonnez cet import et chargez le fichier à nouveau.";
const TAKEOVER_MESSAGE = "Le processus qui vérifiait ce fichier s'est arrêté : un autre processus de traitement va reprendre la vérification depuis le début.";
const WAITING_MESSAGE = "En attente d'un traitement : un processus de traitement va prendre ce fichier en charge.";
const UNCLAIMED_MESSAGE =
  "Aucun processus de traitement n'a pris ce fichier en charge depuis plus d'une minute : le service de traitement des imports ne tourne sans doute pas. Prévenez l'équipe technique ; vous pouvez aussi abandonner cet import.";

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

  const progress = jobProgress(job);
  const liveness = jobLiveness(job, progress);
  // A dead check is shown as such only where nobody takes it over (no worker: IMPORT_RUNNER=spawn).
  const isTakenOver = liveness === "dead" && job.state === "CHECKING" && env.IMPORT_RUNNER === "worker";
  const isDead = liveness === "dead" && !isTakenOver;
  const state = isDead ? "FAILED" : job.state;
  const isRunning = RUNNING.has(state);
  const mayCancelWaiting = liveness === "unclaimed" && job.state === "UPLOADED";
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
        {liveness === "waiting" ? <p>{WAITING_MESSAGE}</p> : null}
        {liveness === "unclaimed" ? <p className="field-error">{UNCLAIMED_MESSAGE}</p> : null}
        {isTakenOver ? <p>{TAKEOVER_MESSAGE}</p> : null}
        {isRunning && liveness === "running" ? (
          <div className="space-y-1">
            <label htmlFor="job-progress" className="text-sm">
              {formatInteger(progress?.rows ?? 0)} lignes traitées{progress?.percent != null ? ` (${progress.percent} %)` : ""}
            </label>
            <progress id="job-progress" max={100} value={progress?.percent ?? undefined} className="block h-3 w-full" />
            <p className="text-sm text-muted">Cette page se met à jour toute seule ; vous pouvez aussi la quitter et revenir plus tard.</p>
          </div>
        ) : null}
        {state === "REFUSED" || state === "FAILED" ? <p className="field-error">{isDead ? DEAD_MESSAGE : job.message}</p> : null}
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
        {mayAct ? <ImportJobActions jobId={job.id} canApply={state === "CHECKED"} canCancel={mayCancelWaiting || ["CHECKED", "REFUSED", "FAILED"].includes(state)} /> : null}
        <ImportJobPolling isActive={isRunning} />
      </section>

      {applyReport ? <ImportReportView report={applyReport} title="Résultat de l'import" headingId="job-apply" downloadUrl={downloadUrl} /> : null}
      {checkReport && !applyReport ? (
        <ImportReportView report={checkReport} title="Rapport de vérification (rien n'a été modifié)" headingId="job-check" downloadUrl={downloadUrl} />
      ) : null}
    </div>
  );
}
