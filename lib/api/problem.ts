/** RFC 9457 problem details, the only error shape of the public API. */
import { AppError, toAppError, type ErrorCode, type InvalidParam } from "@/lib/errors";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

const TITLES: Readonly<Record<ErrorCode, string>> = {
  bad_request: "Requête invalide",
  unauthorized: "Authentification requise",
  forbidden: "Accès refusé",
  not_found: "Ressource introuvable",
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

export function toProblem(error: AppError): Problem {
  return {
    type: `https://fibre-pro.fr/problems/${error.code.replace(/_/g, "-")}`,
    title: TITLES[error.code],
    status: error.status,
    detail: error.message,
    ...(error.invalidParams.length ? { invalid_params: error.invalidParams } : {}),
  };
}

/** The response for any thrown value; internals are logged on the server, never echoed. */
export function problemResponse(thrown: unknown, headers?: HeadersInit): Response {
  const error = toAppError(thrown);
  if (error.code === "internal") console.error(thrown);
  return Response.json(toProblem(error), {
    status: error.status,
    headers: { "Content-Type": PROBLEM_CONTENT_TYPE, "Cache-Control": "no-store", ...headers },
  });
}
