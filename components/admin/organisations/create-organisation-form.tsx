"use client";
import { createOrganisationAction } from "@/app/(admin)/admin/organisations/actions";
import { TERRITORY_FIELDS, TerritoryFields } from "@/components/admin/organisations/territory-fields";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FormField } from "@/components/forms/form-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { ORGANISATION_KIND_LABELS } from "@/lib/admin/organisation-labels";

export function CreateOrganisationForm() {
  const { state, isPending, formProps } = useFormAction(createOrganisationAction);
  return (
    <form {...formProps} noValidate className="space-y-4">
      <ErrorSummary state={state} fields={{ name: "name", kind: "kind", siren: "siren", ...TERRITORY_FIELDS }} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="name" label="Nom" error={state.errors?.name}>
          {(props) => <input {...props} name="name" type="text" autoComplete="organization" required className="field w-full" />}
        </FormField>
        <FormField id="kind" label="Type" error={state.errors?.kind}>
          {(props) => (
            <select {...props} name="kind" defaultValue="EPCI" className="field w-full">
              {Object.entries(ORGANISATION_KIND_LABELS).map(([kind, label]) => (
                <option key={kind} value={kind}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="siren" label="SIREN de l'organisation (facultatif)" hint="Pour un EPCI, son SIREN est repris par défaut." error={state.errors?.siren}>
          {(props) => <input {...props} name="siren" inputMode="numeric" autoComplete="off" className="field w-full" />}
        </FormField>
      </div>
      <TerritoryFields errors={state.errors} />
      <button type="submit" className="button-primary" disabled={isPending}>
        {isPending ? "Création…" : "Créer l'organisation"}
      </button>
    </form>
  );
}
