import { z } from "zod";
import type { SearchResultType } from "@/lib/search/types";

export const SEARCH_RESULT_TYPES: readonly SearchResultType[] = ["address", "zone", "commune", "establishment"];

export const SEARCH_QUERY_MAX_LENGTH = 100;
export const SEARCH_LIMIT_MAX = 50;

const TYPE_LIST = new RegExp(`^(${SEARCH_RESULT_TYPES.join("|")})(,(${SEARCH_RESULT_TYPES.join("|")}))*$`);
const TYPE_MESSAGE = `type doit valoir ${SEARCH_RESULT_TYPES.join(", ")} (plusieurs séparés par des virgules).`;

const coordinate = (name: string, bound: number) =>
  z.coerce
    .number({ error: `${name} doit être un nombre en degrés WGS84.` })
    .min(-bound, `${name} doit être compris entre -${bound} et ${bound}.`)
    .max(bound, `${name} doit être compris entre -${bound} et ${bound}.`)
    .optional();

/**
 * GET /api/v1/search query string. Strict: a parameter it does not know is refused (400 naming
 * it) rather than silently ignored. Lists (type) are comma-separated; a parameter given twice is
 * refused by lib/api/handler.ts.
 */
export const ZSearchQuery = z
  .strictObject({
    q: z
      .string({ error: "Le paramètre q est obligatoire." })
      .regex(/\S/, "Saisissez au moins un caractère.")
      .trim()
      .max(SEARCH_QUERY_MAX_LENGTH, `La recherche est limitée à ${SEARCH_QUERY_MAX_LENGTH} caractères.`)
      .meta({ description: "Ce que l'on cherche : adresse, zone, commune, code postal, nom d'entreprise, SIRET (14 chiffres, espaces permis) ou SIREN (9 chiffres)" }),
    limit: z.coerce
      .number({ error: "limit doit être un nombre entier." })
      .int("limit doit être un nombre entier.")
      .min(1, `limit doit être compris entre 1 et ${SEARCH_LIMIT_MAX}.`)
      .max(SEARCH_LIMIT_MAX, `limit doit être compris entre 1 et ${SEARCH_LIMIT_MAX}.`)
      .default(8)
      .meta({ description: `Nombre de résultats (1 à ${SEARCH_LIMIT_MAX}, 8 par défaut)` }),
    type: z
      .string()
      .regex(TYPE_LIST, TYPE_MESSAGE)
      .transform((value) => [...new Set(value.split(","))] as SearchResultType[])
      .optional()
      .meta({ description: `Types de résultats, séparés par des virgules : ${SEARCH_RESULT_TYPES.join(", ")} (tous par défaut)` }),
    citycode: z
      .string()
      .regex(/^[0-9][0-9AB][0-9]{3}$/, "citycode doit être un code INSEE de commune (5 caractères).")
      .optional()
      .meta({ description: "Seulement dans cette commune (code INSEE)", example: "01053" }),
    postcode: z
      .string()
      .regex(/^\d{5}$/, "postcode doit être un code postal (5 chiffres).")
      .optional()
      .meta({ description: "Seulement avec ce code postal", example: "01000" }),
    lat: coordinate("lat", 90).meta({ description: "Avec lon : les résultats proches de ce point d'abord, à pertinence égale (jamais un filtre)" }),
    lon: coordinate("lon", 180).meta({ description: "Avec lat : voir lat" }),
  })
  .refine((query) => (query.lat === undefined) === (query.lon === undefined), {
    message: "lat et lon vont ensemble : indiquez les deux, ou aucun.",
    path: ["lat"],
  });

export type TSearchQuery = z.infer<typeof ZSearchQuery>;
