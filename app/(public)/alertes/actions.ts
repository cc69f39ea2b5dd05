"use server";
/**
 * "Me prévenir" (address and zone pages), the confirmation button and the undo button of the
 * unsubscribe page. Anti-abuse: honeypot, 10 requests per IP and hour, one confirmation mail per
 * email and place per 10 minutes and 5 per email and day; the answer is the same whether the
 * email was already subscribed or not.
 */
import { headers } from "next/headers";
import { after } from "next/server";
import { formRateLimiter } from "@/lib/api/rate-limit";
import { clientBucket } from "@/lib/http/client-ip";
import { confirmSubscription, subscribeToAlerts, undoUnsubscribe, type LinkOutcome } from "@/lib/data/alerts";
import { toAppError } from "@/lib/errors";
import { formatMinutes } from "@/lib/format";
import { sendMail } from "@/lib/mail/mailer";
import { deliverMailNow } from "@/lib/mail/outbox";
import { publicOrigin } from "@/lib/request-origin";
import { ZAlertForm, ZAlertLink } from "@/lib/validation/alerts";

const REQUESTS_PER_HOUR = 10;

export interface AlertFormState {
  error?: string;
  /** The email the confirmation link was sent to. */
  sentTo?: string;
  values?: { email?: string };
  nonce?: number;
}

export async function subscribeAlert(_previous: AlertFormState, formData: FormData): Promise<AlertFormState> {
  const email = String(formData.get("email") ?? "");
  const parsed = ZAlertForm.safeParse({ targetType: formData.get("targetType"), targetId: formData.get("targetId"), email });
  // Bots fill the hidden field: they are told it worked; nothing is stored or sent.
  if (formData.get("website")) return { sentTo: email.trim(), nonce: Date.now() };
  const limit = await formRateLimiter("alerts", REQUESTS_PER_HOUR, 3600).check(clientBucket(await headers()));
  if (limit?.isLimited) {
    return { error: `Trop de demandes d'alerte depuis votre connexion. Réessayez dans ${formatMinutes(limit.reset)}.`, values: { email }, nonce: Date.now() };
  }
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Adresse e-mail invalide.", values: { email }, nonce: Date.now() };
  try {
    const result = await subscribeToAlerts(parsed.data, await publicOrigin());
    // Out at once when possible; the worker retries otherwise.
    if (result.outboxId) {
      const outboxId = result.outboxId;
      after(() => deliverMailNow(outboxId, { send: sendMail }).catch((error: unknown) => console.error(`alert confirmation ${outboxId}:`, error instanceof Error ? error.message : error)));
    }
    return { sentTo: parsed.data.email, nonce: Date.now() };
  } catch (error) {
    return { error: toAppError(error).message, values: { email }, nonce: Date.now() };
  }
}

/** The fields of a mail's link, carried by the page's hidden inputs. */
function linkOf(formData: FormData) {
  const field = (name: string) => (typeof formData.get(name) === "string" && formData.get(name) !== "" ? String(formData.get(name)) : undefined);
  return ZAlertLink.safeParse({ id: field("id"), e: field("e"), tout: field("tout"), t: field("t") });
}

async function answer(work: () => Promise<LinkOutcome>): Promise<LinkOutcome> {
  try {
    return await work();
  } catch (error) {
    console.error("alert link:", error instanceof Error ? error.message : error);
    return { state: "error" };
  }
}

export async function confirmAlertAction(_previous: LinkOutcome | null, formData: FormData): Promise<LinkOutcome> {
  const link = linkOf(formData);
  if (!link.success || !("id" in link.data)) return { state: "invalid" };
  const { id, t } = link.data;
  return answer(() => confirmSubscription(id, t));
}

export async function undoUnsubscribeAction(_previous: LinkOutcome | null, formData: FormData): Promise<LinkOutcome> {
  const link = linkOf(formData);
  const at = new Date(String(formData.get("at") ?? ""));
  if (!link.success || Number.isNaN(at.getTime())) return { state: "invalid" };
  return answer(() => undoUnsubscribe(link.data, at));
}
