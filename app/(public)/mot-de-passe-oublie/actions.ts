"use server";
import { headers } from "next/headers";
import { after } from "next/server";
import { failedState, type FormState } from "@/lib/admin/form-state";
import { lockedForMinutes, recordFailure, resetRequestKeys } from "@/lib/auth/throttle";
import { requestPasswordReset } from "@/lib/data/password-tokens";
import { sendMail } from "@/lib/mail/mailer";
import { passwordResetMail } from "@/lib/mail/templates";
import { clientBucket } from "@/lib/http/client-ip";
import { publicOrigin } from "@/lib/request-origin";
import { ZForgotPassword, fieldErrors } from "@/lib/validation/accounts";

const NEUTRAL_ANSWER =
  "Si un compte actif correspond à cette adresse, un e-mail vient de lui être envoyé avec un lien pour choisir un nouveau mot de passe. Ce lien est valable une heure. Pensez à regarder dans vos courriers indésirables.";

/** Same answer whether the account exists or not; limited per address and per IP. */
export async function requestPasswordResetAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = ZForgotPassword.safeParse({ email: formData.get("email") ?? "" });
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  try {
    const keys = resetRequestKeys(parsed.data.email, clientBucket(await headers()));
    const minutes = await lockedForMinutes(keys);
    if (minutes > 0) {
      return {
        message: `Trop de demandes de réinitialisation pour cette adresse ou depuis votre connexion. Par sécurité, réessayez dans ${minutes} minute${minutes > 1 ? "s" : ""}.`,
      };
    }
    await recordFailure(keys);
    const request = await requestPasswordReset(parsed.data.email);
    if (request) {
      const url = `${await publicOrigin()}/reinitialiser?token=${encodeURIComponent(request.token)}`;
      // After the answer, so that the time taken says nothing about the account.
      after(() => sendMail(passwordResetMail(request.email, url)).catch((error: unknown) => console.error("password reset mail", error)));
    }
    return { notice: NEUTRAL_ANSWER };
  } catch (error) {
    return failedState(error);
  }
}
