"use client";
import Link from "next/link";
import { useActionState } from "react";
import { confirmAlertAction } from "@/app/(public)/alertes/actions";
import { FocusedStatus } from "@/components/alerts/focused-status";
import type { LinkOutcome } from "@/lib/data/alerts";

/** "Confirmer mon alerte": the second step of the double opt-in. */
export function ConfirmAlert({ id, token, label, path }: { id: string; token: string; label: string; path: string }) {
  const [state, action, isPending] = useActionState<LinkOutcome | null, FormData>(confirmAlertAction, null);
  if (state?.state === "confirmed") {
    return (
      <>
        <FocusedStatus>C&apos;est confirmé : vous serez prévenu par e-mail quand l&apos;état ou la date de la fibre changera pour {label}.</FocusedStatus>
        <p>
          Vous recevrez au plus un résumé à chaque mise à jour des informations. Chaque e-mail contient un lien pour vous désabonner en un
          clic.
        </p>
        <p>
          <Link href={path}>Revenir à la page de {label}</Link>
        </p>
      </>
    );
  }
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="t" value={token} />
      <p>
        Vous avez demandé à être prévenu par e-mail quand la fibre évolue pour <strong>{label}</strong>.
      </p>
      <button type="submit" className="button-primary" disabled={isPending}>
        Confirmer mon alerte
      </button>
      {state ? (
        <FocusedStatus tone="error">
          {state.state === "error"
            ? "La confirmation n'a pas pu être enregistrée. Réessayez dans un instant."
            : "Cette alerte ne peut plus être confirmée : demandez-en une nouvelle depuis la page de l'adresse ou de la zone."}
        </FocusedStatus>
      ) : null}
    </form>
  );
}
