import { z } from "zod";

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
});

export type TSearchQuery = z.infer<typeof ZSearchQuery>;
