"use client";
import { useActionState, useId } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { acceptReportAction, rejectReportAction, type ModerationState } from "@/app/(admin)/admin/signalements/actions";

/** Accept (a draft publication follows) or reject with a reason. */
export function ModerationButtons({ id }: { id: string }) {
  const [acceptState, accept, isAccepting] = useActionState<ModerationState, FormData>(acceptReportAction, {});
  const [rejectState, reject, isRejecting] = useActionState<ModerationState, FormData>(rejectReportAction, {});
  const reasonId = useId();
  return (
    <div className="space-y-3">
      <ErrorSummary state={acceptState} fields={{}} />
      <form action={accept}>
        <input type="hidden" name="id" value={id} />
        <button type="submit" className="button-primary" disabled={isAccepting}>
          Accepter et préparer une mise à jour
        </button>
      </form>
      <form action={reject} className="space-y-1">
        <ErrorSummary state={rejectState} fields={{ reason: reasonId }} />
        <input type="hidden" name="id" value={id} />
        <label htmlFor={reasonId} className="block text-sm font-medium">
          Raison du refus
        </label>
        <textarea
          id={reasonId}
          name="reason"
          rows={2}
          className="field w-full"
          aria-invalid={rejectState.errors?.reason ? true : undefined}
          aria-describedby={rejectState.errors?.reason ? `${reasonId}-error` : undefined}
        />
        {rejectState.errors?.reason ? (
          <p id={`${reasonId}-error`} className="field-error">
            {rejectState.errors.reason}
          </p>
        ) : null}
        <button type="submit" className="button-secondary" disabled={isRejecting}>
          Refuser
        </button>
      </form>
    </div>
  );
}
