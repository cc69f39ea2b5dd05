"use client";
import { useActionState } from "react";
import { undoUnsubscribeAction } from "@/app/(public)/alertes/actions";
import { FocusedStatus } from "@/components/alerts/focused-status";
import type { LinkOutcome } from "@/lib/data/alerts";
import type { TAlertLink } from "@/lib/validation/alerts";

/**
 * What the unsubscribe link did, and "Annuler le désabonnement": the subscriptions that link ended
 * (at `at`) come back, without a new confirmation.
 */
export function UnsubscribeOutcome({ link, at, done }: { link: TAlertLink; at: string; done: string }) {
  const [state, action, isPending] = useActionState<LinkOutcome | null, FormData>(undoUnsubscribeAction, null);
  if (state?.state === "resubscribed") {
    return (
      <FocusedStatus>
        {state.count > 0
          ? `Désabonnement annulé : ${state.count > 1 ? `vos ${state.count} alertes sont` : "votre alerte est"} de nouveau active${state.count > 1 ? "s" : ""}.`
          : "Rien à annuler : ces alertes avaient déjà été réactivées, ou n'avaient jamais été confirmées."}
      </FocusedStatus>
    );
  }
  return (
    <>
      <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-900">
        {done}
      </p>
      <p className="text-sm text-muted">Votre adresse e-mail sera effacée de nos alertes dans 30 jours.</p>
      <form action={action} className="space-y-2">
        {"e" in link ? (
          <>
            <input type="hidden" name="tout" value="1" />
            <input type="hidden" name="e" value={link.e} />
          </>
        ) : (
          <input type="hidden" name="id" value={link.id} />
        )}
        <input type="hidden" name="t" value={link.t} />
        <input type="hidden" name="at" value={at} />
        <p>Vous ne vouliez pas vous désabonner ?</p>
        <button type="submit" className="button-secondary" disabled={isPending}>
          Annuler le désabonnement
        </button>
        {state ? (
          <FocusedStatus tone="error">
            {state.state === "error"
              ? "Le désabonnement n'a pas pu être annulé. Réessayez dans un instant."
              : "Le désabonnement n'a pas pu être annulé : ce lien n'est plus valable."}
          </FocusedStatus>
        ) : null}
      </form>
    </>
  );
}
