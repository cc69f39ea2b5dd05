/**
 * The dashboard's to-do list: what is waiting first, each with where to act; what is up to date
 * after, in one short list.
 */
import Link from "next/link";
import { PUBLICATION_SCOPE_LABELS } from "@/lib/admin/labels";
import type { DashboardTodo } from "@/lib/data/dashboard";
import { STALE_AFTER_MONTHS } from "@/lib/admin/staleness";
import { formatDate, formatInteger } from "@/lib/format";
import { STATUS_LABELS } from "@/lib/status";
import { TECHNOLOGY_INFO } from "@/lib/technologies";

interface Item {
  id: string;
  /** Something to do (shown first) or up to date. */
  isPending: boolean;
  title: string;
  explanation?: string;
  details?: React.ReactNode;
  action?: { href: string; label: string };
}

const plural = (n: number, one: string, many: string) => `${formatInteger(n)} ${n > 1 ? many : one}`;

function TodoItem({ item }: { item: Item }) {
  return (
    <li className="space-y-2 rounded-lg border-l-4 border-amber-700 bg-amber-50 px-4 py-3">
      <h3 id={`todo-${item.id}`} className="font-semibold">
        {item.title}
      </h3>
      {item.explanation ? <p className="text-sm">{item.explanation}</p> : null}
      {item.details}
      {item.action ? (
        <p>
          <Link href={item.action.href} className="font-medium" aria-describedby={`todo-${item.id}`}>
            {item.action.label}
          </Link>
        </p>
      ) : null}
    </li>
  );
}

function DetailList({ children }: { children: React.ReactNode }) {
  return <ul className="space-y-1 text-sm">{children}</ul>;
}

function items(todo: DashboardTodo, scope: { isPlatform: boolean; isOrgAdmin: boolean }): Item[] {
  const { zonesWithoutCalendar: zones, pendingReports, drafts, checkedImports, staleSources } = todo;
  const list: Item[] = [
    {
      id: "calendar",
      isPending: zones.count > 0,
      title: zones.count > 0 ? `${plural(zones.count, "zone d'activités", "zones d'activités")} sans calendrier publié` : "Chaque zone d'activités a un calendrier publié",
      explanation: "Leurs entreprises n'y trouvent aucun calendrier publié : publiez ce qui est prévu ou disponible, technologie par technologie.",
      details: (
        <DetailList>
          {zones.zones.map((zone) => (
            <li key={zone.id}>
              <Link href={`/admin/publications/nouvelle?zone=${encodeURIComponent(zone.id)}`}>
                {zone.name}
                <span className="sr-only"> : publier son calendrier</span>
              </Link>{" "}
              <span className="text-muted">
                {[zone.communeName, plural(zone._count.addresses, "adresse", "adresses"), scope.isPlatform ? (zone.organisation?.name ?? "sans organisation") : null]
                  .filter(Boolean)
                  .join(" · ")}
              </span>
            </li>
          ))}
        </DetailList>
      ),
      action: { href: "/admin/zones", label: "Voir toutes les zones" },
    },
    {
      id: "reports",
      isPending: pendingReports.count > 0,
      title: pendingReports.count > 0 ? `${plural(pendingReports.count, "signalement", "signalements")} d'entreprises en attente` : "Aucun signalement en attente",
      explanation: pendingReports.oldest
        ? `Le plus ancien a été reçu le ${formatDate(pendingReports.oldest)}. Acceptez-le pour corriger l'information, ou refusez-le en expliquant pourquoi.`
        : undefined,
      action: { href: "/admin/signalements", label: "Examiner les signalements" },
    },
    {
      id: "drafts",
      isPending: drafts.count > 0,
      title: drafts.count > 0 ? `${plural(drafts.count, "brouillon", "brouillons")} non publié${drafts.count > 1 ? "s" : ""}` : "Aucun brouillon : tout ce qui a été écrit est publié",
      explanation: "Un brouillon n'apparaît pas sur les pages publiques tant qu'il n'est pas publié.",
      details: (
        <DetailList>
          {drafts.drafts.map((draft) => (
            <li key={draft.id}>
              <Link href={`/admin/publications/${draft.id}`}>
                {TECHNOLOGY_INFO[draft.technology].name} — {STATUS_LABELS[draft.status]} ·{" "}
                {draft.zone?.name ?? (draft.inseeCode ? `commune ${draft.inseeCode}` : PUBLICATION_SCOPE_LABELS[draft.scope])}
              </Link>{" "}
              <span className="text-muted">
                modifié le {formatDate(draft.updatedAt)}
                {draft.updatedByName ? ` par ${draft.updatedByName}` : ""}
                {scope.isPlatform ? ` · ${draft.organisation.name}` : ""}
              </span>
            </li>
          ))}
        </DetailList>
      ),
      action: { href: "/admin/publications?etat=DRAFT", label: "Tous les brouillons" },
    },
    {
      id: "imports",
      isPending: checkedImports.count > 0,
      title: checkedImports.count > 0 ? `${plural(checkedImports.count, "fichier vérifié", "fichiers vérifiés")} à appliquer` : "Aucun fichier vérifié en attente",
      explanation: "La vérification n'a rien modifié : relisez le rapport, puis appliquez l'import.",
      details: (
        <DetailList>
          {checkedImports.jobs.map((job) => (
            <li key={job.id}>
              <Link href={`/admin/imports/${job.id}`}>{job.fileName}</Link> <span className="text-muted">chargé le {formatDate(job.createdAt)}</span>
            </li>
          ))}
        </DetailList>
      ),
      action: { href: "/admin/imports", label: "Voir les fichiers" },
    },
    {
      id: "sources",
      isPending: staleSources.length > 0,
      title:
        staleSources.length > 0
          ? `${plural(staleSources.length, "source", "sources")} de plus de ${STALE_AFTER_MONTHS} mois`
          : `Aucune source de plus de ${STALE_AFTER_MONTHS} mois`,
      explanation: "Les pages publiques datent chaque information : chargez un fichier plus récent de la même source pour les tenir à jour.",
      details: (
        <DetailList>
          {staleSources.map((source) => (
            <li key={`${source.kind}|${source.name}`}>
              <span className="font-medium">{source.name}</span> —{" "}
              {source.isFileDate ? `dernier fichier du ${formatDate(source.date)}` : `dernier fichier chargé le ${formatDate(source.date)}`}
            </li>
          ))}
        </DetailList>
      ),
      action: { href: "/admin/imports", label: "Charger un fichier plus récent" },
    },
  ];
  if (scope.isPlatform) {
    list.push({
      id: "contacts",
      isPending: todo.withoutContact > 0,
      title: todo.withoutContact > 0 ? `${plural(todo.withoutContact, "organisation", "organisations")} sans contact public` : "Chaque organisation a un contact public",
      explanation: "Sans contact public, les entreprises de leur territoire ne savent pas à qui s'adresser.",
      action: { href: "/admin/organisations", label: "Voir les organisations" },
    });
    list.push({
      id: "codes",
      isPending: (todo.unlistedCodes ?? 0) > 0,
      title: todo.unlistedCodes ? `${plural(todo.unlistedCodes, "code d'opérateur", "codes d'opérateurs")} sans fiche dans l'annuaire` : "Chaque code d'opérateur cité a sa fiche",
      explanation: "Les pages publiques les nomment sans lien vers leurs offres.",
      action: { href: "/admin/operateurs#directory-unlisted", label: "Compléter l'annuaire des opérateurs" },
    });
  } else if (scope.isOrgAdmin) {
    list.push({
      id: "contacts",
      isPending: todo.withoutContact > 0,
      title: todo.withoutContact > 0 ? "Votre organisation n'a pas de contact public" : "Votre organisation a un contact public",
      explanation: todo.withoutContact > 0 ? "Les entreprises de votre territoire ne savent pas à qui s'adresser pour la fibre." : undefined,
      action: { href: "/admin/organisation", label: todo.withoutContact > 0 ? "Indiquer un contact public" : "Voir le contact public" },
    });
  }
  return list;
}

export function TodoList({ todo, isPlatform, isOrgAdmin }: { todo: DashboardTodo; isPlatform: boolean; isOrgAdmin: boolean }) {
  const all = items(todo, { isPlatform, isOrgAdmin });
  const pending = all.filter((item) => item.isPending);
  const done = all.filter((item) => !item.isPending);
  return (
    <section aria-labelledby="dash-todo" className="space-y-4">
      <h2 id="dash-todo" className="text-xl font-semibold">
        À faire{pending.length > 0 ? ` (${pending.length})` : ""}
      </h2>
      {pending.length > 0 ? (
        <ul className="grid gap-3 md:grid-cols-2">
          {pending.map((item) => (
            <TodoItem key={item.id} item={item} />
          ))}
        </ul>
      ) : (
        <p>Rien à faire pour l&apos;instant : tout est à jour.</p>
      )}
      {done.length > 0 ? (
        <div className="space-y-1">
          <h3 className="font-semibold">À jour</h3>
          <ul className="space-y-1 text-sm">
            {done.map((item) => (
              <li key={item.id}>
                <span aria-hidden="true" className="mr-1 text-green-800">
                  ✓
                </span>
                {item.title}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
