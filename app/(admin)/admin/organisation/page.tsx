import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { setPublicContactAction } from "@/app/(admin)/admin/organisation/actions";
import { PublicContactSection } from "@/components/admin/organisations/public-contact-section";
import { TerritoryCommunes } from "@/components/admin/organisations/territory-communes";
import { ORGANISATION_KIND_LABELS } from "@/lib/admin/organisation-labels";
import { canEditPublicContact } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { getOrganisation, listTerritoryCommunes } from "@/lib/data/organisations";
import { formatInteger } from "@/lib/format";

export const metadata: Metadata = { title: "Mon organisation" };

/**
 * /admin/organisation — the signed-in account's organisation: its public contact (editable by its
 * organisation admins) and its territory, read-only. Accounts without an organisation (platform
 * admins) manage organisations from /admin/organisations.
 */
export default async function MyOrganisationPage() {
  const actor = await requirePageActor("/admin/organisation");
  if (!actor.organisationId) redirect("/admin/organisations");
  const organisation = await getOrganisation(actor.organisationId);
  if (!organisation) redirect("/admin");
  const communes = await listTerritoryCommunes(organisation.id);

  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">Mon organisation</h1>
        <p className="text-lg font-medium">{organisation.name}</p>
        <p className="text-muted">
          {ORGANISATION_KIND_LABELS[organisation.kind]}
          {organisation.siren ? ` · SIREN ${organisation.siren}` : ""}
        </p>
      </div>

      <PublicContactSection action={setPublicContactAction} organisation={organisation} canEdit={canEditPublicContact(actor, organisation.id)} />

      <section aria-labelledby="my-territory" className="space-y-3">
        <h2 id="my-territory" className="text-xl font-semibold">
          Territoire : {formatInteger(communes.length)} commune{communes.length > 1 ? "s" : ""}
        </h2>
        <p className="max-w-prose text-muted">
          Vos comptes publient, dessinent des zones et chargent des fichiers pour ces communes. Pour changer ce territoire,
          adressez-vous à l&apos;administrateur de la plateforme.
        </p>
        <TerritoryCommunes communes={communes} />
      </section>
    </div>
  );
}
