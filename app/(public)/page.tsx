import Link from "next/link";
import { SearchBox } from "@/components/search/search-box";
import { TechnologyList } from "@/components/ui/technology-list";

export default function HomePage() {
  return (
    <div className="space-y-10">
      <section aria-labelledby="home-title" className="space-y-6">
        <div className="space-y-3">
          <h1 id="home-title" className="text-3xl font-bold sm:text-4xl">
            Quelle fibre pour votre entreprise, et quand&nbsp;?
          </h1>
          <p className="max-w-prose text-lg text-muted">
            Fibre Pro rassemble ce que publient l&apos;Arcep, les réseaux d&apos;initiative publique et les
            collectivités : le type de fibre disponible à votre adresse, la date prévue, les opérateurs et la
            source de chaque information.
          </p>
        </div>
        <div className="rounded-lg border border-line bg-brand-50 p-4 sm:p-6">
          <SearchBox autoFocus />
          <p className="mt-4 text-sm">
            Vous cherchez un secteur plutôt qu&apos;une adresse ? <Link href="/carte">Explorez la carte</Link> des zones
            d&apos;activités et des immeubles.
          </p>
        </div>
      </section>

      <section aria-labelledby="guide-title" className="space-y-2 rounded-lg border-l-8 border-brand-700 bg-white p-4 shadow-sm ring-1 ring-line sm:p-6">
        <h2 id="guide-title" className="text-xl font-bold">
          Quelle fibre pour mon entreprise&nbsp;?
        </h2>
        <p className="max-w-prose">
          Coupure, délai de réparation, débit : répondez à trois questions, nous vous disons quelle fibre vous convient et
          pourquoi.
        </p>
        <p>
          <Link href="/quelle-fibre" className="button-primary">
            Répondre aux trois questions
          </Link>
        </p>
      </section>

      <section aria-labelledby="technologies-title" className="space-y-4">
        <h2 id="technologies-title" className="text-2xl font-bold">
          Les quatre fibres des entreprises
        </h2>
        <TechnologyList />
      </section>

      <p className="text-sm text-muted">
        D&apos;où viennent les données ? Voir les <Link href="/sources">sources des données</Link>.
      </p>
    </div>
  );
}
