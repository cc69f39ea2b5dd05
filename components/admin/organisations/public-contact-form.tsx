"use client";
/**
 * An organisation's public contact (e-mail, phone, web page), shown to businesses in « Que faire
 * maintenant ? » on the address and zone pages of its territory. The page passes the server action.
 */
import { FormField, FormMessage } from "@/components/forms/form-field";
import { useFormAction } from "@/components/forms/use-form-action";
import type { FormState } from "@/lib/admin/form-state";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export interface PublicContactValues {
  publicEmail: string | null;
  publicPhone: string | null;
  publicUrl: string | null;
}

export function PublicContactForm({ action, organisationId, values }: { action: Action; organisationId: string; values: PublicContactValues }) {
  const { state, isPending, formProps } = useFormAction(action);
  const errors = state.errors ?? {};
  return (
    <form {...formProps} noValidate className="max-w-xl space-y-4">
      <FormMessage message={state.message} notice={state.notice} />
      <input type="hidden" name="organisationId" value={organisationId} />
      <FormField id="publicEmail" label="E-mail de contact (facultatif)" hint="Une adresse de service plutôt que personnelle, par exemple economie@agglo.fr." error={errors.publicEmail}>
        {(props) => <input {...props} name="publicEmail" type="email" defaultValue={values.publicEmail ?? ""} autoComplete="email" className="field w-full" />}
      </FormField>
      <FormField id="publicPhone" label="Téléphone (facultatif)" hint="Par exemple 04 74 00 00 00." error={errors.publicPhone}>
        {(props) => <input {...props} name="publicPhone" type="tel" defaultValue={values.publicPhone ?? ""} autoComplete="tel" className="field w-full sm:w-72" />}
      </FormField>
      <FormField id="publicUrl" label="Page web (facultatif)" hint="La page de votre site qui parle de la fibre ou des entreprises : son adresse complète, commençant par https://." error={errors.publicUrl}>
        {(props) => <input {...props} name="publicUrl" type="url" inputMode="url" defaultValue={values.publicUrl ?? ""} autoComplete="url" className="field w-full" />}
      </FormField>
      <button type="submit" className="button-primary" disabled={isPending}>
        {isPending ? "Enregistrement…" : "Enregistrer le contact public"}
      </button>
    </form>
  );
}
