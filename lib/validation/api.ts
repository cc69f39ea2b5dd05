import { z } from "zod";
import { zCursor } from "@/lib/api/cursor";
import { ZBbox } from "@/lib/validation/map";

const integer = (name: string, min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: `${name} doit être un nombre entier.` })
    .int(`${name} doit être un nombre entier.`)
    .min(min, `${name} doit être compris entre ${min} et ${max}.`)
    .max(max, `${name} doit être compris entre ${min} et ${max}.`)
    .default(fallback);

/** GET /api/v1/addresses/nearest */
export const ZNearestQuery = z.object({
  lat: z.coerce.number({ error: "lat doit être une latitude WGS84 en degrés." }).min(-90, "lat : entre -90 et 90.").max(90, "lat : entre -90 et 90."),
  lon: z.coerce.number({ error: "lon doit être une longitude WGS84 en degrés." }).min(-180, "lon : entre -180 et 180.").max(180, "lon : entre -180 et 180."),
  radius: integer("radius", 1, 500, 50).meta({ description: "Rayon de recherche en mètres (1 à 500, 50 par défaut)" }),
});

/** GET /api/v1/zones: filters combine; none lists every zone. */
export const ZZoneListQuery = z
  .object({
    bbox: ZBbox.optional(),
    commune: z.string().regex(/^[0-9][0-9AB][0-9]{3}$/, "commune doit être un code INSEE (5 caractères).").optional(),
    epci: z.string().regex(/^\d{9}$/, "epci doit être un numéro SIREN (9 chiffres).").optional(),
    limit: integer("limit", 1, 200, 50),
    cursor: zCursor(1).optional(),
  });

/** A département code: 01…95, 2A, 2B, 971…976. */
export const ZDepartementCode = z
  .string()
  .regex(/^(0[1-9]|1[0-9]|2[1-9]|[3-8][0-9]|9[0-5]|2A|2B|97[1-6])$/, "departement doit être un code de département (01 à 95, 2A, 2B, 971 à 976).")
  .meta({ description: "Code du département (01 à 95, 2A, 2B, 971 à 976)", example: "01" });

/** GET /api/v1/exports/…: exactly one territory. */
export const ZExportQuery = z
  .object({
    commune: z.string().regex(/^[0-9][0-9AB][0-9]{3}$/, "commune doit être un code INSEE (5 caractères).").optional(),
    epci: z.string().regex(/^\d{9}$/, "epci doit être un numéro SIREN (9 chiffres).").optional(),
    zone: z.string().trim().min(1).max(200).optional(),
    departement: ZDepartementCode.optional(),
  })
  .refine((query) => [query.commune, query.epci, query.zone, query.departement].filter(Boolean).length === 1, {
    message: "Indiquez un seul territoire : commune, epci, zone ou departement.",
    path: ["commune"],
  });

export type TExportQuery = z.infer<typeof ZExportQuery>;

/** GET /api/v1/changes: from a date (since) or after a cursor, exactly one of them. */
export const ZChangesQuery = z
  .object({
    since: z.iso
      .datetime({ offset: true, error: "since doit être une date-heure ISO 8601 (ex. 2026-11-23T00:00:00Z)." })
      .transform((value) => new Date(value))
      .optional()
      .meta({ description: "Date-heure ISO 8601 : les changements à partir de cet instant (90 jours en arrière au plus)", example: "2026-11-23T00:00:00Z" }),
    cursor: zCursor(2).optional(),
    departement: ZDepartementCode.optional(),
    limit: integer("limit", 1, 1000, 100),
  })
  .refine((query) => (query.since === undefined) !== (query.cursor === undefined), {
    message: "Indiquez soit since (date-heure ISO 8601), soit cursor (la valeur nextCursor de la page précédente).",
    path: ["since"],
  });
