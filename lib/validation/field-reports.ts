/** The public "Signaler une information erronée" form, and the moderation forms. */
import { z } from "zod";
import { FieldReportKind, Technology } from "@/lib/db/enums";

export const MAX_REPORT_DESCRIPTION = 2_000;

export const FIELD_REPORT_KIND_LABELS: Record<FieldReportKind, string> = {
  ORDER_REFUSED: "Un opérateur a refusé ma commande de fibre à cette adresse",
  ALREADY_AVAILABLE: "La fibre est en fait déjà disponible ici",
  WRONG_STATUS: "L'état ou la date affichés sont faux",
  WRONG_ADDRESS: "L'adresse est mal placée ou n'existe pas",
  OTHER: "Autre",
};

const emptyAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const ZFieldReportForm = z.object({
  kind: z.enum(FieldReportKind, { error: "Choisissez ce que vous avez constaté." }),
  technology: z.preprocess(emptyAsUndefined, z.enum(Technology, { error: "Technologie inconnue." }).optional()),
  description: z
    .string({ error: "Décrivez ce que vous avez constaté." })
    .trim()
    .min(10, "Décrivez ce que vous avez constaté en quelques mots (10 caractères au moins).")
    .max(MAX_REPORT_DESCRIPTION, `Votre description doit faire au plus ${MAX_REPORT_DESCRIPTION} caractères.`),
  email: z.preprocess(emptyAsUndefined, z.email({ error: "Adresse e-mail invalide." }).max(320).optional()),
});

export type TFieldReportForm = z.infer<typeof ZFieldReportForm>;

export const ZRejection = z.object({
  reason: z.string().trim().min(5, "Indiquez la raison du refus (5 caractères au moins).").max(1_000, "Raison trop longue (1 000 caractères au plus)."),
});
