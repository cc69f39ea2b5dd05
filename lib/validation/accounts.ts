/** Forms of the accounts and organisations admin, and of the password pages (French messages). */
import { z } from "zod";
import { OrganisationKind, UserRole } from "@/lib/db/enums";
import { MAX_PASSWORD_LENGTH } from "@/lib/auth/password";

const email = z
  .string({ error: "Indiquez une adresse e-mail." })
  .trim()
  .toLowerCase()
  .min(1, "Indiquez une adresse e-mail.")
  .max(320, "Cette adresse e-mail est trop longue.")
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "Cette adresse e-mail n'est pas valide (exemple : prenom.nom@mairie.fr).");

const id = z.string().trim().min(1, "Identifiant manquant.").max(100);

/**
 * A person's or an organisation's name as shown in lists, mails and the audit log: control
 * characters (CR, LF, tab, NUL, C1…) and line or paragraph separators become spaces, bidirectional
 * overrides (which reorder the text around them) are dropped, runs of spaces become one.
 */
export function cleanDisplayName(value: string): string {
  return value
    .replace(/[\p{Cc}\u2028\u2029]/gu, " ")
    .replace(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

const displayName = (max: number, message: string) => z.string().transform(cleanDisplayName).pipe(z.string().max(max, message));
const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((value) => value || null);

export const ZForgotPassword = z.object({ email });

export const ZResetPassword = z
  .object({
    token: z.string().min(1).max(200),
    password: z.string({ error: "Choisissez un mot de passe." }).max(MAX_PASSWORD_LENGTH + 1),
    confirmation: z.string({ error: "Saisissez le mot de passe une seconde fois." }),
  })
  .refine((value) => value.password === value.confirmation, { path: ["confirmation"], message: "Les deux mots de passe ne sont pas identiques." });

const role = z.enum(UserRole, { error: "Choisissez un rôle." });

export const ZCreateUser = z.object({
  email,
  name: displayName(120, "Le nom est trop long (120 caractères au plus).")
    .optional()
    .transform((value) => value || null),
  role,
  /** Chosen by platform admins; others create accounts in their own organisation. */
  organisationId: optionalText(100, "Organisation inconnue."),
});
export type TCreateUser = z.infer<typeof ZCreateUser>;

export const ZChangeRole = z.object({ userId: id, role });

export const ZUnlockUser = z.object({ userId: id });

export const ZSetDisabled = z.object({ userId: id, disable: z.enum(["1", "0"]).transform((value) => value === "1") });

const sirenPattern = /^\d{9}$/;

export const ZTerritory = z
  .object({
    territoryMode: z.enum(["epci", "communes"], { error: "Choisissez comment donner le territoire." }),
    epciSiren: z.string().trim().optional(),
    inseeCodes: z.string().trim().max(200_000).optional(),
  })
  .superRefine((value, context) => {
    if (value.territoryMode === "epci" && !sirenPattern.test(value.epciSiren ?? "")) {
      context.addIssue({ code: "custom", path: ["epciSiren"], message: "Le SIREN d'un EPCI compte 9 chiffres (exemple : 200071751)." });
    }
    if (value.territoryMode === "communes" && parseInseeCodes(value.inseeCodes ?? "").length === 0) {
      context.addIssue({ code: "custom", path: ["inseeCodes"], message: "Donnez au moins un code INSEE de commune (exemple : 01053)." });
    }
  });

/** Codes separated by commas, spaces or lines. */
export function parseInseeCodes(value: string): string[] {
  return value
    .split(/[\s,;]+/)
    .map((code) => code.trim().toUpperCase())
    .filter(Boolean);
}

export const ZCreateOrganisation = z.intersection(
  z.object({
    name: z
      .string({ error: "Indiquez le nom de l'organisation." })
      .transform(cleanDisplayName)
      .pipe(z.string().min(2, "Indiquez le nom de l'organisation.").max(200, "Le nom est trop long.")),
    kind: z.enum(OrganisationKind, { error: "Choisissez le type d'organisation." }),
    siren: z
      .string()
      .trim()
      .optional()
      .transform((value) => value || null)
      .refine((value) => value === null || sirenPattern.test(value), "Un SIREN compte 9 chiffres."),
  }),
  ZTerritory,
);

export const ZSetTerritory = z.intersection(z.object({ organisationId: id }), ZTerritory);

/** The first message of each field, for a form's `errors`. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}
