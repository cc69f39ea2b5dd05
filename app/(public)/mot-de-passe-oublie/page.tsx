import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export const metadata: Metadata = { title: "Mot de passe oublié", robots: { index: false } };

/** /mot-de-passe-oublie — asks for a one-time link by e-mail to choose a new password. */
export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-3xl font-bold">Mot de passe oublié</h1>
      <p className="text-muted">
        Indiquez l&apos;adresse e-mail de votre compte de l&apos;espace collectivités : vous recevrez un lien pour choisir
        un nouveau mot de passe.
      </p>
      <ForgotPasswordForm />
      <p>
        <Link href="/connexion">Retour à la connexion</Link>
      </p>
    </div>
  );
}
