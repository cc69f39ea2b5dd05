import Link from "next/link";

export const metadata = { title: "Accès refusé" };

/** 403 — rendered by forbidden(): the page exists but this account may not see or change it. */
export default function Forbidden() {
  return (
    <main id="contenu" className="mx-auto w-full max-w-3xl flex-1 space-y-6 px-4 py-12 sm:px-6">
      <h1 className="text-3xl font-bold">Accès refusé</h1>
      <p className="max-w-prose">
        Votre compte n&apos;a pas les droits sur cette page : elle concerne une autre organisation ou un autre
        territoire que le vôtre. Si vous pensez que c&apos;est une erreur, contactez l&apos;administrateur de votre
        organisation.
      </p>
      <p>
        <Link href="/admin">Retour au tableau de bord</Link>
      </p>
    </main>
  );
}
