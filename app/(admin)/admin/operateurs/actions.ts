"use server";
/**
 * Operator directory actions: platform admins only, checked again in each action — the page that
 * rendered the form protects nothing (a crafted POST may come from anyone signed in).
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { failedState, type FormState } from "@/lib/admin/form-state";
import { canManageOperatorDirectory, ensure } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { deleteDirectoryOperator, saveDirectoryOperator } from "@/lib/data/operator-directory";
import { fieldErrors } from "@/lib/validation/accounts";
import { ZDirectoryOperatorForm, ZDirectoryOperatorRef, directoryFormInput } from "@/lib/validation/operators";

const REFUSED = "Seuls les administrateurs de la plateforme tiennent l'annuaire des opérateurs.";
const INVALID = "Le formulaire contient des erreurs : corrigez les champs signalés.";

async function directoryKeeper() {
  const actor = await requireActor();
  ensure(canManageOperatorDirectory(actor), REFUSED);
  return actor;
}

/** Creates the entry (no `id` field) or replaces it, then goes back to the directory. */
export async function saveDirectoryOperatorAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let id: string;
  try {
    const actor = await directoryKeeper();
    const ref = ZDirectoryOperatorRef.safeParse({ id: formData.get("id") ?? undefined });
    if (!ref.success) return { message: "Cette fiche est introuvable. Rien n'a été enregistré." };
    const parsed = ZDirectoryOperatorForm.safeParse(directoryFormInput(formData));
    if (!parsed.success) return { errors: fieldErrors(parsed.error), message: INVALID };
    id = await saveDirectoryOperator(actor, parsed.data, ref.data.id);
  } catch (error) {
    return failedState(error);
  }
  revalidatePath("/admin/operateurs");
  revalidatePath(`/admin/operateurs/${id}`);
  redirect(`/admin/operateurs?enregistre=${encodeURIComponent(id)}#fiche-${id}`);
}

/** Removes the entry once the confirmation box is ticked; its codes become unlisted again. */
export async function deleteDirectoryOperatorAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await directoryKeeper();
    const ref = ZDirectoryOperatorRef.safeParse({ id: formData.get("id") ?? undefined });
    if (!ref.success || !ref.data.id) return { message: "Cette fiche est introuvable." };
    if (formData.get("confirm") !== "1") return { errors: { confirm: "Cochez la case pour confirmer le retrait." } };
    await deleteDirectoryOperator(actor, ref.data.id);
  } catch (error) {
    return failedState(error);
  }
  revalidatePath("/admin/operateurs");
  redirect("/admin/operateurs?retire=1");
}
