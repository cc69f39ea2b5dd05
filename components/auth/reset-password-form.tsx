"use client";
import Link from "next/link";
import { resetPasswordAction } from "@/app/(public)/reinitialiser/actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FormField } from "@/components/forms/form-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";

export function ResetPasswordForm({ token, email, submitLabel }: { token: string; email: string; submitLabel: string }) {
  const { state, isPending, formProps } = useFormAction(resetPasswordAction);
  return (
    <form {...formProps} noValidate className="space-y-4">
      <ErrorSummary state={state} fields={{ password: "password", confirmation: "confirmation" }}>
        {state.message ? (
          <p>
            <Link href="/mot-de-passe-oublie" className="text-red-900">
              Demander un nouveau lien
            </Link>
          </p>
        ) : null}
      </ErrorSummary>
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <FormField
        id="password"
        label="Nouveau mot de passe"
        hint={`Au moins ${MIN_PASSWORD_LENGTH} caractères, variés. Une phrase de plusieurs mots fait un bon mot de passe.`}
        error={state.errors?.password}
      >
        {(props) => <input {...props} name="password" type="password" autoComplete="new-password" required className="field w-full" />}
      </FormField>
      <FormField id="confirmation" label="Le même mot de passe, une seconde fois" error={state.errors?.confirmation}>
        {(props) => <input {...props} name="confirmation" type="password" autoComplete="new-password" required className="field w-full" />}
      </FormField>
      <button type="submit" className="button-primary" disabled={isPending}>
        {isPending ? "Enregistrement…" : submitLabel}
      </button>
    </form>
  );
}
