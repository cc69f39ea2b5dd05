/** RFC 9457 problem details, the only error shape of the public API. */
import { AppError, toAppError, type ErrorCode, type InvalidParam } from "@/lib/errors";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

const TITLES: Readonly<Record<ErrorCode, string>> = {
  bad_request: "Requête invalide",
  unauthorized: "Authentification requise",
  forbidden: "Accès refusé",
  not_found: "Ressource introuvable",
  method_not_allowed: "Méthode non autorisée",
  conflict: "Conflit",
  payload_too_large: "Contenu trop volumineux",
  rate_limited: "Trop de requêtes",
  internal: "Erreur interne",
  unavailable: "Service indisponible",
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  invalid_params?: InvalidParam[];
}

/** The anchor of the /api page that explains a problem type ("erreur-bad-request"). */
export function problemAnchor(code: ErrorCode): string {
  return `erreur-${code.replace(/_/g, "-")}`;
}

/** Every problem type is a section of the /api page, as a URI reference resolved against the answer's URL. */
export function problemType(code: ErrorCode): string {
  return `/api#${problemAnchor(code)}`;
}

export function toProblem(error: AppError): Problem {
  return {
    type: problemType(error.code),
    title: TITLES[error.code],
    status: error.status,
    detail: error.message,
    ...(error.invalidParams.length ? { invalid_params: error.invalidParams } : {}),
  };
}

/** The response for any thrown value; internals are logged on the server, never echoed. */
export function problemResponse(thrown: unknown, headers?: Record<string, string>): Response {
  const error = toAppError(thrown);
  if (error.code === "internal") console.error(thrown);
  return Response.json(toProblem(error), {
    status: error.status,
    headers: { "Content-Type": PROBLEM_CONTENT_TYPE, "Cache-Control": "no-store", ...headers },
  });
}
