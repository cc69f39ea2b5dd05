import "server-only";
/**
 * The links in alert mails carry a subscription id (or, to unsubscribe from everything, the email)
 * and an HMAC of it keyed by the site's secret (lib/auth/secret.ts): nothing to store, nothing to
 * guess, and a confirm link cannot be turned into an unsubscribe-all link. Servers and workers must
 * share NEXTAUTH_SECRET (or the data folder).
 *
 * Links start with NEXTAUTH_URL when set — always in production: the origin a visitor's request
 * names (its Host header) is only a fallback for the demo and development.
 */
import crypto from "node:crypto";
import { authSecret } from "@/lib/auth/secret";
import { env } from "@/lib/env";

export type AlertLinkPurpose = "confirm" | "unsubscribe" | "unsubscribe-all";

/** `subject`: the subscription id, or the email for "unsubscribe-all". */
export function alertToken(purpose: AlertLinkPurpose, subject: string): string {
  return crypto.createHmac("sha256", authSecret()).update(`alert:${purpose}:${subject}`).digest("base64url").slice(0, 32);
}

export function isValidAlertToken(purpose: AlertLinkPurpose, subject: string, token: string): boolean {
  const expected = Buffer.from(alertToken(purpose, subject));
  const given = Buffer.from(token);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/** The links of one subscription, absolute on the site's public URL (else the one it was made on). */
export function alertLinks(subscription: { id: string; email: string; origin: string }) {
  const base = (env.NEXTAUTH_URL ?? subscription.origin).replace(/\/$/, "");
  const query = (purpose: "confirm" | "unsubscribe") => `id=${encodeURIComponent(subscription.id)}&t=${alertToken(purpose, subscription.id)}`;
  const all = `tout=1&e=${encodeURIComponent(subscription.email)}&t=${alertToken("unsubscribe-all", subscription.email)}`;
  return {
    base,
    confirm: `${base}/alertes/confirmer?${query("confirm")}`,
    unsubscribe: `${base}/alertes/desabonner?${query("unsubscribe")}`,
    unsubscribeAll: `${base}/alertes/desabonner?${all}`,
    /** RFC 8058 one-click unsubscription (mail clients POST to it). */
    oneClick: `${base}/api/alerts/unsubscribe?${all}`,
  };
}
