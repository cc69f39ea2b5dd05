/**
 * The servers the browser tests run against — one per database — shared by playwright.config.ts
 * and the fixtures (which create their accounts in the same database through the CLI).
 */
export interface E2eServer {
  name: "sqlite" | "postgresql";
  port: number;
  databaseUrl: string;
  /** Where this server writes its mails (no SMTP in tests). */
  outboxDir: string;
}

/** The servers' NEXTAUTH_SECRET, which also signs the links of alert mails: the e2e worker needs it too. */
export const E2E_NEXTAUTH_SECRET = "e2e-only-secret-not-for-production";

const SQLITE_URL = process.env.E2E_SQLITE_DATABASE_URL ?? "file:./data/e2e.db";
const POSTGRES_URL = process.env.E2E_PG_DATABASE_URL;
/** First port of the servers (the next one for PostgreSQL): several checkouts can test side by side. */
const PORT = Number(process.env.E2E_PORT ?? 3100);

export const servers: E2eServer[] = [{ name: "sqlite", port: PORT, databaseUrl: SQLITE_URL, outboxDir: "data/e2e-outbox/sqlite" }];
if (POSTGRES_URL) servers.push({ name: "postgresql", port: PORT + 1, databaseUrl: POSTGRES_URL, outboxDir: "data/e2e-outbox/postgresql" });

export function serverNamed(name: string): E2eServer {
  const server = servers.find((candidate) => candidate.name === name);
  if (!server) throw new Error(`no e2e server named ${name}`);
  return server;
}
