import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { CreateOrganisationForm } from "@/components/admin/organisations/create-organisation-form";
import { ORGANISATION_KIND_LABELS } from "@/lib/admin/organisation-labels";
import { canManageOrganisations } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { listOrganisations } from "@/lib/data/organisations";
import { formatInteger } from "@/lib/format";

export const metadata: Metadata = { title: "Organisations" };

/** /admin/organisations — platform admins: every organisation, and a new one from an EPCI or a list of communes. */
export default async function OrganisationsPage() {
  const actor = await requirePageActor("/admin/organisations");
  if (!canManageOrganisations(actor)) forbidden();
  const organisations = await listOrganisations();

  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">Organisations</h1>
        <p className="max-w-prose text-muted">
          Chaque organisation publie pour son territoire, un ensemble de communes. Ses comptes se gèrent depuis la page
          Comptes.
        </p>
      </div>

      <section aria-labelledby="organisations-list" className="space-y-3">
        <h2 id="organisations-list" className="text-xl font-semibold">
          {organisations.length} organisation{organisations.length > 1 ? "s" : ""}
        </h2>
        <div className="relative overflow-x-auto" role="region" aria-label="Tableau des organisations" tabIndex={0}>
          <table className="w-full min-w-[36rem] border-collapse text-left text-sm">
            <thead>
              <tr className="border-b-2 border-line">
                <th scope="col" className="py-2 pr-3">Nom</th>
                <th scope="col" className="py-2 pr-3">Type</th>
                <th scope="col" className="py-2 pr-3">SIREN</th>
                <th scope="col" className="py-2 pr-3 text-right">Communes</th>
                <th scope="col" className="py-2 text-right">Comptes</th>
              </tr>
            </thead>
            <tbody>
              {organisations.map((organisation) => (
                <tr key={organisation.id} className="border-b border-line">
                  <td className="py-2 pr-3">
                    <Link href={`/admin/organisations/${organisation.id}`}>{organisation.name}</Link>
                  </td>
                  <td className="py-2 pr-3">{ORGANISATION_KIND_LABELS[organisation.kind]}</td>
                  <td className="py-2 pr-3">{organisation.siren ?? "—"}</td>
                  <td className="py-2 pr-3 text-right">{formatInteger(organisation._count.communes)}</td>
                  <td className="py-2 text-right">
                    <Link href={`/admin/utilisateurs?organisation=${organisation.id}`}>
                      {formatInteger(organisation._count.users)}
                      <span className="sr-only">
                        {" "}
                        compte{organisation._count.users > 1 ? "s" : ""} de {organisation.name}
                      </span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="organisations-create" className="space-y-4">
        <h2 id="organisations-create" className="text-xl font-semibold">
          Créer une organisation
        </h2>
        <CreateOrganisationForm />
      </section>
    </div>
  );
}
