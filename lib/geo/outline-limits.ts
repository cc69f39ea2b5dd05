/**
 * How large a zone outline may be, whichever way it comes in (the admin form and its GeoJSON file,
 * an uploaded or command-line `zones` import): 20,000 points — real zones of the CNIG site_eco
 * files and IGN BD TOPO have from a few dozen to a few thousand — and 2 MB of GeoJSON text.
 * Pages and the map show a simplified copy (lib/geo/outline-display.ts).
 */
export const OUTLINE_POINTS_MAX = 20_000;
export const OUTLINE_BYTES_MAX = 2_000_000;

const number = (value: number) => value.toLocaleString("fr-FR");

/** Why an outline of this size is refused (French, for forms and import reports), or null. */
export function outlineSizeProblem(size: { points?: number; bytes?: number }): string | null {
  if (size.points !== undefined && size.points > OUTLINE_POINTS_MAX) {
    return `contour trop détaillé : ${number(size.points)} points (${number(OUTLINE_POINTS_MAX)} au plus)`;
  }
  if (size.bytes !== undefined && size.bytes > OUTLINE_BYTES_MAX) {
    return `contour trop volumineux : ${number(Math.ceil(size.bytes / 1000))} ko de GeoJSON (${number(OUTLINE_BYTES_MAX / 1000)} ko au plus)`;
  }
  return null;
}
