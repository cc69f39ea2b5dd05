"use server";
/** Moderation of field reports; each action re-checks the session and that the address is in the actor's territory. */
import { revalidatePath } from "next/cache";
import { forbidden, redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { acceptFieldReport, rejectFieldReport } from "@/lib/data/field-reports";
import { toAppError } from "@/lib/errors";
import { publicOrigin } from "@/lib/request-origin";
import { ZRejection } from "@/lib/validation/field-reports";

export interface ModerationState {
  message?: string;
  errors?: Record<string, string>;
}

function refusal(error: unknown): ModerationState {
  const appError = toAppError(error);
  if (appError.code === "forbidden") forbidden();
  return { message: appError.message };
}

export async function acceptReportAction(_previous: ModerationState, formData: FormData): Promise<ModerationState> {
  let publicationId: string;
  try {
    const actor = await requireActor();
    ({ publicationId } = await acceptFieldReport(actor, String(formData.get("id") ?? ""), await publicOrigin()));
  } catch (error) {
    return refusal(error);
  }
  revalidatePath("/admin/signalements");
  redirect(`/admin/publications/${publicationId}?depuis-signalement=1`);
}

export async function rejectReportAction(_previous: ModerationState, formData: FormData): Promise<ModerationState> {
  try {
    const actor = await requireActor();
    const parsed = ZRejection.safeParse({ reason: formData.get("reason") });
    if (!parsed.success) return { errors: { reason: parsed.error.issues[0]!.message } };
    await rejectFieldReport(actor, String(formData.get("id") ?? ""), parsed.data.reason, await publicOrigin());
  } catch (error) {
    return refusal(error);
  }
  revalidatePath("/admin/signalements");
  redirect("/admin/signalements?refuse=1");
}
