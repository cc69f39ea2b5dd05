"use server";
/** Organisations and their territories: platform admins only, checked again in each action. */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { failedState, type FormState } from "@/lib/admin/form-state";
import { canManageOrganisations, ensure } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { communesOfEpci, createOrganisation, findOrganisation, getOrganisation, setTerritory } from "@/lib/data/organisations";
import { AppError } from "@/lib/errors";
import { ZCreateOrganisation, ZSetTerritory, fieldErrors, parseInseeCodes } from "@/lib/validation/accounts";

async function territoryCodes(input: { territoryMode: "epci" | "communes"; epciSiren?: string; inseeCodes?: string }): Promise<string[]> {
  return input.territoryMode === "epci" ? communesOfEpci(input.epciSiren!) : parseInseeCodes(input.inseeCodes ?? "");
}

/** A bad territory (unknown EPCI or INSEE code) is an error of its field. */
function territoryError(error: unknown, mode: "epci" | "communes"): FormState | null {
  if (error instanceof AppError && (error.code === "not_found" || error.code === "bad_request")) {
    return { errors: { [mode === "epci" ? "epciSiren" : "inseeCodes"]: error.message } };
  }
  return null;
}

export async function createOrganisationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let id: string;
  try {
    const actor = await requireActor();
    ensure(canManageOrganisations(actor));
    const parsed = ZCreateOrganisation.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { errors: fieldErrors(parsed.error) };
    const input = parsed.data;
    const siren = input.siren ?? (input.kind === "EPCI" && input.territoryMode === "epci" ? input.epciSiren! : null);
    if (siren && (await findOrganisation(siren))) return { errors: { siren: `Une organisation a déjà le SIREN ${siren}.` } };
    let inseeCodes: string[];
    try {
      inseeCodes = await territoryCodes(input);
      id = (await createOrganisation({ name: input.name, kind: input.kind, siren, inseeCodes }, actor)).id;
    } catch (error) {
      const fieldError = territoryError(error, input.territoryMode);
      if (fieldError) return fieldError;
      throw error;
    }
  } catch (error) {
    return failedState(error);
  }
  revalidatePath("/admin/organisations");
  redirect(`/admin/organisations/${id}?cree=1`);
}

export async function setTerritoryAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActor();
    ensure(canManageOrganisations(actor));
    const parsed = ZSetTerritory.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { errors: fieldErrors(parsed.error) };
    const organisation = await getOrganisation(parsed.data.organisationId);
    if (!organisation) throw new AppError("not_found", "Cette organisation n'existe pas.");
    try {
      const inseeCodes = await territoryCodes(parsed.data);
      await setTerritory(organisation.id, inseeCodes, actor);
      revalidatePath(`/admin/organisations/${organisation.id}`);
      revalidatePath("/admin/organisations");
      const count = new Set(inseeCodes).size;
      return { notice: `Territoire enregistré : ${count} commune${count > 1 ? "s" : ""}.` };
    } catch (error) {
      const fieldError = territoryError(error, parsed.data.territoryMode);
      if (fieldError) return fieldError;
      throw error;
    }
  } catch (error) {
    return failedState(error);
  }
}
