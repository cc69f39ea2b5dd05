import { LEVEL_LEGEND } from "@/lib/levels/levels";

/** The colours of the maps, in words: the four levels. */
export function MapLegend({ withZone = false }: { withZone?: boolean }) {
  return (
    <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm" aria-label="Légende de la carte">
      {LEVEL_LEGEND.map((entry) => (
        <li key={entry.level} className="flex items-center gap-2">
          <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full" style={{ backgroundColor: entry.color }} />
          {entry.label}
        </li>
      ))}
      {withZone && (
        <li className="flex items-center gap-2">
          <span aria-hidden="true" className="inline-block h-3 w-5 border-2 border-blue-700" />
          Zone d&apos;activités
        </li>
      )}
    </ul>
  );
}
