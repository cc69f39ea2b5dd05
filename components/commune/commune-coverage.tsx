import { CoverageChart } from "@/components/coverage/coverage-chart";
import type { Coverage } from "@/lib/data/coverage";
import { formatDate, formatInteger } from "@/lib/format";
import { zoneHeadline } from "@/lib/levels/zone-headline";

export function CommuneCoverageSection({ coverage }: { coverage: Coverage }) {
  const headline = zoneHeadline(coverage, "commune");
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
          <div className="space-y-1 rounded-lg border-l-8 border-brand-700 bg-brand-50 p-4">
            <p className="text-lg font-semibold">{headline.title}</p>
            {headline.details.map((detail) => (
              <p key={detail}>{detail}</p>
            ))}
          </div>
          <CoverageChart coverage={coverage} caption={`Les ${formatInteger(coverage.addresses)} adresses connues, par technologie et par niveau`} />
          {coverage.sources.length > 0 && (
            <p className="text-sm text-muted">
              Selon l&apos;information la plus récente pour chaque adresse. Sources :{" "}
              {coverage.sources.map((source) => `${source.name}${source.date ? ` du ${formatDate(source.date)}` : ""}`).join(" ; ")}.
            </p>
          )}
        </>
      )}
    </section>
  );
}
