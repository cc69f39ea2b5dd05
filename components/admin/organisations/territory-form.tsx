"use client";
/** Replaces an organisation's territory. The page passes the server action. */
import { TERRITORY_FIELDS, TerritoryFields } from "@/components/admin/organisations/territory-fields";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FormMessage } from "@/components/forms/form-field";
import { useFormAction } from "@/components/forms/use-form-action";
import type { FormState } from "@/lib/admin/form-state";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export function TerritoryForm({ action, organisationId }: { action: Action; organisationId: string }) {
  const { state, isPending, formProps } = useFormAction(action, { resetOnSuccess: true });
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
