"use client";
import { createUserAction } from "@/app/(admin)/admin/utilisateurs/actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FormField, FormMessage } from "@/components/forms/form-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { UserRole } from "@/lib/db/enums";

export function CreateUserForm({
  roles,
  organisations,
  defaultOrganisationId,
}: {
  roles: UserRole[];
  /** Given to platform admins only: they choose the organisation. */
  organisations: { id: string; name: string }[] | null;
  defaultOrganisationId?: string;
}) {
  const { state, isPending, formProps } = useFormAction(createUserAction, { resetOnSuccess: true });
  return (
    <form {...formProps} noValidate className="space-y-4">
      <ErrorSummary state={state} fields={{ email: "new-email", name: "new-name", role: "new-role", organisationId: "new-organisation" }} />
      <FormMessage notice={state.notice} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="new-email" label="Adresse e-mail" error={state.errors?.email}>
          {(props) => <input {...props} name="email" type="email" autoComplete="off" required className="field w-full" />}
        </FormField>
        <FormField id="new-name" label="Nom et prénom (facultatif)" error={state.errors?.name}>
          {(props) => <input {...props} name="name" type="text" autoComplete="off" className="field w-full" />}
        </FormField>
        <FormField id="new-role" label="Rôle" error={state.errors?.role}>
          {(props) => (
            <select {...props} name="role" defaultValue="EDITOR" className="field w-full">
              {roles.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {organisations ? (
          <FormField
            id="new-organisation"
            label="Organisation"
            hint="Sans objet pour un administrateur de la plateforme."
            error={state.errors?.organisationId}
          >
            {(props) => (
              <select {...props} name="organisationId" defaultValue={defaultOrganisationId ?? ""} className="field w-full">
                <option value="">— Choisir —</option>
                {organisations.map((organisation) => (
                  <option key={organisation.id} value={organisation.id}>
                    {organisation.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        ) : null}
      </div>
      <p className="text-sm text-muted">
        La personne recevra un e-mail avec un lien pour choisir son mot de passe, valable 72 heures.
      </p>
      <button type="submit" className="button-primary" disabled={isPending}>
        {isPending ? "Création…" : "Créer le compte et envoyer l'invitation"}
      </button>
    </form>
  );
}
