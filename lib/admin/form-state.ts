/**
 * What a server action returns to its form (useActionState): field errors, a French message
 * for the whole form, or a success notice. Thrown AppErrors become their message and their
 * invalid params the fields' errors (a "forbidden" one answers 403 instead); anything else a
 * generic sentence that reveals nothing.
 */
import { forbidden } from "next/navigation";
import { toAppError } from "@/lib/errors";

export interface FormState {
  errors?: Record<string, string>;
  /** An error about the whole form. */
  message?: string;
  /** A success notice. */
  notice?: string;
}

/** A refusal of rights answers 403 (app/forbidden.tsx): a crafted request never gets further. */
export function failedState(error: unknown): FormState {
  const appError = toAppError(error);
  if (appError.code === "forbidden") forbidden();
  if (appError.code === "internal") console.error(error);
  if (appError.invalidParams.length === 0) return { message: appError.message };
  return { message: appError.message, errors: Object.fromEntries(appError.invalidParams.map((param) => [param.name, param.reason])) };
}
