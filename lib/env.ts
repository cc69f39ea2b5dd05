/**
 * The process environment, validated once with zod. Code reads `env.X`, never `process.env.X`.
 * Every variable is documented in .env.example.
 */
import { z } from "zod";
import { isSupportedDatabaseUrl } from "@/lib/db/provider";
import { parseCron } from "@/lib/sync/cron";
import { normaliseDepartement } from "@/lib/sync/departements";

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
  /**
   * PostgreSQL only: a streaming replica for public reads (search, public pages and API, exports,
   * widget); writes, the admin and signed-in users stay on DATABASE_URL (lib/db/read-replica.ts).
   */
  DATABASE_READ_URL: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .trim()
      .refine((value) => /^postgres(ql)?:\/\//.test(value), { message: "must be a postgresql:// URL (a PostgreSQL streaming replica)" })
      .optional(),
  ),
  /** Public reads leave a replica that lags more than this (measured every 2 s) for the primary, until it catches up. */
  DATABASE_READ_MAX_LAG_SECONDS: z.preprocess(emptyAsUnset, z.coerce.number().min(0).default(10)),
  /** After the replica could not be reached, its reads go to the primary for this long before it is tried again. */
  DATABASE_READ_RETRY_SECONDS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).default(15)),
  /** Requests per client (IP) and window to the public API; 0 turns the limit off. */
  API_RATE_LIMIT: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).default(300)),
  /** Length of the rate-limit window, in seconds. */
  API_RATE_LIMIT_WINDOW: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(86_400).default(60)),
  /**
   * Lines per client and window sent to the batch check (POST /api/v1/eligibility/csv); the upload
   * itself counts as one API request. Default: two full files (100,000 lines) an hour. 0: no budget.
   */
  API_BATCH_LINES: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).default(200_000)),
  /** Length of the batch lines' window, in seconds. */
  API_BATCH_WINDOW: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(86_400).default(3600)),
  /**
   * Reverse proxies in front of the servers that append the client's address to X-Forwarded-For
   * (nginx: proxy_add_x_forwarded_for): 0 = none, the client is the socket's address.
   */
  TRUST_PROXY: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).max(10).default(0)),
  /** Strict-Transport-Security max-age (seconds) sent on HTTPS answers; 0 = none. */
  HSTS_MAX_AGE: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).max(63_072_000).default(0)),
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
  /** Folder of the exports per département the worker prepares (availability-dep-01.csv…). */
  EXPORTS_DIR: z.preprocess(emptyAsUnset, z.string().trim().default("./data/exports")),
  /** `npm run worker`: minutes between two looks at which département exports to prepare again. */
  EXPORT_PREPARE_MINUTES: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(1440).default(10)),
  /** A département's export is prepared again after this many hours even without a logged change (address imports). */
  EXPORT_MAX_AGE_HOURS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(720).default(24)),
  /**
   * Folder where uploaded files wait to be checked and applied: with several machines, a folder
   * they all mount (NFS…), since the worker that claims a job reads the file another server took.
   */
  UPLOAD_DIR: z.preprocess(emptyAsUnset, z.string().trim().default("./data/uploads")),
  /**
   * Who runs the admin uploads' check and apply: spawn (the web server that took the upload starts a
   * one-off process for it: one machine, no worker needed) or worker (the jobs wait in the database
   * for `npm run worker`: several servers).
   */
  IMPORT_RUNNER: z.preprocess(emptyAsUnset, z.enum(["spawn", "worker"]).default("spawn")),
  /** A running import job's claim lasts this long without a heartbeat (sent every quarter of it); past it, its worker is taken as dead. */
  IMPORT_LEASE_SECONDS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(4).max(3600).default(60)),
  /** When the worker runs data:sync: a 5-field cron expression in UTC ("30 3 * * *"); unset: never. */
  DATA_SYNC_CRON: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .trim()
      .superRefine((value, context) => {
        try {
          parseCron(value);
        } catch (error) {
          context.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
        }
      })
      .optional(),
  ),
  /** The départements the scheduled data:sync follows: "01,69,2A". */
  DATA_SYNC_DEPARTEMENTS: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .default("")
      .transform((value, context) => {
        const codes = value.split(/[\s,;]+/).filter(Boolean);
        const normalised = codes.map(normaliseDepartement);
        const wrong = codes.filter((_, index) => !normalised[index]);
        if (wrong.length) context.addIssue({ code: "custom", message: `not a département code: ${wrong.join(", ")}` });
        return [...new Set(normalised.filter((code): code is string => !!code))];
      }),
  ),
  /** Base URL (scheme, host, optional path) that replaces the official hosts in data:sync. */
  DATA_SYNC_MIRROR: z.preprocess(emptyAsUnset, z.url().optional()),
  /** Where data:sync keeps the files it downloads (the last of each, and partial downloads). */
  DATA_SYNC_DIR: z.preprocess(emptyAsUnset, z.string().trim().default("./data/sync")),
  /** Largest official file data:sync downloads, in megabytes (compressed size). */
  DATA_SYNC_MAX_MB: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).default(4096)),
  /** Largest file the admin accepts, in megabytes. */
  UPLOAD_MAX_MB: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).default(1024)),
  /**
   * SQLite only: how long a write waits for the database's write lock (an import holds it for its
   * whole run) before failing with a French message; the wait never blocks other requests.
   */
  SQLITE_WRITE_WAIT_MS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).max(600_000).default(5_000)),
  /** SQLite only: /api/health answers 503 once the write lock has been taken this long (an import holds it while it runs). */
  HEALTH_WRITE_LOCK_MAX_SECONDS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).default(600)),
  /** Port of `npm run start` (scripts/server.ts); `-p` wins. */
  PORT: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(65_535).default(3000)),
  /** Least severe level of the server's JSON log lines (pino): trace, debug, info, warn, error, fatal, silent. */
  LOG_LEVEL: z.preprocess(emptyAsUnset, z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info")),
  /** Bearer token of GET /api/metrics (16 characters or more); unset: the endpoint answers 404. */
  METRICS_TOKEN: z.preprocess(emptyAsUnset, z.string().min(16).optional()),
  /** On SIGTERM the server finishes its requests in flight for at most this long, then closes their connections. */
  SHUTDOWN_TIMEOUT_SECONDS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(3600).default(30)),
  /** CPU priority (nice, 0–19) of imports (command line and admin uploads): above 0 they yield the CPU to the web server. */
  IMPORT_NICE: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).max(19).default(10)),
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
}).superRefine((value, context) => {
  if (value.DATABASE_READ_URL && !/^postgres(ql)?:\/\//.test(value.DATABASE_URL)) {
    context.addIssue({
      code: "custom",
      path: ["DATABASE_READ_URL"],
      message: "a read replica needs PostgreSQL: DATABASE_URL is SQLite (unset DATABASE_READ_URL, or move DATABASE_URL to postgresql://)",
    });
  }
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
