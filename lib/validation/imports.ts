import { z } from "zod";
import { IMPORT_FORMATS } from "@/lib/import/types";

/** POST /api/admin/imports?format=…&fileName=…[&source=…][&organisationId=…] — the body is the file itself. */
export const ZImportUploadQuery = z.object({
  format: z.enum(IMPORT_FORMATS, { error: "Choisissez le format du fichier." }),
  fileName: z.string({ error: "Le nom du fichier manque." }).trim().min(1, "Le nom du fichier manque.").max(255, "Nom de fichier trop long."),
  source: z
    .string()
    .trim()
    .max(120, "Le nom de la source ne doit pas dépasser 120 caractères.")
    .optional()
    .transform((value) => value || undefined),
  organisationId: z.string().trim().max(64).optional().transform((value) => value || undefined),
});

export type TImportUploadQuery = z.infer<typeof ZImportUploadQuery>;

/** The apply and abandon actions: which job. */
export const ZImportJobAction = z.object({ jobId: z.string().trim().min(1).max(64) });
