"use client";
import { useActionState } from "react";
import { undoUnsubscribeAction } from "@/app/(public)/alertes/actions";
import type { LinkOutcome } from "@/lib/data/alerts";

/**
 * What the unsubscribe link did, and "Annuler le désabonnement": the same link's subscriptions
 * come back, without a new confirmation.
 */
export function UnsubscribeOutcome({ id, token, all, done }: { id: string; token: string; all: boolean; done: string }) {
  const [state, action, isPending] = useActionState<LinkOutcome | null, FormData>(undoUnsubscribeAction, null);
  if (state?.state === "resubscribed") {
    return (
      <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-900">
        Désabonnement annulé : vos alertes sont de nouveau actives.
      </p>
    );
  }
  return (
    <>
      <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-900">
        {done}
      </p>
      <p className="text-sm text-muted">Votre adresse e-mail sera effacée de nos alertes dans 30 jours.</p>
      <form action={action} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="t" value={token} />
      {all && <input type="hidden" name="tout" value="1" />}
      <p>Vous ne vouliez pas vous désabonner ?</p>
      <button type="submit" className="button-secondary" disabled={isPending}>
        Annuler le désabonnement
      </button>
      {state ? (
        <p role="alert" className="field-error">
          Le désabonnement n&apos;a pas pu être annulé : ce lien n&apos;est plus valable.
        </p>
      ) : null}
      </form>
    </>
  );
}
