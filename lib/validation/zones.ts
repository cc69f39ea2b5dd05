import { z } from "zod";
import { DeploymentStatus, Technology } from "@/lib/db/enums";
import { LEVELS } from "@/lib/levels/levels";
import { zCursor } from "@/lib/api/cursor";

export const ZONE_ADDRESSES_LIMIT_MAX = 200;

/** GET /api/v1/zones/{id}: the outline simplified for display (default) or every point. */
export const ZZoneQuery = z.object({
  outline: z
    .enum(["display", "full"], { error: "outline doit valoir display ou full." })
    .default("display")
    .meta({ description: "display (défaut) : le périmètre simplifié pour l'affichage (400 points au plus) ; full : le périmètre d'origine, tous ses points" }),
});

/** GET /api/v1/zones/{id}/addresses and the address list of /zone/{id}. */
export const ZZoneAddressesQuery = z.object({
  technology: z.enum(Technology, { error: "technology doit valoir FTTH, FTTH_PRO, FTTE ou FTTO." }).default("FTTH"),
  level: z
    .enum(LEVELS, { error: `level doit valoir ${LEVELS.join(", ")}.` })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  status: z
    .enum(DeploymentStatus, { error: `status doit valoir ${Object.keys(DeploymentStatus).join(", ")}.` })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  cursor: zCursor(1).optional(),
  limit: z.coerce
    .number({ error: "limit doit être un nombre entier." })
    .int("limit doit être un nombre entier.")
    .min(1, `limit doit être compris entre 1 et ${ZONE_ADDRESSES_LIMIT_MAX}.`)
    .max(ZONE_ADDRESSES_LIMIT_MAX, `limit doit être compris entre 1 et ${ZONE_ADDRESSES_LIMIT_MAX}.`)
    .default(50),
});

export type TZoneAddressesQuery = z.infer<typeof ZZoneAddressesQuery>;
