"use client";
import { setTerritoryAction } from "@/app/(admin)/admin/organisations/actions";
import { TERRITORY_FIELDS, TerritoryFields } from "@/components/admin/organisations/territory-fields";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FormMessage } from "@/components/forms/form-field";
import { useFormAction } from "@/components/forms/use-form-action";

export function TerritoryForm({ organisationId }: { organisationId: string }) {
  const { state, isPending, formProps } = useFormAction(setTerritoryAction, { resetOnSuccess: true });
  return (
    <form {...formProps} noValidate className="space-y-4">
      <ErrorSummary state={state} fields={TERRITORY_FIELDS} />
      <FormMessage notice={state.notice} />
      <input type="hidden" name="organisationId" value={organisationId} />
      <TerritoryFields errors={state.errors} defaultMode="communes" />
      <button type="submit" className="button-primary" disabled={isPending}>
        {isPending ? "Enregistrement…" : "Remplacer le territoire"}
      </button>
    </form>
  );
}
