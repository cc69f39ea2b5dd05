/** The operator directory form and the public contact of an organisation (French messages). */
import { z } from "zod";
import { BUSINESS_TECHNOLOGIES } from "@/lib/levels/levels";

/** Control characters (CR, LF, tab…) never belong in a name shown on public pages. */
const withoutControls = (value: string) => value.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim();

const url = (label: string) =>
  z
    .string()
    .trim()
    .max(500, `${label} : 500 caractères au plus.`)
    .optional()
    .transform((value) => value || null)
    .refine((value) => value === null || /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value), `${label} : indiquez une adresse qui commence par https://.`);

export const OPERATOR_CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{1,39}$/;

export const ZDirectoryOperatorForm = z
  .object({
    name: z
      .string({ error: "Indiquez le nom de l'opérateur." })
      .transform(withoutControls)
      .pipe(z.string().min(2, "Indiquez le nom de l'opérateur.").max(120, "Le nom est trop long (120 caractères au plus).")),
    /** "FRTE, ORAN": the codes the files use, separated by commas, spaces or new lines. */
    codes: z
      .string()
      .optional()
      .transform((value) => [...new Set((value ?? "").toUpperCase().split(/[\s,;]+/).filter(Boolean))])
      .refine((codes) => codes.length <= 20, "20 codes au plus.")
      .refine((codes) => codes.every((code) => OPERATOR_CODE_PATTERN.test(code)), "Un code s'écrit en lettres et chiffres (2 à 40), par exemple FRTE."),
    website: url("Site web"),
    offersUrl: url("Page des offres entreprises"),
    eligibilityUrl: url("Test d'éligibilité"),
    technologies: z.array(z.enum(BUSINESS_TECHNOLOGIES, { error: "Technologie inconnue." })).max(3).default([]),
    coverage: z.enum(["national", "departements"], { error: "Choisissez où l'opérateur vend ses offres." }),
    departements: z
      .string()
      .optional()
      .transform((value) => [...new Set((value ?? "").toUpperCase().split(/[\s,;]+/).filter(Boolean))])
      .refine((codes) => codes.every((code) => /^(\d{2}|2A|2B|97\d)$/.test(code)), "Un département s'écrit 01, 2A, 974…"),
    isDemo: z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean()),
  })
  .refine((form) => form.coverage === "national" || form.departements.length > 0, {
    path: ["departements"],
    message: "Indiquez au moins un département, ou choisissez « toute la France ».",
  });

export type TDirectoryOperatorForm = z.infer<typeof ZDirectoryOperatorForm>;

/** The entry a directory form edits or removes: none for a new one. */
export const ZDirectoryOperatorRef = z.object({
  id: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((value) => value || undefined),
});

/** The directory form as posted: checkboxes are read with getAll. */
export function directoryFormInput(formData: FormData): Record<string, unknown> {
  return { ...Object.fromEntries(formData), technologies: formData.getAll("technologies") };
}

export const ZPublicContact = z.object({
  organisationId: z.string().trim().min(1).max(100),
  publicEmail: z
    .string()
    .trim()
    .toLowerCase()
    .max(320, "Cette adresse e-mail est trop longue.")
    .optional()
    .transform((value) => value || null)
    .refine((value) => value === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), "Cette adresse e-mail n'est pas valide (exemple : economie@agglo.fr)."),
  publicPhone: z
    .string()
    .trim()
    .max(30, "Ce numéro est trop long.")
    .optional()
    .transform((value) => value || null)
    .refine((value) => value === null || /^\+?[\d .()-]{6,30}$/.test(value), "Indiquez un numéro de téléphone (chiffres, espaces, + et points)."),
  publicUrl: url("Page web"),
});

export type TPublicContact = z.infer<typeof ZPublicContact>;
