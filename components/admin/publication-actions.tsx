"use client";
/** Withdraw a live publication, or delete a draft never published: each a confirmed form. */
import { useActionState } from "react";
import { deleteDraftAction, withdrawPublicationAction, type SimpleActionState } from "@/app/(admin)/admin/publications/actions";

export function PublicationStateActions({ id, version, canWithdraw, canDelete }: { id: string; version: number; canWithdraw: boolean; canDelete: boolean }) {
  const [withdrawState, withdraw, isWithdrawing] = useActionState<SimpleActionState, FormData>(withdrawPublicationAction, {});
  const [deleteState, remove, isDeleting] = useActionState<SimpleActionState, FormData>(deleteDraftAction, {});
  const message = withdrawState.message ?? deleteState.message;
  const confirmSubmit = (question: string) => (event: React.FormEvent<HTMLFormElement>) => {
    if (!window.confirm(question)) event.preventDefault();
  };
  return (
    <div className="space-y-2">
      {message ? (
        <p role="alert" className="text-red-800">
          {message}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {canWithdraw ? (
          <form action={withdraw} onSubmit={confirmSubmit("Retirer cette publication des pages publiques ? L'historique sera conservé.")}>
            <input type="hidden" name="id" value={id} />
            <input type="hidden" name="version" value={version} />
            <button type="submit" className="button-danger" disabled={isWithdrawing}>
              Retirer des pages publiques
            </button>
          </form>
        ) : null}
        {canDelete ? (
          <form action={remove} onSubmit={confirmSubmit("Supprimer ce brouillon ?")}>
            <input type="hidden" name="id" value={id} />
            <input type="hidden" name="version" value={version} />
            <button type="submit" className="button-danger" disabled={isDeleting}>
              Supprimer le brouillon
            </button>
          </form>
        ) : null}
      </div>
    </div>
  );
}
