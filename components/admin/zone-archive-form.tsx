"use client";
/** Archive or restore a zone (organisation admins): one button, the result shown by the page it returns to. */
import { useActionState } from "react";
import { setZoneArchivedAction, type ZoneFormState } from "@/app/(admin)/admin/zones/actions";

export function ZoneArchiveForm({ zoneId, isArchived }: { zoneId: string; isArchived: boolean }) {
  const [state, formAction, isPending] = useActionState<ZoneFormState, FormData>(setZoneArchivedAction, {});
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="id" value={zoneId} />
      <input type="hidden" name="archive" value={isArchived ? "0" : "1"} />
      {state.message ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-900">
          {state.message}
        </p>
      ) : null}
      <button type="submit" className={isArchived ? "button-secondary" : "button-danger"} disabled={isPending}>
        {isArchived ? "Restaurer la zone" : "Archiver la zone"}
      </button>
    </form>
  );
}
