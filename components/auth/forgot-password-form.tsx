"use client";
import { requestPasswordResetAction } from "@/app/(public)/mot-de-passe-oublie/actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FormField, FormMessage } from "@/components/forms/form-field";
import { useFormAction } from "@/components/forms/use-form-action";

export function ForgotPasswordForm() {
  const { state, isPending, formProps } = useFormAction(requestPasswordResetAction);
  return (
    <form {...formProps} noValidate className="space-y-4">
      <ErrorSummary state={state} fields={{ email: "email" }} />
      <FormMessage notice={state.notice} />
      <FormField id="email" label="Adresse e-mail de votre compte" error={state.errors?.email}>
        {(props) => <input {...props} name="email" type="email" autoComplete="username" required className="field w-full" />}
      </FormField>
      <button type="submit" className="button-primary" disabled={isPending}>
        {isPending ? "Envoi…" : "Recevoir un lien par e-mail"}
      </button>
    </form>
  );
}
