import { CoverageTable } from "@/components/coverage/coverage-table";
import type { Coverage } from "@/lib/data/coverage";
import { formatInteger } from "@/lib/format";

export function CommuneCoverageSection({ coverage }: { coverage: Coverage }) {
  return (
    <section aria-labelledby="coverage-title" className="space-y-3">
      <h2 id="coverage-title" className="text-xl font-semibold">
        Couverture en fibre
      </h2>
      {coverage.addresses === 0 ? (
        <p>
          Aucune adresse de cette commune n&apos;a encore été chargée. Les informations des fichiers IPE, de l&apos;Arcep et
          des collectivités apparaîtront ici dès leur import.
        </p>
      ) : (
        <>
          <p>{formatInteger(coverage.addresses)} adresses connues, par technologie et par état du déploiement :</p>
          <CoverageTable coverage={coverage} caption="Adresses de la commune par technologie et état du déploiement" />
        </>
      )}
    </section>
  );
}
