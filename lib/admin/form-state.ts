/**
 * What a server action returns to its form (useActionState): field errors, a French message
 * for the whole form, or a success notice. Thrown AppErrors become their message (a "forbidden" one
 * answers 403 instead); anything else
 * a generic sentence that reveals nothing.
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
  return { message: appError.message };
}
