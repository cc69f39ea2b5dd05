import { z } from "zod";
import type { SearchResultType } from "@/lib/search/types";

export const SEARCH_RESULT_TYPES: readonly SearchResultType[] = ["address", "zone", "commune"];

export const SEARCH_QUERY_MAX_LENGTH = 100;
export const SEARCH_LIMIT_MAX = 20;

/** GET /api/v1/search query string. */
export const ZSearchQuery = z.object({
  q: z
    .string({ error: "Le paramètre q est obligatoire." })
    .trim()
    .min(1, "Saisissez au moins un caractère.")
    .max(SEARCH_QUERY_MAX_LENGTH, `La recherche est limitée à ${SEARCH_QUERY_MAX_LENGTH} caractères.`),
  limit: z.coerce
    .number({ error: "limit doit être un nombre entier." })
    .int("limit doit être un nombre entier.")
    .min(1, "limit doit être compris entre 1 et 20.")
    .max(SEARCH_LIMIT_MAX, "limit doit être compris entre 1 et 20.")
    .default(8),
  type: z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined || value.trim() === "") return undefined;
      const types = [...new Set(value.split(",").map((part) => part.trim()))];
      const unknown = types.filter((part) => !SEARCH_RESULT_TYPES.includes(part as SearchResultType));
      if (unknown.length > 0) {
        context.addIssue({ code: "custom", message: "type doit valoir address, zone ou commune (plusieurs séparés par des virgules)." });
        return z.NEVER;
      }
      return types as SearchResultType[];
    }),
});

export type TSearchQuery = z.infer<typeof ZSearchQuery>;
