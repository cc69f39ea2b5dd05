/**
 * The territory's coverage by level, as a plain table.
 * TODO(lead): replace with <CoverageChart coverage={coverage} /> from components/coverage/coverage-chart.tsx
 * (the zone page's chart, with its own data table) once it lands, and delete this file.
 */
import type { Coverage } from "@/lib/data/coverage";
import { countAt, percentOf } from "@/lib/levels/coverage";
import { LEVELS, LEVEL_SHORT_LABELS } from "@/lib/levels/levels";
import { formatDate, formatInteger } from "@/lib/format";
import { TECHNOLOGIES, TECHNOLOGY_INFO } from "@/lib/technologies";

export function TerritoryLevels({ coverage }: { coverage: Coverage }) {
  const percent = (count: number) => `${String(percentOf(count, coverage.addresses)).replace(".", ",")}\u00a0%`;
  const ruled = coverage.levels.FTTO.filter((entry) => entry.basis === "GENERAL_RULE").reduce((sum, entry) => sum + entry.count, 0);
  return (
    <div className="space-y-2">
      <div className="overflow-x-auto" role="region" aria-label="Couverture du territoire par niveau" tabIndex={0}>
        <table className="w-full border-collapse text-left text-sm sm:text-base">
          <caption className="sr-only">Adresses du territoire par technologie et par niveau</caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-2 pr-2 align-bottom font-medium sm:pr-3">
                Technologie
              </th>
              {LEVELS.map((level) => (
                <th key={level} scope="col" className="py-2 pl-1.5 text-right align-bottom font-medium sm:pl-3">
                  {LEVEL_SHORT_LABELS[level]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {TECHNOLOGIES.map((technology) => (
              <tr key={technology} className="border-b border-line">
                <th scope="row" className="py-2 pr-2 font-normal sm:pr-3">
                  {TECHNOLOGY_INFO[technology].name}
                </th>
                {LEVELS.map((level) => {
                  const count = countAt(coverage.levels[technology], level);
                  return (
                    <td key={level} className="whitespace-nowrap py-2 pl-1.5 text-right sm:pl-3">
                      {formatInteger(count)} <span className="block text-xs text-muted sm:inline sm:text-sm">({percent(count)})</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {ruled > 0 ? (
        <p className="text-sm text-muted">
          FttO « Sur demande » pour {formatInteger(ruled)} adresse{ruled > 1 ? "s" : ""} sans source : règle générale, la fibre
          dédiée se construit presque partout sur devis.
        </p>
      ) : null}
      {coverage.sources.length > 0 ? (
        <p className="text-sm text-muted">
          Selon l&apos;information la plus récente pour chaque adresse. Sources :{" "}
          {coverage.sources.map((source) => `${source.name}${source.date ? ` du ${formatDate(source.date)}` : ""}`).join(" ; ")}.
        </p>
      ) : null}
    </div>
  );
}
