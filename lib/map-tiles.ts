import "server-only";
import { env } from "@/lib/env";

/** The tile server, read at request time (a NEXT_PUBLIC_ variable would be frozen at build time). */
export function mapTiles(): { url: string; attribution: string } {
  return { url: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION };
}
