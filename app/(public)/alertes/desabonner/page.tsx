import type { Metadata } from "next";
import { unsubscribe } from "@/lib/data/alerts";
import { ZAlertLink } from "@/lib/validation/alerts";
import { LinkProblem } from "@/components/alerts/link-problem";
import { UndoUnsubscribe } from "@/components/alerts/undo-unsubscribe";

export const metadata: Metadata = { title: "Désabonnement", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * /alertes/desabonner?id=…&t=…[&tout=1] — one click in a mail unsubscribes (this place, or every
 * alert of the address); the page offers to undo it, for a mistaken click or a mail scanner.
 */
export default async function UnsubscribePage({ searchParams }: Props) {
  const link = ZAlertLink.safeParse(await searchParams);
  const all = link.success && link.data.tout === "1";
  const outcome = link.success ? await unsubscribe(link.data.id, link.data.t, all) : ({ state: "invalid" } as const);
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold">Désabonnement</h1>
      {outcome.state === "unsubscribed" ? (
        <>
          <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-900">
            {all
              ? "C'est fait : vous ne recevrez plus aucune alerte de Fibre Pro."
              : `C'est fait : vous ne recevrez plus d'alerte pour ${outcome.label}.`}
          </p>
          <p className="text-sm text-muted">Votre adresse e-mail sera effacée de nos alertes dans 30 jours.</p>
          {link.success && <UndoUnsubscribe id={link.data.id} token={link.data.t} all={all} />}
        </>
      ) : (
        <LinkProblem gone={outcome.state === "gone"} />
      )}
    </div>
  );
}
