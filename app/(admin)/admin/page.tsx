import type { Metadata } from "next";
import Link from "next/link";
import { CoverageChart } from "@/components/coverage/coverage-chart";
import { TodoList } from "@/components/admin/dashboard/todo-list";
import { IMPORT_FORMAT_LABELS, IMPORT_JOB_STATE_LABELS } from "@/lib/admin/labels";
import { requirePageActor } from "@/lib/auth/session";
import { getDashboard } from "@/lib/data/dashboard";
import { formatDate, formatInteger } from "@/lib/format";

export const metadata: Metadata = { title: "Tableau de bord" };

/** /admin — the zone manager's to-do list, the coverage of its territory, the last files loaded. */
export default async function DashboardPage() {
  const actor = await requirePageActor("/admin");
  const { todo, imports, coverage } = await getDashboard(actor);
  const isPlatform = actor.role === "ADMIN";

  return (
    <div className="space-y-10">
      <div className="space-y-3">
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
        {isPlatform && !actor.organisationId ? <p className="text-muted">Toute la plateforme : chaque point compte les zones, signalements et brouillons de toutes les organisations.</p> : null}
      </div>

      <TodoList todo={todo} isPlatform={isPlatform} isOrgAdmin={actor.role === "ORG_ADMIN"} />

      {coverage ? (
        <section aria-labelledby="dash-coverage" className="space-y-3">
          <h2 id="dash-coverage" className="text-xl font-semibold">
            Couverture de votre territoire ({formatInteger(coverage.addresses)} adresses)
          </h2>
          <CoverageChart coverage={coverage} caption="Adresses du territoire par technologie et par niveau" />
          {coverage.sources.length > 0 ? (
            <p className="text-sm text-muted">
              Selon l&apos;information la plus récente pour chaque adresse. Sources :{" "}
              {coverage.sources.map((source) => `${source.name}${source.date ? ` du ${formatDate(source.date)}` : ""}`).join(" ; ")}.
            </p>
          ) : null}
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
                <Link href={`/admin/imports/${job.id}`} className="break-all">
                  {job.fileName}
                </Link>
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
