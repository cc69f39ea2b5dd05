import type { Metadata } from "next";
import Link from "next/link";
import { PUBLICATION_SCOPE_LABELS, PUBLICATION_STATE_LABELS } from "@/lib/admin/labels";
import { requirePageActor } from "@/lib/auth/session";
import { PublicationState } from "@/lib/db/enums";
import { describePublication, listPublications } from "@/lib/data/publications";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Publications" };

/** /admin/publications — the organisation's deployment updates: drafts, published, withdrawn. */
export default async function PublicationsPage({ searchParams }: { searchParams: Promise<{ etat?: string; supprimee?: string }> }) {
  const actor = await requirePageActor("/admin/publications");
  const { etat, supprimee } = await searchParams;
  const state = Object.values(PublicationState).find((value) => value === etat);
  const publications = await listPublications(actor, { state });

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-3xl font-bold">Publications</h1>
        <Link href="/admin/publications/nouvelle" className="button-primary">
          Nouvelle publication
        </Link>
      </div>
      {supprimee ? <p role="status">Le brouillon a été supprimé.</p> : null}
      <nav aria-label="Filtrer par état">
        <ul className="flex flex-wrap gap-4 text-sm">
          {[["", "Toutes"], ...Object.entries(PUBLICATION_STATE_LABELS).map(([key, label]) => [key, `${label}s`])].map(([key, label]) => (
            <li key={key}>
              <Link href={key ? `/admin/publications?etat=${key}` : "/admin/publications"} aria-current={(state ?? "") === key ? "page" : undefined} className={(state ?? "") === key ? "font-bold" : ""}>
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {publications.length === 0 ? (
        <p>Aucune publication{state ? " dans cet état" : ""}. Publiez le calendrier d&apos;une zone ou d&apos;une commune pour informer les entreprises.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Publications de l&apos;organisation</caption>
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="py-2 pr-3">Mise à jour</th>
                <th scope="col" className="py-2 pr-3">Concerne</th>
                <th scope="col" className="py-2 pr-3">État</th>
                <th scope="col" className="py-2 pr-3">Versions</th>
                <th scope="col" className="py-2 pr-3">Modifiée</th>
              </tr>
            </thead>
            <tbody>
              {publications.map((publication) => (
                <tr key={publication.id} className="border-b border-line align-top">
                  <td className="py-2 pr-3">
                    <Link href={`/admin/publications/${publication.id}`}>
                      {describePublication(publication)}
                    </Link>
                  </td>
                  <td className="py-2 pr-3">
                    {publication.zone?.name ?? (publication.inseeCode ? `Commune ${publication.inseeCode}` : PUBLICATION_SCOPE_LABELS[publication.scope])}
                    {actor.role === "ADMIN" ? <span className="block text-muted">{publication.organisation.name}</span> : null}
                  </td>
                  <td className="py-2 pr-3">{PUBLICATION_STATE_LABELS[publication.state]}</td>
                  <td className="py-2 pr-3">{publication._count.versions}</td>
                  <td className="py-2 pr-3">
                    {formatDate(publication.updatedAt)}
                    {publication.updatedByName ? <span className="block text-muted">par {publication.updatedByName}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
