/**
 * Bars of levels, one per technology, drawn as SVG: the look the coverage chart and the batch
 * summary share. Decoration for sighted users (hidden from screen readers): each caller puts the
 * same figures in a table.
 */
import type { ReactNode } from "react";
import type { Technology } from "@/lib/db/enums";
import { LEVELS, LEVEL_COLORS, LEVEL_SHORT_LABELS } from "@/lib/levels/levels";
import { TECHNOLOGIES, TECHNOLOGY_INFO } from "@/lib/technologies";

export interface BarSegment {
  key: string;
  count: number;
  /** A colour, or a pattern's url(#id) from `defs`. */
  fill: string;
}

export function LevelBars({
  total,
  segmentsOf,
  defsOf,
}: {
  total: number;
  segmentsOf: (technology: Technology) => readonly BarSegment[];
  /** SVG definitions (patterns) a technology's bar uses. */
  defsOf?: (technology: Technology) => ReactNode;
}) {
  return (
    <div aria-hidden="true" className="space-y-2">
      {TECHNOLOGIES.map((technology) => {
        let x = 0;
        return (
          <div key={technology} className="grid grid-cols-[4.5rem_1fr] items-center gap-2">
            <span className="text-sm font-semibold">{TECHNOLOGY_INFO[technology].name}</span>
            <svg className="h-6 w-full overflow-visible rounded" role="presentation" focusable="false">
              {defsOf ? <defs>{defsOf(technology)}</defs> : null}
              <rect width="100%" height="100%" fill="#eef0f4" />
              {segmentsOf(technology).map((segment) => {
                const width = total === 0 ? 0 : (segment.count / total) * 100;
                const rect = <rect key={segment.key} x={`${x}%`} width={`${width}%`} height="100%" fill={segment.fill} />;
                x += width;
                return rect;
              })}
            </svg>
          </div>
        );
      })}
    </div>
  );
}

/** The levels' colours, then the caller's own items (general rule, not found). */
export function LevelLegend({ children }: { children?: ReactNode }) {
  return (
    <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm" aria-hidden="true">
      {LEVELS.map((level) => (
        <li key={level} className="flex items-center gap-2">
          <span className="inline-block h-3 w-3 rounded-full" style={{ backgroundColor: LEVEL_COLORS[level] }} />
          {LEVEL_SHORT_LABELS[level]}
        </li>
      ))}
      {children}
    </ul>
  );
}
