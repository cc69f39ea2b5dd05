import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmAlert } from "@/components/alerts/confirm-alert";
import { LinkProblem } from "@/components/alerts/link-problem";
import { checkConfirmationLink } from "@/lib/data/alerts";
import { ZAlertLink } from "@/lib/validation/alerts";

export const metadata: Metadata = { title: "Confirmation de votre alerte", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * /alertes/confirmer?id=…&t=… — the link of the confirmation mail (double opt-in). Opening it
 * changes nothing: the button does (mail security scanners open links, they do not press buttons).
 */
export default async function ConfirmAlertPage({ searchParams }: Props) {
  const link = ZAlertLink.safeParse(await searchParams);
  const outcome = link.success && "id" in link.data ? await checkConfirmationLink(link.data.id, link.data.t) : ({ state: "invalid" } as const);
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold">Confirmation de votre alerte</h1>
      {outcome.state === "pending" && link.success && "id" in link.data ? (
        <ConfirmAlert id={link.data.id} token={link.data.t} label={outcome.label} path={outcome.path} />
      ) : outcome.state === "confirmed" ? (
        <>
          <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-900">
            Cette alerte est déjà active : vous serez prévenu par e-mail des changements pour {outcome.label}.
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
