import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { TerritoryForm } from "@/components/admin/organisations/territory-form";
import { FormMessage } from "@/components/forms/form-field";
import { ORGANISATION_KIND_LABELS } from "@/lib/admin/organisation-labels";
import { canManageOrganisations } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { getOrganisation, listTerritoryCommunes } from "@/lib/data/organisations";
import { formatInteger } from "@/lib/format";

export const metadata: Metadata = { title: "Organisation" };

/** Longer territories (a whole département) are folded. */
const LONG_LIST = 100;

function CommuneList({ communes }: { communes: { inseeCode: string; name: string }[] }) {
  return (
    <ul className="mt-2 columns-1 gap-6 text-sm sm:columns-3">
      {communes.map((commune) => (
        <li key={commune.inseeCode}>
          {commune.name} <span className="text-muted">({commune.inseeCode})</span>
        </li>
      ))}
    </ul>
  );
}

/** /admin/organisations/[id] — platform admins: an organisation, its territory and how to change it. */
export default async function OrganisationPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ cree?: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/admin/organisations/${encodeURIComponent(id)}`);
  if (!canManageOrganisations(actor)) forbidden();
  const organisation = await getOrganisation(id);
  if (!organisation) notFound();
  const communes = await listTerritoryCommunes(organisation.id);
  const { cree } = await searchParams;

  return (
    <div className="space-y-8">
      <p>
        <Link href="/admin/organisations">← Toutes les organisations</Link>
      </p>
      <FormMessage notice={cree === "1" ? `Organisation « ${organisation.name} » créée.` : undefined} />
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{organisation.name}</h1>
        <p className="text-muted">
          {ORGANISATION_KIND_LABELS[organisation.kind]}
          {organisation.siren ? ` · SIREN ${organisation.siren}` : ""} ·{" "}
          <Link href={`/admin/utilisateurs?organisation=${organisation.id}`}>
            {formatInteger(organisation._count.users)} compte{organisation._count.users > 1 ? "s" : ""}
          </Link>
        </p>
      </div>

      <section aria-labelledby="territory" className="space-y-3">
        <h2 id="territory" className="text-xl font-semibold">
          Territoire : {formatInteger(communes.length)} commune{communes.length > 1 ? "s" : ""}
        </h2>
        {communes.length > LONG_LIST ? (
          <details>
            <summary className="cursor-pointer font-medium">Voir les {formatInteger(communes.length)} communes</summary>
            <CommuneList communes={communes} />
          </details>
        ) : (
          <CommuneList communes={communes} />
        )}
      </section>

      <section aria-labelledby="territory-change" className="space-y-3">
        <h2 id="territory-change" className="text-xl font-semibold">
          Changer le territoire
        </h2>
        <p className="max-w-prose text-muted">
          Le nouveau territoire remplace l&apos;ancien. Les zones et publications de l&apos;organisation restent les siennes ;
          ses comptes ne pourront plus publier pour les communes retirées.
        </p>
        <TerritoryForm organisationId={organisation.id} />
      </section>
    </div>
  );
}
