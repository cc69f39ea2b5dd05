import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { INVALID_TOKEN_MESSAGE, checkPasswordToken } from "@/lib/data/password-tokens";

export const metadata: Metadata = { title: "Choisir un mot de passe", robots: { index: false }, referrer: "no-referrer" };

/** /reinitialiser?token=… — the page of a one-time link (password reset or invitation). */
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token : "";
  const check = await checkPasswordToken(value);
  if (!check.isValid) {
    return (
      <div className="mx-auto max-w-md space-y-6">
        <h1 className="text-3xl font-bold">Lien expiré ou déjà utilisé</h1>
        <p>{INVALID_TOKEN_MESSAGE}</p>
        <p>
          Un lien de réinitialisation est valable une heure, un lien d&apos;invitation 72 heures, et chacun ne sert
          qu&apos;une fois. Demandez-en un nouveau : il vous sera envoyé par e-mail.
        </p>
        <p>
          <Link href="/mot-de-passe-oublie" className="button-primary no-underline">
            Demander un nouveau lien
          </Link>
        </p>
      </div>
    );
  }
  const isInvitation = check.kind === "invitation";
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-3xl font-bold">{isInvitation ? "Bienvenue : choisissez votre mot de passe" : "Choisir un nouveau mot de passe"}</h1>
      <p className="text-muted">
        Compte : <strong className="text-ink">{check.email}</strong>.{" "}
        {isInvitation
          ? "Ce mot de passe vous servira à vous connecter à l'espace collectivités."
          : "Vos sessions ouvertes ailleurs seront fermées."}
      </p>
      <ResetPasswordForm token={value} email={check.email} submitLabel={isInvitation ? "Créer mon mot de passe" : "Changer mon mot de passe"} />
    </div>
  );
}
