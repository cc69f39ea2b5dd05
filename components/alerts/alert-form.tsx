"use client";
import { useActionState, useId, useMemo } from "react";
import { subscribeAlert, type AlertFormState } from "@/app/(public)/alertes/actions";
import { FocusedStatus } from "@/components/alerts/focused-status";
import { ErrorSummary } from "@/components/forms/error-summary";
import { Honeypot } from "@/components/forms/honeypot";

/** "Me prévenir": an email, confirmed by a link, to hear when the fibre of this place changes. */
export function AlertForm({ targetType, targetId, placeLabel }: { targetType: "address" | "zone"; targetId: string; placeLabel: string }) {
  const [state, action, isPending] = useActionState<AlertFormState, FormData>(subscribeAlert, {});
  const id = useId();
  const emailId = `${id}-email`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const summary = useMemo(() => ({ errors: state.error ? { email: state.error } : undefined }), [state]);

  if (state.sentTo) {
    return (
      <FocusedStatus>
        Presque fini : un e-mail de confirmation est envoyé à <strong>{state.sentTo}</strong>. Cliquez sur le lien qu&apos;il
        contient pour activer l&apos;alerte (si cette adresse suit déjà ce lieu, rien ne change).
      </FocusedStatus>
    );
  }
  return (
    <form action={action} key={state.nonce ?? 0} className="space-y-3" noValidate>
      <ErrorSummary state={summary} fields={{ email: emailId }} />
      <input type="hidden" name="targetType" value={targetType} />
      <input type="hidden" name="targetId" value={targetId} />
      <Honeypot id={`${id}-website`} />
      <div className="space-y-1">
        <label htmlFor={emailId} className="block font-medium">
          Votre adresse e-mail
        </label>
        <p id={hintId} className="text-sm text-muted">
          Elle ne sert qu&apos;à vous prévenir des changements pour {placeLabel}. Vous confirmerez par un lien ; chaque e-mail
          permet de se désabonner en un clic.
        </p>
        <div className="flex flex-wrap gap-2">
          <input
            id={emailId}
            name="email"
            type="email"
            autoComplete="email"
            required
            defaultValue={state.values?.email ?? ""}
            className="field min-w-0 flex-1 sm:max-w-sm"
            aria-invalid={state.error ? true : undefined}
            aria-describedby={[hintId, state.error ? errorId : null].filter(Boolean).join(" ")}
          />
          <button type="submit" className="button-primary" disabled={isPending}>
            Me prévenir
          </button>
        </div>
        {state.error ? (
          <p id={errorId} className="field-error">
            {state.error}
          </p>
        ) : null}
      </div>
    </form>
  );
}
