"use server";
/**
 * Zone form actions. Each one checks again the session, the zone's owner or territory and the
 * input: the page that rendered the form protects nothing (a crafted POST may name any zone).
 */
import { revalidatePath } from "next/cache";
import { forbidden, redirect } from "next/navigation";
import { canArchiveZone, canCreateZone, canEditZone, type Actor } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { archiveZone, createZone, getZoneForAdmin, restoreZone, updateZone } from "@/lib/data/admin-zones";
import { toAppError } from "@/lib/errors";
import { fieldErrors, zoneFormSchema, ZZoneRef } from "@/lib/validation/admin-zones";

export interface ZoneFormState {
  errors?: Record<string, string>;
  message?: string;
}

/** A refusal of rights answers 403 (app/forbidden.tsx); other errors come back to the form. */
function failure(error: unknown): ZoneFormState {
  const appError = toAppError(error);
  if (appError.code === "forbidden") forbidden();
  if (appError.code === "internal") console.error(error);
  const errors = Object.fromEntries(appError.invalidParams.map((param) => [param.name, param.reason]));
  return { message: appError.message, ...(appError.invalidParams.length ? { errors } : {}) };
}

async function signedInActor(): Promise<Actor | ZoneFormState> {
  try {
    return await requireActor();
  } catch (error) {
    return failure(error);
  }
}

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
};

function revalidateZone(id: string) {
  revalidatePath("/admin/zones");
  revalidatePath(`/admin/zones/${encodeURIComponent(id)}`);
  revalidatePath(`/zone/${encodeURIComponent(id)}`);
}

/** Creates the zone (no `id` field) or updates it (`id` and `expectedUpdatedAt`), then shows it. */
export async function saveZoneAction(_previous: ZoneFormState, formData: FormData): Promise<ZoneFormState> {
  const actor = await signedInActor();
  if (!("role" in actor)) return actor;

  let current: Awaited<ReturnType<typeof getZoneForAdmin>> = null;
  let expectedUpdatedAt: Date | null = null;
  if (text(formData, "id")) {
    const ref = ZZoneRef.safeParse({ id: text(formData, "id"), expectedUpdatedAt: text(formData, "expectedUpdatedAt") });
    if (!ref.success) return { message: ref.error.issues[0]!.message };
    current = await getZoneForAdmin(ref.data.id);
    if (!current) return { message: "Cette zone n'existe pas ou plus. Rien n'a été enregistré." };
    if (!canEditZone(actor, current)) forbidden();
    expectedUpdatedAt = ref.data.expectedUpdatedAt;
  }

  const parsed = zoneFormSchema(current ?? undefined).safeParse({
    name: text(formData, "name"),
    inseeCode: text(formData, "inseeCode"),
    state: text(formData, "state"),
    vocation: text(formData, "vocation"),
    contact: text(formData, "contact"),
    outline: text(formData, "outline"),
  });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), message: "Le formulaire contient des erreurs : corrigez les champs signalés." };
  if (parsed.data.inseeCode !== current?.inseeCode && !canCreateZone(actor, parsed.data.inseeCode)) {
    return { errors: { inseeCode: "Cette commune n'est pas dans le territoire de votre organisation." }, message: "Le formulaire contient des erreurs : corrigez les champs signalés." };
  }

  let id: string;
  try {
    ({ id } = current && expectedUpdatedAt ? await updateZone(current.id, parsed.data, actor, expectedUpdatedAt) : await createZone(parsed.data, actor));
  } catch (error) {
    return failure(error);
  }
  revalidateZone(id);
  revalidatePath("/admin");
  redirect(`/admin/zones/${encodeURIComponent(id)}?enregistree=1`);
}

/** Archives or restores the zone named by the `id` field (`archive` = "1" or "0"). */
export async function setZoneArchivedAction(_previous: ZoneFormState, formData: FormData): Promise<ZoneFormState> {
  const actor = await signedInActor();
  if (!("role" in actor)) return actor;
  const zone = await getZoneForAdmin(text(formData, "id") ?? "");
  if (!zone) return { message: "Cette zone n'existe pas ou plus." };
  if (!canArchiveZone(actor, zone)) forbidden();
  const archive = text(formData, "archive") === "1";
  try {
    await (archive ? archiveZone(zone.id, actor) : restoreZone(zone.id, actor));
  } catch (error) {
    return failure(error);
  }
  revalidateZone(zone.id);
  revalidatePath("/admin");
  redirect(`/admin/zones/${encodeURIComponent(zone.id)}?${archive ? "archivee" : "restauree"}=1`);
}
