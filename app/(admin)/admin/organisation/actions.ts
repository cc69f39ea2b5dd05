"use server";
/**
 * An organisation's public contact: its organisation admins and platform admins
 * (canEditPublicContact), checked again here and in setPublicContact — a crafted POST may name
 * any organisation.
 */
import { revalidatePath } from "next/cache";
import { failedState, type FormState } from "@/lib/admin/form-state";
import { canEditPublicContact, ensure } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { setPublicContact } from "@/lib/data/public-contacts";
import { fieldErrors } from "@/lib/validation/accounts";
import { ZPublicContact } from "@/lib/validation/operators";

export async function setPublicContactAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActor();
    const organisationId = formData.get("organisationId");
    ensure(typeof organisationId === "string" && canEditPublicContact(actor, organisationId), "Seuls les administrateurs de cette organisation peuvent changer son contact public.");
    const parsed = ZPublicContact.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { errors: fieldErrors(parsed.error), message: "Le formulaire contient des erreurs : corrigez les champs signalés." };
    await setPublicContact(actor, parsed.data);
    revalidatePath("/admin/organisation");
    revalidatePath(`/admin/organisations/${parsed.data.organisationId}`);
    const { publicEmail, publicPhone, publicUrl } = parsed.data;
    return {
      notice:
        publicEmail || publicPhone || publicUrl
          ? "Contact public enregistré : les pages des adresses et des zones du territoire l'affichent dès maintenant."
          : "Contact public effacé : les pages publiques n'affichent plus de contact pour cette organisation.",
    };
  } catch (error) {
    return failedState(error);
  }
}
