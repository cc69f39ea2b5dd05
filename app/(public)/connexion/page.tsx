import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentActor } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

export const metadata: Metadata = { title: "Connexion à l'espace collectivités", robots: { index: false } };

/** /connexion — sign-in of the admin area (collectivités, zone managers, RIP). */
export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; reset?: string }> }) {
  const { callbackUrl, reset } = await searchParams;
  const target = safeCallbackUrl(callbackUrl);
  if (await getCurrentActor()) redirect(target);
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-3xl font-bold">Espace collectivités</h1>
      <p className="text-muted">
        Collectivités, gestionnaires de zones d&apos;activités et réseaux d&apos;initiative publique : connectez-vous pour
        publier vos calendriers de déploiement et charger vos fichiers.
      </p>
      {reset === "1" ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-900">
          Votre mot de passe a été changé. Connectez-vous avec le nouveau.
        </p>
      ) : null}
      <SignInForm callbackUrl={target} />
      <p>
        <Link href="/mot-de-passe-oublie">Mot de passe oublié ?</Link>
      </p>
    </div>
  );
}
