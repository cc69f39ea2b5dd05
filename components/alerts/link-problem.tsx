import Link from "next/link";

/** A confirm or unsubscribe link that is wrong (cut when copied) or whose subscription no longer exists. */
export function LinkProblem({ gone }: { gone: boolean }) {
  return (
    <div role="alert" className="space-y-2 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-900">
      {gone ? (
        <p>
          Cette alerte n&apos;existe plus : elle a été supprimée (non confirmée dans les 7 jours, désabonnée depuis plus de 30 jours, ou
          effacée à votre demande). Vous ne recevrez pas d&apos;e-mail pour elle.
        </p>
      ) : (
        <p>
          Ce lien n&apos;est pas valable. Vérifiez qu&apos;il a été copié en entier depuis l&apos;e-mail, ou demandez une nouvelle alerte
          depuis la page de l&apos;adresse ou de la zone.
        </p>
      )}
      <p>
        <Link href="/">Revenir à l&apos;accueil</Link>
      </p>
    </div>
  );
}
