/**
 * The one error model. Code throws `new AppError("not_found", "Adresse inconnue")`; the API turns
 * it into problem+json (lib/api/problem.ts) and pages into their French error views. Messages
 * are French: they reach users.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface InvalidParam {
  name: string;
  reason: string;
}

/**
 * Marks AppErrors across copies of this module: Next bundles server actions, pages and route
 * handlers apart, each with its own copy, while the database client is shared through globalThis —
 * an AppError it throws (the database busy) is not `instanceof` the AppError of an action's copy.
 */
const APP_ERROR = Symbol.for("fibre-pro.app-error");

export class AppError extends Error {
  override name = "AppError";
  readonly [APP_ERROR] = true;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly invalidParams: InvalidParam[] = [],
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Prisma's known request errors, matched by code, never by message text. */
const PRISMA_ERRORS: Readonly<Record<string, { code: ErrorCode; message: string }>> = {
  P2002: { code: "conflict", message: "Cet élément existe déjà." },
  P2025: { code: "not_found", message: "Élément introuvable." },
};

/** A unique constraint refused the write (Prisma P2002): someone else wrote the same key first. */
export const isUniqueViolation = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === "P2002";

function isForeignAppError(error: unknown): error is AppError {
  const candidate = error as (Record<symbol, unknown> & { code?: unknown }) | null;
  return typeof candidate === "object" && candidate !== null && candidate[APP_ERROR] === true && typeof candidate.code === "string" && candidate.code in ERROR_STATUS;
}

/** Any thrown value as an AppError; unknown errors become a bare `internal` with no details. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isForeignAppError(error)) return new AppError(error.code, error.message, error.invalidParams);
  const prismaCode = (error as { code?: unknown } | null)?.code;
  if (typeof prismaCode === "string" && PRISMA_ERRORS[prismaCode]) {
    const known = PRISMA_ERRORS[prismaCode];
    return new AppError(known.code, known.message);
  }
  return new AppError("internal", "Une erreur interne est survenue. Réessayez dans un instant.");
}
