"use server";
/**
 * The public field report form. Anti-spam: a honeypot field (bots fill it; they are told it
 * worked and nothing is stored), size limits (zod), 5 reports per IP and hour.
 */
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { formRateLimiter } from "@/lib/api/rate-limit";
import { clientBucket } from "@/lib/http/client-ip";
import { createFieldReport } from "@/lib/data/field-reports";
import { toAppError } from "@/lib/errors";
import { formatMinutes } from "@/lib/format";
import { ZFieldReportForm } from "@/lib/validation/field-reports";

const REPORTS_PER_HOUR = 5;

export interface FieldReportState {
  errors?: Record<string, string>;
  message?: string;
  values?: Record<string, string>;
  nonce?: number;
}

export async function submitFieldReport(_previous: FieldReportState, formData: FormData): Promise<FieldReportState> {
  const values = Object.fromEntries([...formData.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string" && !entry[0].startsWith("$ACTION")));
  const addressId = values.addressId ?? "";
  const done = `/adresse/${encodeURIComponent(addressId)}?signalement=1`;
  if (values.website) redirect(done);
  const limit = await formRateLimiter("field-reports", REPORTS_PER_HOUR, 3600).check(clientBucket(await headers()));
  if (limit?.isLimited) {
    return { message: `Vous avez envoyé beaucoup de signalements en peu de temps. Réessayez dans ${formatMinutes(limit.reset)}.`, values, nonce: Date.now() };
  }
  const parsed = ZFieldReportForm.safeParse(values);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
    return { errors, message: "Le formulaire contient des erreurs : corrigez les champs signalés.", values, nonce: Date.now() };
  }
  try {
    await createFieldReport(addressId, parsed.data);
  } catch (error) {
    return { message: toAppError(error).message, values, nonce: Date.now() };
  }
  redirect(done);
}
