import crypto from "node:crypto";

/** A short, stable fingerprint of the imported fields of a row. */
export function contentHash(fields: readonly unknown[]): string {
  return crypto.createHash("sha1").update(JSON.stringify(fields)).digest("base64url").slice(0, 22);
}
