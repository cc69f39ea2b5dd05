import "server-only";
/**
 * The links in alert mails carry a subscription id and an HMAC of it, keyed by the site's secret
 * (lib/auth/secret.ts): nothing to store, nothing to guess, and a confirm link cannot be turned
 * into an unsubscribe-all link. Servers and workers must share NEXTAUTH_SECRET (or the data folder).
 */
import crypto from "node:crypto";
import { authSecret } from "@/lib/auth/secret";

export type AlertLinkPurpose = "confirm" | "unsubscribe" | "unsubscribe-all";

export function alertToken(purpose: AlertLinkPurpose, subscriptionId: string): string {
  return crypto.createHmac("sha256", authSecret()).update(`alert:${purpose}:${subscriptionId}`).digest("base64url").slice(0, 32);
}

export function isValidAlertToken(purpose: AlertLinkPurpose, subscriptionId: string, token: string): boolean {
  const expected = Buffer.from(alertToken(purpose, subscriptionId));
  const given = Buffer.from(token);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/** The links of one subscription, absolute on the site it was made on. */
export function alertLinks(subscription: { id: string; origin: string }) {
  const base = subscription.origin.replace(/\/$/, "");
  const query = (purpose: AlertLinkPurpose) => `id=${encodeURIComponent(subscription.id)}&t=${alertToken(purpose, subscription.id)}`;
  return {
    confirm: `${base}/alertes/confirmer?${query("confirm")}`,
    unsubscribe: `${base}/alertes/desabonner?${query("unsubscribe")}`,
    unsubscribeAll: `${base}/alertes/desabonner?tout=1&${query("unsubscribe-all")}`,
    /** RFC 8058 one-click unsubscription (mail clients POST to it). */
    oneClick: `${base}/api/alerts/unsubscribe?tout=1&${query("unsubscribe-all")}`,
  };
}
