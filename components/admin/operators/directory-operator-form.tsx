"use client";
/**
 * The form of an operator directory entry (create or edit). The page passes the server action:
 * components stay below the routes that use them. Inputs are uncontrolled and the form is not
 * reset on errors (useFormAction), so a refused save keeps what was typed.
 */
import { FormField, FormMessage } from "@/components/forms/form-field";
import { useFormAction } from "@/components/forms/use-form-action";
import type { FormState } from "@/lib/admin/form-state";
import { BUSINESS_TECHNOLOGIES } from "@/lib/levels/levels";
import type { DirectoryFormValues } from "@/lib/operators/form-values";
import { TECHNOLOGY_INFO } from "@/lib/technologies";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** A group of choices (fieldset) with its error, described by it. */
function ChoiceGroup({ name, legend, hint, error, children }: { name: string; legend: string; hint?: string; error?: string; children: React.ReactNode }) {
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="space-y-2" aria-describedby={describedBy}>
      <legend className="font-medium">{legend}</legend>
      {hint ? (
        <p id={`${name}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`${name}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function DirectoryOperatorForm({ action, values, submitLabel }: { action: Action; values: DirectoryFormValues; submitLabel: string }) {
  const { state, isPending, formProps } = useFormAction(action);
  const errors = state.errors ?? {};
  return (
    <form {...formProps} noValidate className="space-y-6">
      <FormMessage message={state.message} />
      {values.id ? <input type="hidden" name="id" value={values.id} /> : null}
      <div className="grid gap-5 md:grid-cols-2">
        <FormField id="name" label="Nom de l'opérateur" hint="Le nom que les entreprises connaissent, affiché sur les pages publiques." error={errors.name}>
          {(props) => <input {...props} name="name" type="text" defaultValue={values.name} maxLength={120} autoComplete="organization" required className="field w-full" />}
        </FormField>
        <FormField
          id="codes"
          label="Codes dans les fichiers"
          hint="CodeOI de l'IPE, code_l331 d'Arcep, code_operateur de « Ma connexion internet » ; séparés par des virgules, par exemple FRTE."
          error={errors.codes}
        >
          {(props) => <input {...props} name="codes" type="text" defaultValue={values.codes} autoComplete="off" spellCheck={false} className="field w-full font-mono uppercase" />}
        </FormField>
        <FormField id="website" label="Site web (facultatif)" hint="Adresse complète, par exemple https://www.exemple.fr" error={errors.website}>
          {(props) => <input {...props} name="website" type="url" inputMode="url" defaultValue={values.website} autoComplete="url" className="field w-full" />}
        </FormField>
        <FormField id="offersUrl" label="Page des offres entreprises (facultatif)" hint="Le lien « Commander » des pages publiques y mène." error={errors.offersUrl}>
          {(props) => <input {...props} name="offersUrl" type="url" inputMode="url" defaultValue={values.offersUrl} autoComplete="off" className="field w-full" />}
        </FormField>
        <FormField id="eligibilityUrl" label="Test d'éligibilité (facultatif)" hint="La page où une entreprise teste son adresse chez cet opérateur." error={errors.eligibilityUrl}>
          {(props) => <input {...props} name="eligibilityUrl" type="url" inputMode="url" defaultValue={values.eligibilityUrl} autoComplete="off" className="field w-full" />}
        </FormField>
      </div>

      <ChoiceGroup
        name="technologies"
        legend="Offres professionnelles vendues"
        hint="Sans case cochée, l'opérateur est cité là où il est présent, sans offre professionnelle proposée."
        error={errors.technologies}
      >
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {BUSINESS_TECHNOLOGIES.map((technology) => (
            <label key={technology} className="flex items-center gap-2">
              <input type="checkbox" name="technologies" value={technology} defaultChecked={values.technologies.includes(technology)} />
              {TECHNOLOGY_INFO[technology].name}
              <span className="text-sm text-muted">({TECHNOLOGY_INFO[technology].summary.toLowerCase()})</span>
            </label>
          ))}
        </div>
      </ChoiceGroup>

      <ChoiceGroup name="coverage" legend="Où l'opérateur vend ces offres" error={errors.coverage}>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          <label className="flex items-center gap-2">
            <input type="radio" name="coverage" value="national" defaultChecked={values.coverage === "national"} />
            Toute la France
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="coverage" value="departements" defaultChecked={values.coverage === "departements"} />
            Certains départements
          </label>
        </div>
        <FormField id="departements" label="Départements" hint="Si « Certains départements » : leurs numéros séparés par des virgules, par exemple 01, 69, 2A." error={errors.departements}>
          {(props) => <input {...props} name="departements" type="text" defaultValue={values.departements} autoComplete="off" className="field w-full sm:w-80" />}
        </FormField>
      </ChoiceGroup>

      <div className="space-y-1">
        <label className="flex items-center gap-2">
          <input type="checkbox" name="isDemo" defaultChecked={values.isDemo} aria-describedby="isDemo-hint" />
          Contenu de démonstration
        </label>
        <p id="isDemo-hint" className="text-sm text-muted">
          Les pages publiques signalent alors que ce qui est dit de cet opérateur est un exemple.
        </p>
      </div>

      <button type="submit" className="button-primary" disabled={isPending}>
        {isPending ? "Enregistrement…" : submitLabel}
      </button>
    </form>
  );
}
