import type { Metadata } from "next";
import Link from "next/link";
import { confirmSubscription } from "@/lib/data/alerts";
import { ZAlertLink } from "@/lib/validation/alerts";
import { LinkProblem } from "@/components/alerts/link-problem";

export const metadata: Metadata = { title: "Confirmation de votre alerte", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** /alertes/confirmer?id=…&t=… — the link of the confirmation mail (double opt-in). */
export default async function ConfirmAlertPage({ searchParams }: Props) {
  const link = ZAlertLink.safeParse(await searchParams);
  const outcome = link.success ? await confirmSubscription(link.data.id, link.data.t) : ({ state: "invalid" } as const);
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold">Confirmation de votre alerte</h1>
      {outcome.state === "confirmed" ? (
        <>
          <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-900">
            C&apos;est confirmé : vous serez prévenu par e-mail quand l&apos;état ou la date de la fibre changera pour {outcome.label}.
          </p>
          <p>
            Vous recevrez au plus un résumé à chaque mise à jour des informations. Chaque e-mail contient un lien pour vous désabonner en
            un clic.
          </p>
          <p>
            <Link href={outcome.path}>Revenir à la page de {outcome.label}</Link>
          </p>
        </>
      ) : (
        <LinkProblem gone={outcome.state === "gone"} />
      )}
    </div>
  );
}
