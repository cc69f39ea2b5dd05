/** The public contact of an organisation: where businesses see it, and its form (or the values, read-only). */
import { PublicContactForm, type PublicContactValues } from "@/components/admin/organisations/public-contact-form";
import type { FormState } from "@/lib/admin/form-state";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

function ReadOnlyContact({ values }: { values: PublicContactValues }) {
  const rows = [
    ["E-mail", values.publicEmail],
    ["Téléphone", values.publicPhone],
    ["Page web", values.publicUrl],
  ] as const;
  if (rows.every(([, value]) => !value)) return <p className="text-muted">Aucun contact public pour l&apos;instant.</p>;
  return (
    <dl className="grid max-w-xl gap-x-4 gap-y-1 sm:grid-cols-[8rem_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium">{label}</dt>
          <dd className="break-all">{value ?? <span className="text-muted">—</span>}</dd>
        </div>
      ))}
    </dl>
  );
}

export function PublicContactSection({
  action,
  organisation,
  canEdit,
}: {
  action: Action;
  organisation: PublicContactValues & { id: string };
  canEdit: boolean;
}) {
  // Only these fields reach the client form.
  const values: PublicContactValues = { publicEmail: organisation.publicEmail, publicPhone: organisation.publicPhone, publicUrl: organisation.publicUrl };
  return (
    <section aria-labelledby="public-contact" className="space-y-3">
      <h2 id="public-contact" className="text-xl font-semibold">
        Contact public
      </h2>
      <p className="max-w-prose">
        Les entreprises le voient dans « Que faire maintenant ? », sur les pages des adresses et des zones d&apos;activités du
        territoire, pour se renseigner sur la fibre auprès de vous.
        {canEdit ? " Laissez les trois champs vides pour ne plus afficher de contact." : ""}
      </p>
      {canEdit ? (
        <PublicContactForm action={action} organisationId={organisation.id} values={values} />
      ) : (
        <>
          <ReadOnlyContact values={values} />
          <p className="text-sm text-muted">Seuls les administrateurs de l&apos;organisation peuvent le modifier.</p>
        </>
      )}
    </section>
  );
}
