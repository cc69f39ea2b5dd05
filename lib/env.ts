/**
 * The process environment, validated once with zod. Code reads `env.X`, never `process.env.X`.
 * Every variable is documented in .env.example.
 */
import { z } from "zod";
import { isSupportedDatabaseUrl } from "@/lib/db/provider";

const emptyAsUnset = (value: unknown) => (value === "" ? undefined : value);

const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** 1 prints stack traces of command-line failures. */
  DEBUG: z.preprocess(emptyAsUnset, z.enum(["0", "1"]).default("0")).transform((value) => value === "1"),
  DATABASE_URL: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .trim()
      .default("file:./data/fibre-pro.db")
      .refine(isSupportedDatabaseUrl, {
        message:
          "must start with file: (SQLite, e.g. file:./data/fibre-pro.db) or postgresql:// (PostgreSQL)",
      }),
  ),
  /** Requests per client (IP) and window to the public API; 0 turns the limit off. */
  API_RATE_LIMIT: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).default(300)),
  /** Length of the rate-limit window, in seconds. */
  API_RATE_LIMIT_WINDOW: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(86_400).default(60)),
  /** memory: per server process; database: shared by every server on the same database. */
  API_RATE_LIMIT_STORE: z.preprocess(emptyAsUnset, z.enum(["memory", "database"]).default("memory")),
  /** Signs the admin session tokens (next-auth). Required by `next start`; a fixed value in dev and tests. */
  NEXTAUTH_SECRET: z.preprocess(emptyAsUnset, z.string().min(16).optional()),
  /** The site's public URL ("https://fibre-pro.example"): links in mails (password reset). */
  NEXTAUTH_URL: z.preprocess(emptyAsUnset, z.url().optional()),
  /** SMTP server for mails (smtp://user:pass@host:587); unset: mails are written to MAIL_OUTBOX_DIR. */
  SMTP_URL: z.preprocess(emptyAsUnset, z.string().trim().optional()),
  /** Sender of the mails. */
  MAIL_FROM: z.preprocess(emptyAsUnset, z.string().trim().default("Fibre Pro <ne-pas-repondre@fibre-pro.local>")),
  /** Folder where mails land, one .eml file each, when SMTP_URL is unset. */
  MAIL_OUTBOX_DIR: z.preprocess(emptyAsUnset, z.string().trim().default("./data/outbox")),
  /** `npm run worker`: seconds between two looks at the mail outbox. */
  WORKER_POLL_SECONDS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(3600).default(5)),
  /** `npm run worker`: minutes between two checks of the followed addresses and zones (one digest per person per check at most). */
  ALERT_DIGEST_MINUTES: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(1440).default(5)),
  /** Folder where uploaded files wait to be checked and applied. */
  UPLOAD_DIR: z.preprocess(emptyAsUnset, z.string().trim().default("./data/uploads")),
  /** Largest file the admin accepts, in megabytes. */
  UPLOAD_MAX_MB: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).default(1024)),
  /** Map tiles ({z}/{x}/{y} template); OpenStreetMap's by default. Read at request time. */
  MAP_TILE_URL: z.preprocess(emptyAsUnset, z.string().trim().default("https://tile.openstreetmap.org/{z}/{x}/{y}.png")),
  MAP_TILE_ATTRIBUTION: z.preprocess(
    emptyAsUnset,
    z.string().trim().default('&copy; <a href="https://www.openstreetmap.org/copyright">les contributeurs d\'OpenStreetMap</a>'),
  ),
  /** Where people write about the site, its accessibility first (the accessibility statement gives it). */
  CONTACT_EMAIL: z.preprocess(
    (value) => emptyAsUnset(typeof value === "string" ? value.trim() : value),
    z.email({ message: "must be an e-mail address (contact@example.fr)" }).default("contact@fibre-pro.example"),
  ),
});

export type TEnv = z.infer<typeof ZEnv>;

export class EnvError extends Error {
  override name = "EnvError";
}

export function parseEnv(source: Record<string, string | undefined>): TEnv {
  const parsed = ZEnv.safeParse(source);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
  throw new EnvError(`Invalid environment (see .env.example):\n${problems.join("\n")}`);
}

export const env: TEnv = parseEnv(process.env);
