import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { AUDIT_ACTION_LABELS } from "@/lib/admin/labels";
import { canViewAudit } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { listAuditActions, listAuditEntries } from "@/lib/data/audit";
import { formatDate, formatInteger } from "@/lib/format";
import { ZAuditQuery } from "@/lib/validation/audit";

export const metadata: Metadata = { title: "Journal des modifications" };

const TYPE_LABELS: Record<string, string> = {
  publication: "Publications",
  zone: "Zones",
  import: "Imports de fichiers",
  user: "Comptes",
  organisation: "Organisations",
  report: "Signalements",
  operator: "Annuaire des opérateurs",
};

const time = (date: Date) => `${formatDate(date)} ${date.toISOString().slice(11, 19)} UTC`;

function pretty(json: string | null): string | null {
  if (!json) return null;
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

/** /admin/journal — who changed what and when, with the state before and after; filterable. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("/admin/journal");
  const scope = actor.role === "ADMIN" ? null : actor.organisationId;
  if (!canViewAudit(actor, scope)) forbidden();
  const raw = await searchParams;
  const parsed = ZAuditQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : ZAuditQuery.parse({});
  const [{ entries, total, pageCount }, actions] = await Promise.all([
    listAuditEntries({
      organisationId: scope,
      action: query.action,
      entityType: query.type,
      actor: query.qui,
      from: query.du ? new Date(`${query.du}T00:00:00Z`) : undefined,
      to: query.au ? new Date(new Date(`${query.au}T00:00:00Z`).getTime() + 86_400_000) : undefined,
      page: query.page,
    }),
    listAuditActions(scope),
  ]);
  const pageLink = (page: number) => {
    const params = new URLSearchParams(Object.entries({ ...raw, page: String(page) }).filter((entry): entry is [string, string] => !!entry[1]));
    return `/admin/journal?${params}`;
  };

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Journal des modifications</h1>
      <p className="text-muted">
        Chaque publication, import de fichier, modification de zone et changement de compte{scope ? " de votre organisation" : ""} y est
        inscrit : qui, quoi, quand, avec l&apos;état avant et après.
      </p>
      {!parsed.success ? (
        <p role="alert" className="text-red-800">
          Un filtre est invalide (dates au format AAAA-MM-JJ) : il n&apos;a pas été appliqué.
        </p>
      ) : null}
      <form method="get" className="flex flex-wrap items-end gap-4 rounded-lg border border-line p-4">
        <div>
          <label htmlFor="type" className="block text-sm font-medium">Objet</label>
          <select id="type" name="type" defaultValue={query.type ?? ""} className="field">
            <option value="">Tous</option>
            {Object.entries(TYPE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="action" className="block text-sm font-medium">Action</label>
          <select id="action" name="action" defaultValue={query.action ?? ""} className="field">
            <option value="">Toutes</option>
            {actions.map((action) => (
              <option key={action} value={action}>{AUDIT_ACTION_LABELS[action] ?? action}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="qui" className="block text-sm font-medium">Auteur (e-mail)</label>
          <input id="qui" name="qui" defaultValue={query.qui ?? ""} className="field" />
        </div>
        <div>
          <label htmlFor="du" className="block text-sm font-medium">Du</label>
          <input id="du" name="du" type="date" defaultValue={query.du ?? ""} className="field" />
        </div>
        <div>
          <label htmlFor="au" className="block text-sm font-medium">Au</label>
          <input id="au" name="au" type="date" defaultValue={query.au ?? ""} className="field" />
        </div>
        <button type="submit" className="button-primary">Filtrer</button>
      </form>

      <p role="status">{formatInteger(total)} entrée{total > 1 ? "s" : ""}</p>
      {entries.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Entrées du journal, les plus récentes d&apos;abord</caption>
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="py-2 pr-3">Quand</th>
                <th scope="col" className="py-2 pr-3">Qui</th>
                <th scope="col" className="py-2 pr-3">Action</th>
                <th scope="col" className="py-2 pr-3">Détail</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => {
                const before = pretty(entry.before);
                const after = pretty(entry.after);
                return (
                  <tr key={entry.id} className="border-b border-line align-top">
                    <td className="whitespace-nowrap py-2 pr-3">{time(entry.at)}</td>
                    <td className="py-2 pr-3">
                      {entry.actorEmail}
                      {entry.actorIp ? <span className="block font-mono text-xs text-muted">IP {entry.actorIp}</span> : null}
                    </td>
                    <td className="py-2 pr-3">
                      {AUDIT_ACTION_LABELS[entry.action] ?? entry.action}
                      <span className="block font-mono text-xs text-muted">{entry.action}</span>
                    </td>
                    <td className="py-2 pr-3">
                      <p>{entry.summary}</p>
                      {before || after ? (
                        <details className="mt-1">
                          <summary className="cursor-pointer text-brand-700">Avant / après</summary>
                          <div className="mt-2 grid gap-2 md:grid-cols-2">
                            <div>
                              <p className="font-semibold">Avant</p>
                              <pre className="overflow-x-auto whitespace-pre-wrap rounded bg-brand-50 p-2 text-xs">{before ?? "—"}</pre>
                            </div>
                            <div>
                              <p className="font-semibold">Après</p>
                              <pre className="overflow-x-auto whitespace-pre-wrap rounded bg-brand-50 p-2 text-xs">{after ?? "—"}</pre>
                            </div>
                          </div>
                        </details>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {pageCount > 1 ? (
        <nav aria-label="Pages du journal" className="flex gap-4">
          {query.page > 1 ? <Link href={pageLink(query.page - 1)}>Page précédente</Link> : null}
          <span>
            Page {query.page} sur {pageCount}
          </span>
          {query.page < pageCount ? <Link href={pageLink(query.page + 1)}>Page suivante</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
