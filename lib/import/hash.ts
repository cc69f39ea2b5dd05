import crypto from "node:crypto";

/** A short, stable fingerprint of the imported fields of a row. */
export function contentHash(fields: readonly unknown[]): string {
  return crypto.hash("sha1", JSON.stringify(fields), "base64url").slice(0, 22);
}
