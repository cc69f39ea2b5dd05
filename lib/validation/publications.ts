/**
 * The publication form of the admin: what an organisation publishes for a zone, a commune or
 * chosen addresses. French messages, keyed by field, for the form to show beside each input.
 */
import { z } from "zod";
import { DeploymentStatus, PublicationScope, Technology } from "@/lib/db/enums";
import { parsePlannedDate, type PlannedDate } from "@/lib/planned-date";

export const MAX_PUBLICATION_ADDRESSES = 5_000;
export const MAX_MESSAGE_LENGTH = 2_000;

/** Statuses with an actual opening date rather than a planned one. */
export const OPEN_STATUSES: readonly DeploymentStatus[] = ["DEPLOYE", "RAD"];

const emptyAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const ZPublicationForm = z
  .object({
    scope: z.enum(PublicationScope, { error: "Choisissez à quoi s'applique la mise à jour." }),
    zoneId: z.preprocess(emptyAsUndefined, z.string().trim().max(200).optional()),
    inseeCode: z.preprocess(emptyAsUndefined, z.string().trim().max(5).optional()),
    addressIds: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .max(MAX_PUBLICATION_ADDRESSES * 40, "La liste d'adresses est trop longue.")
        .transform((text) => [...new Set(text.split(/[\s,;]+/).map((id) => id.trim()).filter(Boolean))])
        .optional(),
    ),
    technology: z.enum(Technology, { error: "Choisissez une technologie." }),
    status: z.enum(DeploymentStatus, { error: "Choisissez un état." }),
    plannedDate: z.preprocess(emptyAsUndefined, z.string().trim().max(40).optional()),
    availableSince: z.preprocess(emptyAsUndefined, z.iso.date({ error: "Date de mise en service invalide." }).optional()),
    operatorCodes: z.array(z.string().trim().max(40)).max(30, "Trente opérateurs au plus.").default([]),
    /** Operators not in the list yet, by name ("Kosc, Adista"). */
    otherOperators: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .max(600, "Liste d'opérateurs trop longue.")
        .transform((text) => [...new Set(text.split(/[,;\n]+/).map((name) => name.trim().replace(/\s+/g, " ")).filter(Boolean))])
        .refine((names) => names.length <= 10, "Dix autres opérateurs au plus.")
        .refine((names) => names.every((name) => name.length <= 60), "Un nom d'opérateur fait au plus 60 caractères.")
        .optional(),
    ),
    message: z.preprocess(
      emptyAsUndefined,
      z.string().trim().max(MAX_MESSAGE_LENGTH, `Le message doit faire au plus ${MAX_MESSAGE_LENGTH} caractères.`).optional(),
    ),
    organisationId: z.preprocess(emptyAsUndefined, z.string().trim().max(40).optional()),
  })
  .superRefine((form, context) => {
    const issue = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message });
    if (form.scope === "ZONE" && !form.zoneId) issue("zoneId", "Choisissez la zone d'activités.");
    if (form.scope === "COMMUNE" && !form.inseeCode) issue("inseeCode", "Choisissez la commune.");
    if (form.scope === "ADDRESSES") {
      if (!form.addressIds?.length) issue("addressIds", "Indiquez au moins un identifiant d'adresse BAN.");
      else if (form.addressIds.length > MAX_PUBLICATION_ADDRESSES) issue("addressIds", `${MAX_PUBLICATION_ADDRESSES} adresses au plus.`);
    }
    if (form.plannedDate && !parsePlannedDate(form.plannedDate)) {
      issue("plannedDate", "Date prévue illisible : écrivez par exemple T3 2027, S2 2027, 09/2027, 15/09/2027 ou 2027.");
    }
    if (form.status === "PREVU" && !form.plannedDate) issue("plannedDate", "Un déploiement programmé doit avoir une date prévue.");
    if (form.availableSince && !OPEN_STATUSES.includes(form.status)) {
      issue("availableSince", "La date de mise en service ne vaut que pour un état « Raccordable » ou « Raccordable à la demande ».");
    }
    if (form.plannedDate && OPEN_STATUSES.includes(form.status)) {
      issue("plannedDate", "Une fibre déjà raccordable n'a pas de date prévue : indiquez plutôt sa date de mise en service.");
    }
  })
  .transform((form) => ({
    ...form,
    planned: form.plannedDate ? (parsePlannedDate(form.plannedDate) as PlannedDate) : null,
    availableSinceDate: form.availableSince ? new Date(`${form.availableSince}T00:00:00Z`) : null,
  }));

export type TPublicationForm = z.infer<typeof ZPublicationForm>;

/** The form's fields as FormData carries them (operators: several values). */
export function publicationFormInput(formData: FormData): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const key of ["scope", "zoneId", "inseeCode", "addressIds", "technology", "status", "plannedDate", "availableSince", "message", "organisationId", "otherOperators"]) {
    const value = formData.get(key);
    if (typeof value === "string") input[key] = value;
  }
  input.operatorCodes = formData.getAll("operatorCodes").filter((value): value is string => typeof value === "string");
  return input;
}
