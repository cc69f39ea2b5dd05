import type { Metadata } from "next";
import Link from "next/link";
import { StaticErrorSummary } from "@/components/forms/static-error-summary";
import { GUIDE_RESULT_ID, GuideForm } from "@/components/guide/guide-form";
import { GuideResult, type GuideAddress } from "@/components/guide/guide-result";
import { getAddressAnswer } from "@/lib/data/business-answer";
import { recommend, recommendAt } from "@/lib/guide/recommend";
import { parseGuideQuery } from "@/lib/validation/guide";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const TITLE = "Quelle fibre pour mon entreprise ?";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = parseGuideQuery(await searchParams);
  return { title: query.errors.length > 0 ? `Erreur : ${TITLE}` : TITLE };
}

async function loadAddress(id: string): Promise<GuideAddress | null> {
  const answer = await getAddressAnswer(id);
  return answer ? { id: answer.address.id, label: answer.address.label, answers: answer.answers, nextSteps: answer.nextSteps } : null;
}

/**
 * /quelle-fibre?critique=…&reparation=…&debit=…&adresse=… — three questions, a recommendation with
 * its reasons and, from an address page, its availability there. A plain GET form: works without
 * JavaScript; the result or the error summary is rendered by the server on the same page.
 */
export default async function GuidePage({ searchParams }: Props) {
  const query = parseGuideQuery(await searchParams);
  const address = query.addressId && !query.isAddressIdInvalid ? await loadAddress(query.addressId) : null;
  const isAddressUnknown = query.addressId !== null && address === null;
  const base = query.answers ? recommend(query.answers) : null;
  const recommendation = base && address ? recommendAt(base, (technology) => address.answers.find((answer) => answer.technology === technology)?.level) : base;

  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <h1 className="text-2xl font-bold sm:text-3xl">{TITLE}</h1>
        <p className="max-w-prose text-muted">
          Trois questions sur vos besoins pour savoir quelle fibre vous convient : FttH, FttH pro, FttE ou FttO.
          {address ? " Nous vous disons aussi si elle est disponible à votre adresse." : null}
        </p>
        {address ? (
          <p>
            Votre adresse : <Link href={`/adresse/${encodeURIComponent(address.id)}`}>{address.label}</Link>
          </p>
        ) : null}
        {isAddressUnknown ? (
          <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2">
            Nous ne trouvons pas l&apos;adresse demandée{query.isAddressIdInvalid ? "" : ` (« ${query.addressId} »)`} : le lien est peut-être
            incomplet. Le guide fonctionne sans adresse ; vous pourrez ensuite chercher la vôtre.
          </p>
        ) : null}
      </header>

      {query.errors.length > 0 ? <StaticErrorSummary id={GUIDE_RESULT_ID} title="Vérifiez vos réponses" errors={query.errors} /> : null}
      {recommendation ? <GuideResult recommendation={recommendation} address={address} /> : null}

      <GuideForm values={query.values} errors={query.errors} addressId={address?.id ?? null} title={recommendation ? "Modifier vos réponses" : "Vos besoins"} />
    </div>
  );
}
