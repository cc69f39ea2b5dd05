import type { Coverage } from "@/lib/data/coverage";
import { formatInteger } from "@/lib/format";
import { countAt, percentOf, type LevelCount } from "@/lib/levels/coverage";
import { LEVELS, LEVEL_COLORS, LEVEL_SHORT_LABELS, type Level } from "@/lib/levels/levels";
import { TECHNOLOGIES, TECHNOLOGY_INFO } from "@/lib/technologies";
import { LevelBars, LevelLegend } from "./level-bars";

/** Segments to draw: one per level, general rules apart (drawn hatched). */
function mergedSegments(entries: readonly LevelCount[]): { level: Level; basis: "GENERAL_RULE" | "STATED"; count: number }[] {
  const segments: { level: Level; basis: "GENERAL_RULE" | "STATED"; count: number }[] = [];
  for (const entry of entries) {
    const basis = entry.basis === "GENERAL_RULE" ? "GENERAL_RULE" : "STATED";
    const last = segments.at(-1);
    if (last && last.level === entry.level && last.basis === basis) last.count += entry.count;
    else segments.push({ level: entry.level, basis, count: entry.count });
  }
  return segments;
}

const formatPercent = (value: number) => `${value.toLocaleString("fr-FR", { maximumFractionDigits: 1 })}\u00a0%`;

/**
 * Coverage by level as a chart: one bar per technology, a segment per level (general rules
 * hatched), drawn on the server as SVG. The bars are decoration for sighted users: the same
 * figures are in the table under them, which screen readers read.
 */
export function CoverageChart({ coverage, caption }: { coverage: Coverage; caption: string }) {
  const total = coverage.addresses;
  return (
    <figure className="space-y-3">
      <figcaption className="font-medium">{caption}</figcaption>
      <LevelBars
        total={total}
        segmentsOf={(technology) =>
          mergedSegments(coverage.levels[technology]).map((entry) => ({
            key: `${entry.level}-${entry.basis}`,
            count: entry.count,
            fill: entry.basis === "GENERAL_RULE" ? `url(#rule-${technology}-${entry.level})` : LEVEL_COLORS[entry.level],
          }))
        }
        defsOf={(technology) =>
          LEVELS.map((level) => (
            <pattern key={level} id={`rule-${technology}-${level}`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill={LEVEL_COLORS[level]} opacity="0.35" />
              <rect width="3" height="6" fill={LEVEL_COLORS[level]} />
            </pattern>
          ))
        }
      />
      <LevelLegend>
        <li className="flex items-center gap-2">
          <span className="inline-block h-3 w-5 rounded-sm" style={{ background: `repeating-linear-gradient(45deg, ${LEVEL_COLORS.ON_REQUEST} 0 3px, #9fd3d6 3px 6px)` }} />
          Règle générale
        </li>
      </LevelLegend>
      <LevelTable coverage={coverage} caption={caption} />
    </figure>
  );
}

/** The chart's figures: addresses per technology and level (count and share); general rules told apart. Fits 375 px. */
function LevelTable({ coverage, caption }: { coverage: Coverage; caption: string }) {
  const total = coverage.addresses;
  const ruled = coverage.levels.FTTO.filter((entry) => entry.basis === "GENERAL_RULE").reduce((sum, entry) => sum + entry.count, 0);
  return (
    <div className="space-y-2">
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">{caption} : nombre et part des adresses par technologie et par niveau</caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-1.5 pr-2 align-bottom font-medium">
                Technologie
              </th>
              {LEVELS.map((level) => (
                <th key={level} scope="col" className="py-1.5 pl-1.5 text-right align-bottom font-medium sm:pl-3">
                  {LEVEL_SHORT_LABELS[level]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {TECHNOLOGIES.map((technology) => (
              <tr key={technology} className="border-b border-line">
                <th scope="row" className="py-1.5 pr-2 font-normal">
                  {TECHNOLOGY_INFO[technology].name}
                </th>
                {LEVELS.map((level: Level) => {
                  const count = countAt(coverage.levels[technology], level);
                  return (
                    <td key={level} className="whitespace-nowrap py-1.5 pl-1.5 text-right sm:pl-3">
                      {formatInteger(count)} <span className="block text-xs text-muted sm:inline">({formatPercent(percentOf(count, total))})</span>
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
          FttO « Sur demande » pour {formatInteger(ruled)} adresse{ruled > 1 ? "s" : ""} sans source : règle générale, la fibre dédiée se construit
          presque partout sur devis.
        </p>
      ) : null}
    </div>
  );
}
