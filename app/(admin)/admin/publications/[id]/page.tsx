import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { PublicationStateActions } from "@/components/admin/publication-actions";
import { PublicationForm } from "@/components/admin/publication-form";
import { PUBLICATION_STATE_LABELS } from "@/lib/admin/labels";
import { canEditPublication } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { describeContent, describePublication, getPublication, publicationChoices, publicationFormValues, type PublicationContent } from "@/lib/data/publications";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Publication" };

const NOTICES: Record<string, string> = {
  publiee: "Publié : les pages publiques affichent maintenant cette mise à jour.",
  enregistree: "Brouillon enregistré. Il n'est pas visible du public tant que vous ne l'avez pas publié.",
  retiree: "La publication a été retirée des pages publiques. Son historique reste consultable ci-dessous.",
  "depuis-signalement": "Signalement accepté : ce brouillon concerne l'adresse signalée. Complétez-le, puis publiez-le pour corriger la page publique.",
};

/** /admin/publications/[id] — edit a publication (a new version once published), its history, withdraw it. */
export default async function PublicationPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/admin/publications/${id}`);
  const publication = await getPublication(id);
  if (!publication) notFound();
  if (!canEditPublication(actor, publication)) forbidden();
  const query = await searchParams;
  const choices = await publicationChoices(actor);
  const publicUrl = publication.zoneId ? `/zone/${encodeURIComponent(publication.zoneId)}` : publication.inseeCode ? `/commune/${publication.inseeCode}` : null;

  return (
    <div className="max-w-3xl space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">
          {describePublication(publication)}
        </h1>
        <p className="text-muted">
          {PUBLICATION_STATE_LABELS[publication.state]} · {publication.organisation.name}
          {publication.zone ? ` · ${publication.zone.name}` : ""}
          {publication.publishedAt ? ` · publiée le ${formatDate(publication.publishedAt)}` : ""}
        </p>
        {Object.keys(NOTICES)
          .filter((key) => query[key])
          .map((key) => (
            <p key={key} role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-900">
              {NOTICES[key]} {key === "publiee" && publicUrl ? <Link href={publicUrl}>Voir la page publique</Link> : null}
            </p>
          ))}
      </div>

      <section aria-labelledby="publication-edit" className="space-y-3">
        <h2 id="publication-edit" className="text-xl font-semibold">
          {publication.state === "PUBLISHED" ? "Modifier (crée une nouvelle version)" : "Modifier"}
        </h2>
        <PublicationForm choices={choices} defaults={publicationFormValues(publication)} publication={{ id: publication.id, version: publication.version, state: publication.state }} />
        <PublicationStateActions id={publication.id} version={publication.version} canWithdraw={publication.state === "PUBLISHED"} canDelete={publication.state === "DRAFT"} />
      </section>

      <section aria-labelledby="publication-history" className="space-y-3">
        <h2 id="publication-history" className="text-xl font-semibold">
          Historique des versions publiées
        </h2>
        {publication.versions.length === 0 ? (
          <p className="text-muted">Jamais publiée.</p>
        ) : (
          <ol className="space-y-3">
            {publication.versions.map((version) => {
              const content = JSON.parse(version.content) as PublicationContent;
              return (
                <li key={version.id} className="rounded-md border border-line p-3">
                  <p className="font-semibold">
                    Version {version.number} — {formatDate(version.publishedAt)}
                    {version.publishedBy ? ` par ${version.publishedBy}` : ""}
                  </p>
                  <p>
                    {content.target} · {describeContent(content)}
                  </p>
                  {content.operatorCodes.length ? <p className="text-sm">Opérateurs : {content.operatorCodes.join(", ")}</p> : null}
                  {content.message ? <p className="text-sm">Message : « {content.message} »</p> : null}
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </div>
  );
}
