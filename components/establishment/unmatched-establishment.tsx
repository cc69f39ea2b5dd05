import Link from "next/link";
import { SearchBox } from "@/components/search/search-box";
import type { EstablishmentDetails } from "@/lib/data/establishment-page";
import { formatSiret } from "@/lib/format-siret";

/** An establishment whose SIRENE address matches no BAN address with certainty: what it is, where it says it is, what to do. */
export function UnmatchedEstablishment({ establishment }: { establishment: EstablishmentDetails }) {
  const { siret, name, legalName, tradeName, statedAddress, inseeCode, communeName } = establishment;
  return (
    <div className="space-y-8">
      <nav aria-label="Fil d'Ariane" className="text-sm">
        <Link href="/">Accueil</Link> › <Link href={`/commune/${inseeCode}`}>{communeName}</Link> › Établissement
      </nav>
      <header className="space-y-2">
        <h1 tabIndex={-1} className="text-2xl font-bold outline-none sm:text-3xl">
          {name ?? "Établissement sans nom publié"}
        </h1>
        <p>
          SIRET {formatSiret(siret)}
          {tradeName && legalName && tradeName !== legalName ? <> · {legalName}</> : null}
        </p>
      </header>

      <section aria-labelledby="unmatched-title" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950">
        <h2 id="unmatched-title" className="text-xl font-semibold">
          Adresse non rattachée avec certitude
        </h2>
        <p className="max-w-prose">
          {statedAddress ? (
            <>
              Le répertoire SIRENE de l&apos;Insee situe cet établissement au <strong>{statedAddress}</strong>.{" "}
            </>
          ) : (
            <>Le répertoire SIRENE de l&apos;Insee ne donne pas d&apos;adresse précise pour cet établissement. </>
          )}
          Nous n&apos;avons pas pu rattacher cette adresse avec certitude à une adresse de la Base Adresse Nationale : plutôt que de
          vous donner la réponse d&apos;un voisin, nous ne montrons pas de disponibilité de la fibre pour cet établissement.
        </p>
      </section>

      <section aria-labelledby="what-to-do-title" className="space-y-4">
        <h2 id="what-to-do-title" className="text-xl font-semibold">
          Que faire ?
        </h2>
        <ul className="max-w-prose list-disc space-y-2 pl-6">
          <li>Recherchez l&apos;adresse de l&apos;établissement telle que vous la connaissez (numéro, rue, commune) dans le champ ci-dessous.</li>
          <li>
            Consultez <Link href={`/commune/${inseeCode}`}>la page de {communeName}</Link> : la fibre disponible dans la commune, ses zones
            d&apos;activités et les immeubles sans adresse.
          </li>
          <li>
            Si l&apos;adresse enregistrée au répertoire SIRENE est inexacte, l&apos;entreprise peut la faire corriger par une déclaration
            de modification sur le guichet unique des formalités d&apos;entreprises.
          </li>
        </ul>
        <SearchBox />
      </section>
    </div>
  );
}
