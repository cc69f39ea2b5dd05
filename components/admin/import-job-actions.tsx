"use client";
/** "Appliquer l'import" and "Abandonner": server actions that check the session, rights and state again. */
import { useActionState } from "react";
import { applyImportAction, cancelImportAction, type ImportActionState } from "@/app/(admin)/admin/imports/[id]/actions";

export function ImportJobActions({ jobId, canApply, canCancel }: { jobId: string; canApply: boolean; canCancel: boolean }) {
  const [applyState, apply, isApplying] = useActionState<ImportActionState, FormData>(applyImportAction, {});
  const [cancelState, cancel, isCancelling] = useActionState<ImportActionState, FormData>(cancelImportAction, {});
  const message = applyState.message ?? cancelState.message;
  if (!canApply && !canCancel) return null;
  return (
    <div className="space-y-3">
      {message ? (
        <p role="alert" className="field-error rounded-md border border-red-300 bg-red-50 px-4 py-3">
          {message}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {canApply ? (
          <form action={apply}>
            <input type="hidden" name="jobId" value={jobId} />
            <button type="submit" className="button-primary" disabled={isApplying || isCancelling}>
              {isApplying ? "Lancement…" : "Appliquer l'import"}
            </button>
          </form>
        ) : null}
        {canCancel ? (
          <form action={cancel}>
            <input type="hidden" name="jobId" value={jobId} />
            <button type="submit" className="button-secondary" disabled={isApplying || isCancelling}>
              Abandonner
            </button>
          </form>
        ) : null}
      </div>
    </div>
  );
}
