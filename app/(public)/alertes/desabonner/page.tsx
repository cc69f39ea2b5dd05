import type { Metadata } from "next";
import { LinkProblem } from "@/components/alerts/link-problem";
import { UnsubscribeOutcome } from "@/components/alerts/unsubscribe-outcome";
import { unsubscribe, type LinkOutcome } from "@/lib/data/alerts";
import { ZAlertLink } from "@/lib/validation/alerts";

export const metadata: Metadata = { title: "Désabonnement", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * /alertes/desabonner?id=…&t=… (one place) or ?tout=1&e=…&t=… (every alert of the email): one
 * click in a mail unsubscribes; the page offers to undo it, for a mistaken click or a mail scanner.
 */
export default async function UnsubscribePage({ searchParams }: Props) {
  const link = ZAlertLink.safeParse(await searchParams);
  let outcome: LinkOutcome = { state: "invalid" };
  if (link.success) {
    try {
      outcome = await unsubscribe(link.data);
    } catch (error) {
      console.error("unsubscribe link:", error instanceof Error ? error.message : error);
      outcome = { state: "error" };
    }
  }
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold">Désabonnement</h1>
      {outcome.state === "unsubscribed" && link.success ? (
        <UnsubscribeOutcome
          link={link.data}
          at={outcome.at!}
          done={
            "e" in link.data
              ? "C'est fait : vous ne recevrez plus aucune alerte de Fibre Pro."
              : `C'est fait : vous ne recevrez plus d'alerte pour ${outcome.label}.`
          }
        />
      ) : outcome.state === "error" ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-900">
          Le désabonnement n&apos;a pas pu être enregistré. Réessayez dans un instant en rouvrant le lien de l&apos;e-mail.
        </p>
      ) : (
        <LinkProblem gone={outcome.state === "gone"} />
      )}
    </div>
  );
}
