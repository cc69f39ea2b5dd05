/**
 * The zone form of the admin: details in the CNIG site_eco vocabulary and an outline drawn on
 * the map or uploaded as GeoJSON, checked here with French messages per field. Whether the
 * commune is in the actor's territory is checked by the action (lib/auth/permissions.ts).
 */
import { z } from "zod";
import { OutlineError, OutlineTooLargeError, toOutline, type Outline } from "@/lib/geo/outline";
import { fewestDistinctPositions, hasSelfIntersection, isInFrance, outlineAreaHa } from "@/lib/geo/outline-checks";
import { OUTLINE_BYTES_MAX, OUTLINE_POINTS_MAX } from "@/lib/geo/outline-limits";

/** site_etat values of the CNIG site_eco standard (the first is what imports assume when absent). */
export const ZONE_STATES = ["existant et actif", "en extension", "en projet", "en cours d'aménagement", "en reconversion", "en friche"] as const;
/** site_vocadomi values of the CNIG site_eco standard. */
export const ZONE_VOCATIONS = [
  "mixte", "industrielle", "artisanale", "commerciale", "tertiaire", "logistique", "touristique", "portuaire", "aéroportuaire", "agricole",
] as const;

export const ZONE_NAME_MAX = 200;
export const ZONE_CONTACT_MAX = 1000;
export const ZONE_AREA_MAX_HA = 5000;

export interface CheckedOutline extends Outline {
  areaHa: number;
}

export type OutlineResult = { outline: CheckedOutline; error?: undefined } | { outline?: undefined; error: string };

/** The geometry of a GeoJSON text: a geometry, or a Feature / FeatureCollection holding one. */
function geometryOf(value: unknown): { geometry?: unknown; error?: string } {
  const object = (value ?? {}) as { type?: unknown; geometry?: unknown; features?: unknown };
  if (object.type === "FeatureCollection") {
    const features = Array.isArray(object.features) ? object.features : [];
    if (features.length !== 1) {
      return { error: `Le fichier doit contenir une seule zone (un seul polygone) ; il en contient ${features.length}.` };
    }
    return geometryOf(features[0]);
  }
  if (object.type === "Feature") return { geometry: object.geometry };
  return { geometry: value };
}

/** Rings closed and without repeated consecutive positions (what a drawing tool may leave). */
function tidyRings(geometry: { type: string; coordinates: unknown }): unknown {
  const tidyRing = (ring: unknown) => {
    if (!Array.isArray(ring)) return ring;
    const positions = ring.filter((position, index) => index === 0 || JSON.stringify(position) !== JSON.stringify(ring[index - 1]));
    if (positions.length > 1 && JSON.stringify(positions[0]) !== JSON.stringify(positions[positions.length - 1])) positions.push(positions[0]);
    return positions;
  };
  const tidyPolygon = (polygon: unknown) => (Array.isArray(polygon) ? polygon.map(tidyRing) : polygon);
  const { coordinates } = geometry;
  if (!Array.isArray(coordinates)) return geometry;
  return { type: geometry.type, coordinates: geometry.type === "Polygon" ? tidyPolygon(coordinates) : coordinates.map(tidyPolygon) };
}

const SIMPLIFY_HINT = "simplifiez-le avant de l'importer (dans QGIS : Vecteur › Outils de géométrie › Simplifier).";

/** A drawn or uploaded outline, checked; `error` is a French sentence for the form. */
export function parseOutlineText(text: string): OutlineResult {
  if (text.trim() === "") return { error: "Dessinez le contour de la zone sur la carte, ou importez un fichier GeoJSON." };
  if (Buffer.byteLength(text) > OUTLINE_BYTES_MAX) {
    return { error: `Le contour est trop volumineux (${OUTLINE_BYTES_MAX / 1_000_000} Mo de GeoJSON au plus) : ${SIMPLIFY_HINT}` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: "Le contour n'est pas du GeoJSON valide : vérifiez le texte ou le fichier." };
  }
  const { geometry, error } = geometryOf(value);
  if (error) return { error };
  const type = (geometry as { type?: unknown } | null)?.type;
  if (type !== "Polygon" && type !== "MultiPolygon") {
    return { error: `Le contour doit être un polygone (Polygon ou MultiPolygon)${typeof type === "string" ? `, pas un ${type}` : ""}.` };
  }
  let outline: Outline;
  try {
    outline = toOutline(tidyRings(geometry as { type: string; coordinates: unknown }));
  } catch (caught) {
    if (!(caught instanceof OutlineError)) throw caught;
    if (caught instanceof OutlineTooLargeError) {
      return { error: `Le contour compte trop de points (${OUTLINE_POINTS_MAX.toLocaleString("fr-FR")} au plus) : ${SIMPLIFY_HINT}` };
    }
    return { error: "Le contour est mal formé : chaque polygone doit avoir au moins 3 points distincts, en coordonnées [longitude, latitude]." };
  }
  if (!isInFrance(outline.bbox)) {
    return { error: "Le contour doit se trouver en France, en coordonnées WGS84 (longitude, latitude en degrés) ou Lambert-93." };
  }
  if (fewestDistinctPositions(outline.geometry) < 3) return { error: "Le contour doit compter au moins 3 points distincts." };
  if (hasSelfIntersection(outline.geometry)) {
    return { error: "Le contour se croise lui-même : déplacez les sommets pour qu'aucun côté n'en coupe un autre." };
  }
  const areaHa = outlineAreaHa(outline.geometry);
  if (areaHa >= ZONE_AREA_MAX_HA) {
    return { error: `Le contour couvre ${Math.round(areaHa).toLocaleString("fr-FR")} ha : une zone d'activités fait moins de 5 000 ha. Vérifiez le contour.` };
  }
  return { outline: { ...outline, areaHa } };
}

/**
 * The zone form. `current` holds the zone's present state and vocation: a zone imported with a
 * value outside the lists keeps it when its other fields are edited.
 */
export function zoneFormSchema(current?: { state: string; vocation: string | null }) {
  const states: readonly string[] = current && !ZONE_STATES.includes(current.state as never) ? [...ZONE_STATES, current.state] : ZONE_STATES;
  const vocations: readonly string[] =
    current?.vocation && !ZONE_VOCATIONS.includes(current.vocation as never) ? [...ZONE_VOCATIONS, current.vocation] : ZONE_VOCATIONS;
  return z.object({
    name: z
      .string({ error: "Indiquez le nom de la zone." })
      .trim()
      .min(1, "Indiquez le nom de la zone.")
      .max(ZONE_NAME_MAX, `Le nom est limité à ${ZONE_NAME_MAX} caractères.`),
    inseeCode: z
      .string({ error: "Choisissez la commune de la zone." })
      .trim()
      .regex(/^[0-9][0-9AB][0-9]{3}$/, "Choisissez la commune de la zone (code INSEE à 5 caractères)."),
    state: z.string({ error: "Choisissez l'état de la zone." }).refine((value) => states.includes(value), "Choisissez l'état de la zone dans la liste."),
    vocation: z
      .string()
      .optional()
      .transform((value) => (value ? value : null))
      .refine((value) => value === null || vocations.includes(value), "Choisissez la vocation dans la liste."),
    contact: z
      .string()
      .optional()
      .transform((value) => value?.trim() || null)
      .refine((value) => value === null || value.length <= ZONE_CONTACT_MAX, `Le contact est limité à ${ZONE_CONTACT_MAX} caractères.`),
    outline: z
      .string({ error: "Dessinez le contour de la zone sur la carte, ou importez un fichier GeoJSON." })
      .transform((text, context) => {
        const result = parseOutlineText(text);
        if (result.error !== undefined) {
          context.addIssue({ code: "custom", message: result.error });
          return z.NEVER;
        }
        return result.outline;
      }),
  });
}

export type TZoneForm = z.infer<ReturnType<typeof zoneFormSchema>>;

/** The hidden fields that say which zone, as loaded when the form was opened. */
export const ZZoneRef = z.object({
  id: z.string({ error: "Zone inconnue." }).trim().min(1, "Zone inconnue.").max(100, "Zone inconnue."),
  expectedUpdatedAt: z.iso.datetime({ error: "Rechargez la page : le formulaire est incomplet." }).transform((value) => new Date(value)),
});

/** Field name → first French message, for the form. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}
