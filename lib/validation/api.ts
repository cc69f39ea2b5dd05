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

/** GET /api/v1/zones */
export const ZZoneListQuery = z
  .object({
    bbox: ZBbox.optional(),
    commune: z.string().regex(/^[0-9][0-9AB][0-9]{3}$/, "commune doit être un code INSEE (5 caractères).").optional(),
    epci: z.string().regex(/^\d{9}$/, "epci doit être un numéro SIREN (9 chiffres).").optional(),
    limit: integer("limit", 1, 200, 50),
    cursor: zCursor(1).optional(),
  })
  .refine((query) => query.bbox || query.commune || query.epci, {
    message: "Indiquez au moins un filtre : bbox, commune ou epci.",
    path: ["bbox"],
  });

/** GET /api/v1/exports/…: exactly one territory. */
export const ZExportQuery = z
  .object({
    commune: z.string().regex(/^[0-9][0-9AB][0-9]{3}$/, "commune doit être un code INSEE (5 caractères).").optional(),
    epci: z.string().regex(/^\d{9}$/, "epci doit être un numéro SIREN (9 chiffres).").optional(),
    zone: z.string().trim().min(1).max(200).optional(),
  })
  .refine((query) => [query.commune, query.epci, query.zone].filter(Boolean).length === 1, {
    message: "Indiquez un seul territoire : commune, epci ou zone.",
    path: ["commune"],
  });

export type TExportQuery = z.infer<typeof ZExportQuery>;
