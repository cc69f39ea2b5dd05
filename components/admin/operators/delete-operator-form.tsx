"use client";
/**
 * Removing an entry from the operator directory, confirmed by a checkbox the server checks too
 * (works without JavaScript). The page passes the server action.
 */
import { FormMessage } from "@/components/forms/form-field";
import { useFormAction } from "@/components/forms/use-form-action";
import type { FormState } from "@/lib/admin/form-state";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export function DeleteOperatorForm({ action, id, name }: { action: Action; id: string; name: string }) {
  const { state, isPending, formProps } = useFormAction(action);
  const error = state.errors?.confirm;
  return (
    <form {...formProps} noValidate className="space-y-3">
      <FormMessage message={error ? undefined : state.message} />
      <input type="hidden" name="id" value={id} />
      <div className="space-y-1">
        <label className="flex items-start gap-2">
          <input
            type="checkbox"
            name="confirm"
            value="1"
            className="mt-1"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "confirm-error" : undefined}
          />
          <span>Je confirme le retrait de « {name} » de l&apos;annuaire.</span>
        </label>
        {error ? (
          <p id="confirm-error" className="field-error">
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button-danger" disabled={isPending}>
        {isPending ? "Retrait…" : "Retirer de l'annuaire"}
      </button>
    </form>
  );
}
