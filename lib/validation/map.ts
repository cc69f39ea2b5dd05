import { z } from "zod";
import { DeploymentStatus, Technology } from "@/lib/db/enums";
import { LEVELS, type Level } from "@/lib/levels/levels";

const STATUSES = Object.keys(DeploymentStatus) as DeploymentStatus[];

const NUMBER = "-?\\d+(\\.\\d+)?";
/** "west,south,east,north": the pattern the document shows; the bounds are checked after it. */
const BBOX_PATTERN = new RegExp(`^${NUMBER},${NUMBER},${NUMBER},${NUMBER}$`);
const listPattern = (values: readonly string[]) => new RegExp(`^(${values.join("|")})(,(${values.join("|")}))*$`);

/** GET /api/v1/map: what the map explorer shows in its current view. */
export const ZMapQuery = z.object({
  bbox: z
    .string({ error: "bbox est obligatoire : ouest,sud,est,nord en degrés WGS84." })
    .regex(BBOX_PATTERN, "bbox doit valoir ouest,sud,est,nord en degrés WGS84, ouest < est et sud < nord.")
    .meta({ description: "ouest,sud,est,nord en degrés WGS84 (ouest < est, sud < nord, longitudes entre -180 et 180, latitudes entre -90 et 90)", example: "5.20,46.19,5.25,46.22" })
    .transform((value, context) => {
      const parts = value.split(",").map(Number);
      const [west, south, east, north] = parts;
      const valid =
        parts.length === 4 &&
        parts.every(Number.isFinite) &&
        west! >= -180 && east! <= 180 && south! >= -90 && north! <= 90 && west! < east! && south! < north!;
      if (!valid) {
        context.addIssue({ code: "custom", message: "bbox doit valoir ouest,sud,est,nord en degrés WGS84, ouest < est et sud < nord." });
        return z.NEVER;
      }
      return { west: west!, south: south!, east: east!, north: north! };
    }),
  zoom: z.coerce.number({ error: "zoom doit être un nombre entier." }).int("zoom doit être un nombre entier.").min(0).max(22),
  technology: z.enum(Technology, { error: "technology doit valoir FTTH, FTTH_PRO, FTTE ou FTTO." }).default("FTTH"),
  level: z
    .string()
    .regex(listPattern(LEVELS), `level : une liste séparée par des virgules parmi ${LEVELS.join(", ")}.`)
    .optional()
    .transform((value, context) => {
      if (!value) return undefined;
      const levels = [...new Set(value.split(","))];
      if (levels.some((level) => !(LEVELS as readonly string[]).includes(level))) {
        context.addIssue({ code: "custom", message: `level : une liste séparée par des virgules parmi ${LEVELS.join(", ")}.` });
        return z.NEVER;
      }
      return levels as Level[];
    })
    .meta({ description: "Niveaux à afficher, séparés par des virgules (AVAILABLE, ON_REQUEST, PLANNED, NOT_ANNOUNCED)" }),
  status: z
    .string()
    .regex(listPattern(STATUSES), `status : une liste séparée par des virgules parmi ${STATUSES.join(", ")}.`)
    .optional()
    .transform((value, context) => {
      if (!value) return undefined;
      const statuses = [...new Set(value.split(","))];
      if (statuses.some((status) => !STATUSES.includes(status as DeploymentStatus))) {
        context.addIssue({ code: "custom", message: `status : une liste séparée par des virgules parmi ${STATUSES.join(", ")}.` });
        return z.NEVER;
      }
      return statuses as DeploymentStatus[];
    }),
});

export type TMapQuery = z.infer<typeof ZMapQuery>;

/** A "west,south,east,north" box, the same rules as the map's. */
export const ZBbox = ZMapQuery.shape.bbox;
