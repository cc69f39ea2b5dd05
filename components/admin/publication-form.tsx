"use client";
/**
 * The publication form: what it applies to (a zone, a commune, chosen addresses), technology,
 * status, planned or actual date at its precision, operators, message. Drafts are saved or
 * published; a save made from an older version comes back with the saved version beside the
 * user's own input (nothing is lost) and can then be resubmitted deliberately.
 */
import { useActionState, useState } from "react";
import type { PublicationFormState } from "@/app/(admin)/admin/publications/actions";
import { savePublicationAction } from "@/app/(admin)/admin/publications/actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import type { PublicationState } from "@/lib/db/enums";
import { STATUS_LABELS, STATUS_ORDER } from "@/lib/status";
import { TECHNOLOGIES, TECHNOLOGY_INFO } from "@/lib/technologies";

export interface PublicationChoices {
  zones: { id: string; name: string; communeName: string | null }[];
  communes: { inseeCode: string; name: string }[];
  operators: { code: string; name: string }[];
  organisations: { id: string; name: string }[];
}

interface Props {
  choices: PublicationChoices;
  defaults: Record<string, string | string[]>;
  publication: { id: string; version: number; state: PublicationState } | null;
}

function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={`${id}-error`} className="field-error">
      {error}
    </p>
  ) : null;
}

export function PublicationForm({ choices, defaults, publication }: Props) {
  const [state, formAction, isPending] = useActionState<PublicationFormState, FormData>(savePublicationAction, {});
  const values = state.values ?? defaults;
  const errors = state.errors ?? {};
  const [scope, setScope] = useState(String(values.scope ?? "ZONE"));
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  const ticked = new Set(Array.isArray(values.operatorCodes) ? values.operatorCodes : []);
  const described = (name: string, hint?: string) => ({
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": [hint, errors[name] ? `${name}-error` : null].filter(Boolean).join(" ") || undefined,
  });
  const version = state.conflict?.version ?? publication?.version ?? 0;
  // The fields the action may find in error → their control, in the form's order.
  const fields = {
    organisationId: "organisationId",
    scope: "scope-ZONE",
    zoneId: "zoneId",
    inseeCode: "inseeCode",
    addressIds: "addressIds",
    technology: "technology",
    status: "status",
    plannedDate: "plannedDate",
    availableSince: "availableSince",
    ...(choices.operators[0] ? { operatorCodes: `operatorCodes-${choices.operators[0].code}` } : {}),
    otherOperators: "otherOperators",
    message: "message",
  };
  const isLive = publication?.state === "PUBLISHED";

  return (
    <form action={formAction} key={state.nonce ?? 0} className="space-y-6" noValidate>
      <ErrorSummary state={state} fields={fields}>
        {state.conflict ? (
          <div className="rounded-md border border-red-200 bg-white p-3 text-ink">
            <p className="font-semibold">
              Version enregistrée{state.conflict.updatedBy ? ` par ${state.conflict.updatedBy}` : ""} le {state.conflict.updatedAt} :
            </p>
            <p>{state.conflict.summary}</p>
            {state.conflict.operators.length ? <p>Opérateurs : {state.conflict.operators.join(", ")}</p> : null}
            {state.conflict.message ? <p>Message : « {state.conflict.message} »</p> : null}
            <p className="mt-2 text-sm text-muted">
              Le formulaire ci-dessous contient toujours votre saisie. En l&apos;enregistrant, elle remplacera cette version.
            </p>
          </div>
        ) : null}
      </ErrorSummary>

      <input type="hidden" name="id" value={publication?.id ?? ""} />
      <input type="hidden" name="version" value={version} />

      {choices.organisations.length > 0 && !publication ? (
        <div className="space-y-1">
          <label htmlFor="organisationId" className="block font-medium">
            Organisation qui publie
          </label>
          <select id="organisationId" name="organisationId" defaultValue={text("organisationId")} className="field" {...described("organisationId")}>
            <option value="">— Choisir —</option>
            {choices.organisations.map((organisation) => (
              <option key={organisation.id} value={organisation.id}>
                {organisation.name}
              </option>
            ))}
          </select>
          <FieldError id="organisationId" error={errors.organisationId} />
        </div>
      ) : null}

      <fieldset className="space-y-3 rounded-lg border border-line p-4">
        <legend className="px-1 font-semibold">La mise à jour concerne</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {[
            ["ZONE", "une zone d'activités"],
            ["COMMUNE", "toute une commune"],
            ["ADDRESSES", "des adresses précises"],
          ].map(([value, label]) => (
            <label key={value} className="flex items-center gap-2">
              <input type="radio" id={`scope-${value}`} name="scope" value={value} defaultChecked={scope === value} onChange={() => setScope(value!)} />
              {label}
            </label>
          ))}
        </div>
        {scope === "ZONE" ? (
          <div className="space-y-1">
            <label htmlFor="zoneId" className="block font-medium">
              Zone d&apos;activités
            </label>
            <select id="zoneId" name="zoneId" defaultValue={text("zoneId")} className="field w-full" {...described("zoneId")}>
              <option value="">— Choisir une zone —</option>
              {choices.zones.map((zone) => (
                <option key={zone.id} value={zone.id}>
                  {zone.name}
                  {zone.communeName ? ` (${zone.communeName})` : ""}
                </option>
              ))}
            </select>
            <FieldError id="zoneId" error={errors.zoneId} />
          </div>
        ) : null}
        {scope === "COMMUNE" ? (
          <div className="space-y-1">
            <label htmlFor="inseeCode" className="block font-medium">
              Commune
            </label>
            <select id="inseeCode" name="inseeCode" defaultValue={text("inseeCode")} className="field w-full" {...described("inseeCode")}>
              <option value="">— Choisir une commune —</option>
              {choices.communes.map((commune) => (
                <option key={commune.inseeCode} value={commune.inseeCode}>
                  {commune.name} ({commune.inseeCode})
                </option>
              ))}
            </select>
            <FieldError id="inseeCode" error={errors.inseeCode} />
          </div>
        ) : null}
        {scope === "ADDRESSES" ? (
          <div className="space-y-1">
            <label htmlFor="addressIds" className="block font-medium">
              Identifiants BAN des adresses
            </label>
            <p id="addressIds-hint" className="text-sm text-muted">
              Un par ligne, par exemple 01053_0420_00012 (il figure dans le lien de la page publique de l&apos;adresse).
            </p>
            <textarea id="addressIds" name="addressIds" rows={4} defaultValue={text("addressIds")} className="field w-full font-mono text-sm" {...described("addressIds", "addressIds-hint")} />
            <FieldError id="addressIds" error={errors.addressIds} />
          </div>
        ) : null}
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor="technology" className="block font-medium">
            Technologie
          </label>
          <select id="technology" name="technology" defaultValue={text("technology") || "FTTE"} className="field w-full" {...described("technology")}>
            {TECHNOLOGIES.map((technology) => (
              <option key={technology} value={technology}>
                {TECHNOLOGY_INFO[technology].name} — {TECHNOLOGY_INFO[technology].summary}
              </option>
            ))}
          </select>
          <FieldError id="technology" error={errors.technology} />
        </div>
        <div className="space-y-1">
          <label htmlFor="status" className="block font-medium">
            État
          </label>
          <select id="status" name="status" defaultValue={text("status") || "PREVU"} className="field w-full" {...described("status")}>
            {STATUS_ORDER.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
          <FieldError id="status" error={errors.status} />
        </div>
        <div className="space-y-1">
          <label htmlFor="plannedDate" className="block font-medium">
            Date prévue
          </label>
          <p id="plannedDate-hint" className="text-sm text-muted">
            À la précision annoncée : T3 2027, S2 2027, 09/2027, 15/09/2027 ou 2027.
          </p>
          <input id="plannedDate" name="plannedDate" defaultValue={text("plannedDate")} className="field w-full" {...described("plannedDate", "plannedDate-hint")} />
          <FieldError id="plannedDate" error={errors.plannedDate} />
        </div>
        <div className="space-y-1">
          <label htmlFor="availableSince" className="block font-medium">
            Date de mise en service
          </label>
          <p id="availableSince-hint" className="text-sm text-muted">
            Pour une fibre déjà raccordable.
          </p>
          <input id="availableSince" name="availableSince" type="date" defaultValue={text("availableSince")} className="field w-full" {...described("availableSince", "availableSince-hint")} />
          <FieldError id="availableSince" error={errors.availableSince} />
        </div>
      </div>

      <fieldset className="space-y-2 rounded-lg border border-line p-4" aria-describedby={errors.operatorCodes ? "operatorCodes-error" : undefined}>
        <legend className="px-1 font-semibold">Opérateurs qui commercialisent</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {choices.operators.map((operator) => (
            <label key={operator.code} className="flex items-center gap-2">
              <input type="checkbox" id={`operatorCodes-${operator.code}`} name="operatorCodes" value={operator.code} defaultChecked={ticked.has(operator.code)} />
              {operator.name}
            </label>
          ))}
        </div>
        <FieldError id="operatorCodes" error={errors.operatorCodes} />
        <div className="space-y-1 pt-2">
          <label htmlFor="otherOperators" className="block font-medium">
            Autres opérateurs
          </label>
          <p id="otherOperators-hint" className="text-sm text-muted">
            Noms séparés par des virgules, par exemple : Kosc, Adista.
          </p>
          <input id="otherOperators" name="otherOperators" defaultValue={text("otherOperators")} className="field w-full" {...described("otherOperators", "otherOperators-hint")} />
          <FieldError id="otherOperators" error={errors.otherOperators} />
        </div>
      </fieldset>

      <div className="space-y-1">
        <label htmlFor="message" className="block font-medium">
          Message aux entreprises
        </label>
        <p id="message-hint" className="text-sm text-muted">
          Facultatif. Affiché sur les pages publiques avec le nom de votre organisation et la date.
        </p>
        <textarea id="message" name="message" rows={4} defaultValue={text("message")} className="field w-full" {...described("message", "message-hint")} />
        <FieldError id="message" error={errors.message} />
      </div>

      <div className="flex flex-wrap gap-3">
        <button type="submit" name="intent" value="publish" className="button-primary" disabled={isPending}>
          {isLive ? "Publier la nouvelle version" : publication?.state === "WITHDRAWN" ? "Publier à nouveau" : "Publier"}
        </button>
        {!isLive ? (
          <button type="submit" name="intent" value="draft" className="button-secondary" disabled={isPending}>
            Enregistrer le brouillon
          </button>
        ) : null}
      </div>
    </form>
  );
}
