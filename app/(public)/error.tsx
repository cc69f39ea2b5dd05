"use client";
import Link from "next/link";
/** Any unexpected failure of a public page: a French message, never a stack trace. */
export default function PublicError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">Un problème est survenu</h1>
      <p className="max-w-prose">
        La page n&apos;a pas pu être affichée. Réessayez dans un instant ; si le problème continue, revenez à
        l&apos;accueil.
      </p>
      <div className="flex gap-4">
        <button type="button" onClick={reset} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">
          Réessayer
        </button>
        <Link href="/" className="px-2 py-2">
          Retour à l&apos;accueil
        </Link>
      </div>
    </div>
  );
}
