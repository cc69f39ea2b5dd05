/** The request and answer of POST /api/v1/eligibility/csv, for the OpenAPI document (lib/api/endpoints.ts). */
import { z } from "zod";

/** The lines budget's headers (API_BATCH_LINES), beside the RateLimit-* of the request limit. */
export const BATCH_LINES_HEADERS = ["Batch-Lines-Limit", "Batch-Lines-Remaining", "Batch-Lines-Reset"] as const;

export const ZBatchCheckForm = z
  .object({
    data: z.string().meta({
      format: "binary",
      contentMediaType: "text/csv",
      description: "Le fichier CSV : séparateur ; , ou tabulation, UTF-8 (avec ou sans BOM) ou Windows-1252, une ligne d'en-tête",
    }),
    columns: z
      .array(z.string().max(200))
      .max(20)
      .optional()
      .meta({ description: "Les colonnes de l'adresse (champ répété), lues ensemble comme une adresse en texte libre quand leurs noms ne suffisent pas" }),
    siret: z.string().max(200).optional().meta({ description: "La colonne du SIRET, quand elle ne s'appelle pas siret" }),
    format: z.enum(["csv", "xlsx"]).default("csv").meta({ description: "csv : le même CSV complété ; xlsx : un classeur Excel (toutes les cellules en texte)" }),
  })
  .meta({ id: "BatchCheckForm" });

export const ZBatchCheckResult = z.string().meta({
  id: "BatchCheckResult",
  description:
    "Les lignes du fichier envoyé, dans leur ordre, suivies de fp_match, fp_score, fp_ban_id, fp_label, fp_url, fp_<techno>_level|status|date|source (ftth, ftth_pro, ftte, ftto) et fp_reason",
});
