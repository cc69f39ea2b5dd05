/**
 * Opaque page cursors for every paginated endpoint: base64url of a small JSON array, the sort key
 * of the last item of the page (e.g. ["01053_SITE-ECO_00001"], or [changedAt, id] for a feed
 * ordered by two columns). Clients pass `nextCursor` back untouched; anything that does not decode
 * to a key of the expected shape is refused with 400 (never read as "end of the list").
 *
 *   cursor: zCursor(1).optional()       // in the query schema → ["<id>"] | undefined
 *   nextCursor: encodeCursor([last.id]) // in the data function
 */
import { z } from "zod";

export type CursorKey = readonly (string | number)[];

const CURSOR_PATTERN = /^[A-Za-z0-9_-]{1,400}$/;
export const INVALID_CURSOR_MESSAGE = "cursor invalide : passez la valeur nextCursor de la page précédente, telle quelle.";

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

/** The key this cursor carries, or null when it is not one of ours with `arity` parts. */
export function decodeCursor(cursor: string, arity: number): (string | number)[] | null {
  if (!CURSOR_PATTERN.test(cursor)) return null;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(key) || key.length !== arity) return null;
  const isPart = (part: unknown) => (typeof part === "string" && part.length > 0 && part.length <= 200) || (typeof part === "number" && Number.isFinite(part));
  return key.every(isPart) ? (key as (string | number)[]) : null;
}

/** A query parameter holding a cursor: its documented pattern, decoded to the key (400 when it does not decode). */
export function zCursor(arity: number) {
  return z
    .string()
    .regex(CURSOR_PATTERN, INVALID_CURSOR_MESSAGE)
    .transform((cursor, context) => {
      const key = decodeCursor(cursor, arity);
      if (!key) {
        context.addIssue({ code: "custom", message: INVALID_CURSOR_MESSAGE });
        return z.NEVER;
      }
      return key;
    })
    .meta({ description: "Curseur opaque : la valeur nextCursor de la page précédente" });
}
