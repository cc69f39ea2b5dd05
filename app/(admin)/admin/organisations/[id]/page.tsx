import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { setPublicContactAction } from "@/app/(admin)/admin/organisation/actions";
import { setTerritoryAction } from "@/app/(admin)/admin/organisations/actions";
import { PublicContactSection } from "@/components/admin/organisations/public-contact-section";
import { TerritoryCommunes } from "@/components/admin/organisations/territory-communes";
import { TerritoryForm } from "@/components/admin/organisations/territory-form";
import { FormMessage } from "@/components/forms/form-field";
import { ORGANISATION_KIND_LABELS } from "@/lib/admin/organisation-labels";
import { canEditPublicContact, canManageOrganisations } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { getOrganisation, listTerritoryCommunes } from "@/lib/data/organisations";
import { formatInteger } from "@/lib/format";

export const metadata: Metadata = { title: "Organisation" };

/** /admin/organisations/[id] — platform admins: an organisation, its territory and how to change it, its public contact. */
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
        <TerritoryCommunes communes={communes} />
      </section>

      <PublicContactSection action={setPublicContactAction} organisation={organisation} canEdit={canEditPublicContact(actor, organisation.id)} />

      <section aria-labelledby="territory-change" className="space-y-3">
        <h2 id="territory-change" className="text-xl font-semibold">
          Changer le territoire
        </h2>
        <p className="max-w-prose text-muted">
          Le nouveau territoire remplace l&apos;ancien. Les zones et publications de l&apos;organisation restent les siennes ;
          ses comptes ne pourront plus publier pour les communes retirées.
        </p>
        <TerritoryForm action={setTerritoryAction} organisationId={organisation.id} />
      </section>
    </div>
  );
}
