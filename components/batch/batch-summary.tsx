/**
 * The members of a checked list by level, technology by technology: bars in the look of the
 * coverage chart (decoration, hidden from screen readers) and the same figures in a table.
 */
import { LevelBars, LevelLegend } from "@/components/coverage/level-bars";
import { LEVELS, LEVEL_COLORS, LEVEL_SHORT_LABELS, type Level } from "@/lib/levels/levels";
import { TECHNOLOGIES, TECHNOLOGY_INFO } from "@/lib/technologies";
import type { Technology } from "@/lib/db/enums";

export interface BatchTotals {
  lines: number;
  bySiret: number;
  byAddress: number;
  notFound: number;
  levels: Record<Technology, Record<Level, number>>;
}

const NOT_FOUND_COLOR = "#d0d4dc";

export function BatchSummary({ totals }: { totals: BatchTotals }) {
  const { lines } = totals;
  return (
    <figure className="space-y-3">
      <figcaption className="font-medium">
        Vos {lines.toLocaleString("fr-FR")} lignes par niveau et par technologie : {totals.bySiret.toLocaleString("fr-FR")} trouvées par le SIRET,{" "}
        {totals.byAddress.toLocaleString("fr-FR")} par l&apos;adresse, {totals.notFound.toLocaleString("fr-FR")} non trouvées.
      </figcaption>
      <LevelBars
        total={lines}
        segmentsOf={(technology) => [
          ...LEVELS.map((level) => ({ key: level, fill: LEVEL_COLORS[level], count: totals.levels[technology][level] })),
          { key: "none", fill: NOT_FOUND_COLOR, count: totals.notFound },
        ]}
      />
      <LevelLegend>
        <li className="flex items-center gap-2">
          <span className="inline-block h-3 w-3 rounded-full border border-line" style={{ backgroundColor: NOT_FOUND_COLOR }} />
          Non trouvée
        </li>
      </LevelLegend>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Tableau des niveaux (défilant)">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Nombre de lignes par technologie et par niveau</caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-1 pr-3 font-medium">Technologie</th>
              {LEVELS.map((level) => (
                <th key={level} scope="col" className="py-1 pr-3 font-medium">{LEVEL_SHORT_LABELS[level]}</th>
              ))}
              <th scope="col" className="py-1 font-medium">Non trouvée</th>
            </tr>
          </thead>
          <tbody>
            {TECHNOLOGIES.map((technology) => (
              <tr key={technology} className="border-b border-line">
                <th scope="row" className="py-1 pr-3 font-normal">{TECHNOLOGY_INFO[technology].name}</th>
                {LEVELS.map((level) => (
                  <td key={level} className="py-1 pr-3">{totals.levels[technology][level].toLocaleString("fr-FR")}</td>
                ))}
                <td className="py-1">{totals.notFound.toLocaleString("fr-FR")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
