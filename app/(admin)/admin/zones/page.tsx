import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/session";
import { listZonesForAdmin } from "@/lib/data/admin-zones";
import { formatDate, formatInteger } from "@/lib/format";

export const metadata: Metadata = { title: "Zones d'activités" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

/** /admin/zones — the zones the actor may manage: search, archived ones on demand, links to edit, view and publish. */
export default async function AdminZonesPage({ searchParams }: Props) {
  const actor = await requirePageActor("/admin/zones");
  const params = await searchParams;
  const query = first(params.q).trim().slice(0, 100);
  const includeArchived = first(params.archivees) === "1";
  const page = Math.max(1, Math.min(10_000, Number.parseInt(first(params.page), 10) || 1));
  const { zones, total, pageCount } = await listZonesForAdmin(actor, { query, includeArchived, page });
  const canCreate = actor.role === "ADMIN" || actor.territory.size > 0;
  const pageHref = (target: number) => {
    const search = new URLSearchParams({ ...(query ? { q: query } : {}), ...(includeArchived ? { archivees: "1" } : {}), page: String(target) });
    return `/admin/zones?${search.toString()}`;
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-3xl font-bold">Zones d&apos;activités</h1>
        {canCreate ? (
          <Link href="/admin/zones/nouvelle" className="button-primary">
            Créer une zone
          </Link>
        ) : null}
      </div>

      <form role="search" aria-label="Rechercher une zone" className="flex flex-wrap items-end gap-4 rounded-lg border border-line p-4">
        <div className="space-y-1">
          <label htmlFor="zones-q" className="block font-medium">
            Nom, commune ou identifiant
          </label>
          <input id="zones-q" name="q" type="search" defaultValue={query} maxLength={100} className="field w-72 max-w-full" />
        </div>
        <label className="flex items-center gap-2 py-2">
          <input type="checkbox" name="archivees" value="1" defaultChecked={includeArchived} className="h-4 w-4" />
          Afficher aussi les zones archivées
        </label>
        <button type="submit" className="button-secondary">
          Rechercher
        </button>
      </form>

      <p aria-live="polite">
        {total === 0 ? "Aucune zone ne correspond." : `${formatInteger(total)} zone${total > 1 ? "s" : ""}`}
        {pageCount > 1 ? ` — page ${page} sur ${pageCount}` : ""}
      </p>

      {zones.length > 0 ? (
        <div className="relative overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">Zones d&apos;activités que vous gérez</caption>
            <thead>
              <tr className="border-b-2 border-line">
                <th scope="col" className="py-2 pr-4">Zone</th>
                <th scope="col" className="py-2 pr-4">Commune</th>
                <th scope="col" className="py-2 pr-4 text-right">Adresses</th>
                <th scope="col" className="py-2 pr-4">État</th>
                <th scope="col" className="py-2">Actions</th>
              </tr>
            </thead>
            <tbody>
              {zones.map((zone) => (
                <tr key={zone.id} className="border-b border-line align-top">
                  <td className="py-3 pr-4">
                    <Link href={`/admin/zones/${encodeURIComponent(zone.id)}`} className="font-medium">
                      {zone.name}
                    </Link>
                    <span className="block text-xs text-muted">{zone.id}</span>
                    {zone.archivedAt ? <span className="block text-sm font-medium text-amber-800">Archivée le {formatDate(zone.archivedAt)}</span> : null}
                  </td>
                  <td className="py-3 pr-4">{zone.communeName ?? zone.inseeCode}</td>
                  <td className="py-3 pr-4 text-right">{formatInteger(zone._count.addresses)}</td>
                  <td className="py-3 pr-4">{zone.state}</td>
                  <td className="py-3">
                    <ul className="space-y-1 text-sm">
                      <li>
                        <Link href={`/admin/zones/${encodeURIComponent(zone.id)}`}>Modifier<span className="sr-only"> {zone.name}</span></Link>
                      </li>
                      <li>
                        <Link href={`/zone/${encodeURIComponent(zone.id)}`}>Page publique<span className="sr-only"> de {zone.name}</span></Link>
                      </li>
                      {zone.archivedAt ? null : (
                        <li>
                          <Link href={`/admin/publications/nouvelle?zone=${encodeURIComponent(zone.id)}`}>
                            Publier une mise à jour<span className="sr-only"> pour {zone.name}</span>
                          </Link>
                        </li>
                      )}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {pageCount > 1 ? (
        <nav aria-label="Pages de résultats" className="flex gap-4">
          {page > 1 ? <Link href={pageHref(page - 1)}>Page précédente</Link> : null}
          {page < pageCount ? <Link href={pageHref(page + 1)}>Page suivante</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
