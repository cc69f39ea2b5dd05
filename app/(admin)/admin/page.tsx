import type { Metadata } from "next";
import Link from "next/link";
import { CoverageTable } from "@/components/coverage/coverage-table";
import { IMPORT_FORMAT_LABELS, IMPORT_JOB_STATE_LABELS, PUBLICATION_SCOPE_LABELS } from "@/lib/admin/labels";
import { requirePageActor } from "@/lib/auth/session";
import { getDashboard } from "@/lib/data/dashboard";
import { formatDate, formatInteger } from "@/lib/format";
import { STATUS_LABELS } from "@/lib/status";
import { TECHNOLOGY_INFO } from "@/lib/technologies";

export const metadata: Metadata = { title: "Tableau de bord" };

/** /admin — the organisation's zones, coverage of its territory, drafts waiting, last imports. */
export default async function DashboardPage() {
  const actor = await requirePageActor("/admin");
  const { zoneCount, zones, drafts, draftCount, imports, coverage } = await getDashboard(actor);

  return (
    <div className="space-y-10">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-3xl font-bold">Tableau de bord{actor.organisationName ? ` — ${actor.organisationName}` : ""}</h1>
        <div className="flex flex-wrap gap-3">
          <Link href="/admin/publications/nouvelle" className="button-primary">
            Publier une mise à jour
          </Link>
          <Link href="/admin/zones/nouvelle" className="button-secondary">
            Créer une zone
          </Link>
          <Link href="/admin/imports" className="button-secondary">
            Charger un fichier
          </Link>
        </div>
      </div>

      <section aria-labelledby="dash-drafts" className="space-y-3">
        <h2 id="dash-drafts" className="text-xl font-semibold">
          Brouillons en attente ({formatInteger(draftCount)})
        </h2>
        {drafts.length === 0 ? (
          <p className="text-muted">Aucun brouillon : tout ce que vous avez écrit est publié.</p>
        ) : (
          <ul className="divide-y divide-line rounded-lg border border-line">
            {drafts.map((draft) => (
              <li key={draft.id} className="flex flex-wrap justify-between gap-2 px-4 py-3">
                <Link href={`/admin/publications/${draft.id}`}>
                  {TECHNOLOGY_INFO[draft.technology].name} — {STATUS_LABELS[draft.status]} ·{" "}
                  {draft.zone?.name ?? (draft.inseeCode ? `commune ${draft.inseeCode}` : PUBLICATION_SCOPE_LABELS[draft.scope])}
                </Link>
                <span className="text-sm text-muted">
                  modifié le {formatDate(draft.updatedAt)}
                  {draft.updatedByName ? ` par ${draft.updatedByName}` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="dash-zones" className="space-y-3">
        <h2 id="dash-zones" className="text-xl font-semibold">
          Vos zones d&apos;activités ({formatInteger(zoneCount)})
        </h2>
        {zones.length === 0 ? (
          <p className="text-muted">Aucune zone pour l&apos;instant.</p>
        ) : (
          <ul className="grid gap-2 sm:grid-cols-2">
            {zones.map((zone) => (
              <li key={zone.id} className="rounded-md border border-line px-4 py-3">
                <Link href={`/admin/zones/${encodeURIComponent(zone.id)}`} className="font-medium">
                  {zone.name}
                </Link>
                <span className="block text-sm text-muted">
                  {zone.communeName ?? ""} · {formatInteger(zone._count.addresses)} adresse{zone._count.addresses > 1 ? "s" : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link href="/admin/zones">Toutes les zones</Link>
        </p>
      </section>

      {coverage ? (
        <section aria-labelledby="dash-coverage" className="space-y-3">
          <h2 id="dash-coverage" className="text-xl font-semibold">
            Adresses de votre territoire par état ({formatInteger(coverage.addresses)} adresses)
          </h2>
          <CoverageTable coverage={coverage} caption="Adresses du territoire par technologie et par état" />
        </section>
      ) : null}

      <section aria-labelledby="dash-imports" className="space-y-3">
        <h2 id="dash-imports" className="text-xl font-semibold">
          Derniers fichiers chargés
        </h2>
        {imports.length === 0 ? (
          <p className="text-muted">Aucun fichier chargé depuis l&apos;espace collectivités.</p>
        ) : (
          <ul className="divide-y divide-line rounded-lg border border-line">
            {imports.map((job) => (
              <li key={job.id} className="flex flex-wrap justify-between gap-2 px-4 py-3">
                <Link href={`/admin/imports/${job.id}`}>{job.fileName}</Link>
                <span className="text-sm text-muted">
                  {IMPORT_FORMAT_LABELS[job.format] ?? job.format} · {IMPORT_JOB_STATE_LABELS[job.state] ?? job.state} · {formatDate(job.createdAt)} ·{" "}
                  {job.userEmail}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
