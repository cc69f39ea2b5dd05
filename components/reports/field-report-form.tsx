"use client";
import { useActionState } from "react";
import { submitFieldReport, type FieldReportState } from "@/app/(public)/adresse/[banId]/signaler/actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { Honeypot } from "@/components/forms/honeypot";
import { FieldReportKind } from "@/lib/db/enums";
import { TECHNOLOGIES, TECHNOLOGY_INFO } from "@/lib/technologies";
import { FIELD_REPORT_KIND_LABELS, MAX_REPORT_DESCRIPTION } from "@/lib/validation/field-reports";

/** The fields the action may find in error, in the form's order. */
const FIELDS = {
  kind: `kind-${Object.values(FieldReportKind)[0]}`,
  technology: "technology",
  description: "description",
  email: "email",
} as const;

/** "Signaler une information erronée": what the business observed, optionally its email. */
export function FieldReportForm({ addressId }: { addressId: string }) {
  const [state, action, isPending] = useActionState<FieldReportState, FormData>(submitFieldReport, {});
  const values = state.values ?? {};
  const errors = state.errors ?? {};
  const invalid = (name: string, hint?: string) => ({
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": [hint, errors[name] ? `${name}-error` : null].filter(Boolean).join(" ") || undefined,
  });
  const error = (name: string) =>
    errors[name] ? (
      <p id={`${name}-error`} className="field-error">
        {errors[name]}
      </p>
    ) : null;

  return (
    <form action={action} key={state.nonce ?? 0} className="space-y-5" noValidate>
      <ErrorSummary state={state} fields={FIELDS} />
      <input type="hidden" name="addressId" value={addressId} />
      <Honeypot />
      <fieldset className="space-y-2" {...(errors.kind ? { "aria-describedby": "kind-error" } : {})}>
        <legend className="font-medium">Qu&apos;avez-vous constaté ?</legend>
        {Object.values(FieldReportKind).map((kind) => (
          <label key={kind} className="flex items-center gap-2">
            <input type="radio" id={`kind-${kind}`} name="kind" value={kind} defaultChecked={values.kind === kind} />
            {FIELD_REPORT_KIND_LABELS[kind]}
          </label>
        ))}
        {error("kind")}
      </fieldset>
      <div className="space-y-1">
        <label htmlFor="technology" className="block font-medium">
          Technologie concernée (facultatif)
        </label>
        <select id="technology" name="technology" defaultValue={values.technology ?? ""} className="field" {...invalid("technology")}>
          <option value="">Je ne sais pas</option>
          {TECHNOLOGIES.map((technology) => (
            <option key={technology} value={technology}>
              {TECHNOLOGY_INFO[technology].name} — {TECHNOLOGY_INFO[technology].summary}
            </option>
          ))}
        </select>
        {error("technology")}
      </div>
      <div className="space-y-1">
        <label htmlFor="description" className="block font-medium">
          Décrivez ce que vous avez constaté
        </label>
        <p id="description-hint" className="text-sm text-muted">
          Par exemple : l&apos;opérateur, la date, ce qu&apos;on vous a répondu. {MAX_REPORT_DESCRIPTION} caractères au plus.
        </p>
        <textarea id="description" name="description" rows={5} maxLength={MAX_REPORT_DESCRIPTION} defaultValue={values.description ?? ""} className="field w-full" {...invalid("description", "description-hint")} />
        {error("description")}
      </div>
      <div className="space-y-1">
        <label htmlFor="email" className="block font-medium">
          Votre adresse e-mail (facultatif)
        </label>
        <p id="email-hint" className="text-sm text-muted">
          Uniquement pour vous dire si votre signalement a été retenu. Elle n&apos;est ni publiée ni transmise, et elle est effacée
          sur simple demande.
        </p>
        <input id="email" name="email" type="email" autoComplete="email" defaultValue={values.email ?? ""} className="field w-full" {...invalid("email", "email-hint")} />
        {error("email")}
      </div>
      <button type="submit" className="button-primary" disabled={isPending}>
        Envoyer le signalement
      </button>
    </form>
  );
}
