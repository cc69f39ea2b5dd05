/**
 * What a server action returns to its form (useActionState): field errors, a French message
 * for the whole form, or a success notice. Thrown AppErrors become their message; anything else
 * a generic sentence that reveals nothing.
 */
import { toAppError } from "@/lib/errors";

export interface FormState {
  errors?: Record<string, string>;
  /** An error about the whole form. */
  message?: string;
  /** A success notice. */
  notice?: string;
}

export function failedState(error: unknown): FormState {
  const appError = toAppError(error);
  if (appError.code === "internal") console.error(error);
  return { message: appError.message };
}
