import type { Metadata } from "next";
import { unsubscribe } from "@/lib/data/alerts";
import { ZAlertLink } from "@/lib/validation/alerts";
import { LinkProblem } from "@/components/alerts/link-problem";
import { UnsubscribeOutcome } from "@/components/alerts/unsubscribe-outcome";

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
      {outcome.state === "unsubscribed" && link.success ? (
        <UnsubscribeOutcome
          id={link.data.id}
          token={link.data.t}
          all={all}
          done={all ? "C'est fait : vous ne recevrez plus aucune alerte de Fibre Pro." : `C'est fait : vous ne recevrez plus d'alerte pour ${outcome.label}.`}
        />
      ) : (
        <LinkProblem gone={outcome.state === "gone"} />
      )}
    </div>
  );
}
