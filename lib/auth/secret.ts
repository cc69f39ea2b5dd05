import "server-only";
/**
 * The key that signs admin session tokens and alert links: NEXTAUTH_SECRET, or else (SQLite only) a
 * random key generated once and kept in data/.nextauth-secret (readable by its owner only), so that
 * a fresh install or the demo works without configuration. On PostgreSQL NEXTAUTH_SECRET is
 * required: several servers and workers must share it (lib/auth/secret-policy.ts says why).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { missingSharedSecret } from "@/lib/auth/secret-policy";
import { env, EnvError } from "@/lib/env";

const SECRET_FILE = path.resolve("data", ".nextauth-secret");
let cached: string | undefined;

export function authSecret(): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  if (cached) return cached;
  const missing = missingSharedSecret(env);
  if (missing) throw new EnvError(missing);
  try {
    cached = fs.readFileSync(SECRET_FILE, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
    const generated = crypto.randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(SECRET_FILE, generated, { mode: 0o600, flag: "wx" });
      cached = generated;
    } catch {
      // Another process wrote it first: use theirs.
      cached = fs.readFileSync(SECRET_FILE, "utf8").trim();
    }
  }
  return cached;
}
