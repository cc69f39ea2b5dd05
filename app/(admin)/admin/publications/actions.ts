"use server";
/**
 * Publication form actions. Each one re-checks the session, the organisation and the territory
 * (in lib/data/publications.ts), whatever the page showed: a crafted POST is refused like any other.
 */
import { revalidatePath } from "next/cache";
import { forbidden, redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { deleteDraft, describePublication, getPublication, savePublication, withdrawPublication } from "@/lib/data/publications";
import { AppError, toAppError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { publicationFormInput, ZPublicationForm } from "@/lib/validation/publications";

export interface ConflictView {
  version: number;
  summary: string;
  message: string | null;
  operators: string[];
  updatedBy: string | null;
  updatedAt: string;
}

export interface PublicationFormState {
  errors?: Record<string, string>;
  message?: string;
  /** The version saved by someone else meanwhile, shown beside the user's own input. */
  conflict?: ConflictView;
  /** What the user typed, given back so that nothing is lost. */
  values?: Record<string, string | string[]>;
  /** Changes on every answer: the form remounts with `values` as its defaults. */
  nonce?: number;
}

function rawValues(formData: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION")) continue;
    if (key === "operatorCodes") values[key] = [...((values[key] as string[] | undefined) ?? []), value];
    else values[key] = value;
  }
  return values;
}

async function conflictView(id: string): Promise<ConflictView | undefined> {
  const current = await getPublication(id);
  if (!current) return undefined;
  return {
    version: current.version,
    summary: describePublication(current),
    message: current.message,
    operators: JSON.parse(current.operatorCodes) as string[],
    updatedBy: current.updatedByName,
    updatedAt: `${formatDate(current.updatedAt)} à ${current.updatedAt.toISOString().slice(11, 16)} UTC`,
  };
}

/** A refusal of rights answers 403 (app/forbidden.tsx); other errors come back to the form. */
function failure(error: unknown, values: Record<string, string | string[]>): PublicationFormState {
  const appError = toAppError(error);
  if (appError.code === "forbidden") forbidden();
  const errors = Object.fromEntries(appError.invalidParams.map((param) => [param.name, param.reason]));
  return { message: appError.message, errors, values, nonce: Date.now() };
}

export async function savePublicationAction(_previous: PublicationFormState, formData: FormData): Promise<PublicationFormState> {
  const values = rawValues(formData);
  let result;
  try {
    const actor = await requireActor();
    const id = typeof values.id === "string" && values.id ? values.id : undefined;
    const expectedVersion = Number(values.version);
    const intent = values.intent === "publish" ? "publish" : "draft";
    const parsed = ZPublicationForm.safeParse(publicationFormInput(formData));
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
      return { errors, message: "Le formulaire contient des erreurs : corrigez les champs signalés.", values, nonce: Date.now() };
    }
    try {
      result = await savePublication(actor, parsed.data, { id, expectedVersion, intent });
    } catch (error) {
      if (error instanceof AppError && error.code === "conflict" && id) {
        return { message: error.message, conflict: await conflictView(id), values, nonce: Date.now() };
      }
      throw error;
    }
  } catch (error) {
    return failure(error, values);
  }
  revalidatePath("/admin/publications");
  redirect(`/admin/publications/${result.id}?${result.state === "PUBLISHED" && values.intent === "publish" ? "publiee" : "enregistree"}=1`);
}

export interface SimpleActionState {
  message?: string;
}

function refusal(error: unknown): SimpleActionState {
  const appError = toAppError(error);
  if (appError.code === "forbidden") forbidden();
  return { message: appError.message };
}

export async function withdrawPublicationAction(_previous: SimpleActionState, formData: FormData): Promise<SimpleActionState> {
  const id = String(formData.get("id") ?? "");
  try {
    const actor = await requireActor();
    await withdrawPublication(actor, id, Number(formData.get("version")));
  } catch (error) {
    return refusal(error);
  }
  revalidatePath("/admin/publications");
  redirect(`/admin/publications/${id}?retiree=1`);
}

export async function deleteDraftAction(_previous: SimpleActionState, formData: FormData): Promise<SimpleActionState> {
  try {
    const actor = await requireActor();
    await deleteDraft(actor, String(formData.get("id") ?? ""), Number(formData.get("version")));
  } catch (error) {
    return refusal(error);
  }
  revalidatePath("/admin/publications");
  redirect("/admin/publications?supprimee=1");
}
