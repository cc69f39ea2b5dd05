/**
 * Whether this process may sign without NEXTAUTH_SECRET. Without it, lib/auth/secret.ts generates a
 * key into data/.nextauth-secret: right for one machine (SQLite, the demo), wrong for several — each
 * machine would generate its own, so a session opened on one server is refused by the next, and the
 * alert links the worker signs fail on the web servers. On PostgreSQL (the several-servers layout)
 * the servers and the worker therefore refuse to start without NEXTAUTH_SECRET rather than keep a
 * generated key in the database: whoever reads the database (a backup, the replica, a support
 * extract) could then forge an administrator's session; a secret belongs to the configuration.
 * No server-only import: scripts/server.ts runs this before Next.js starts.
 */
import { databaseProvider } from "@/lib/db/provider";

export const MISSING_SECRET_MESSAGE =
  "NEXTAUTH_SECRET is required with PostgreSQL: every web server and worker must sign with the same key (set the same random value everywhere, e.g. the output of `openssl rand -base64 32`). The generated data/.nextauth-secret only serves one machine.";

/** The sentence to stop on, or null when this configuration may sign. */
export function missingSharedSecret(source: { DATABASE_URL: string; NEXTAUTH_SECRET?: string }): string | null {
  if (source.NEXTAUTH_SECRET) return null;
  return databaseProvider(source.DATABASE_URL) === "postgresql" ? MISSING_SECRET_MESSAGE : null;
}
