import Link from "next/link";
import { LevelBadge } from "@/components/answer/level-badge";
import type { ZoneAddressPage } from "@/lib/data/zones";
import { LEVELS, LEVEL_SHORT_LABELS } from "@/lib/levels/levels";
import { STATUS_LABELS, STATUS_ORDER } from "@/lib/status";
import { TECHNOLOGIES, TECHNOLOGY_INFO } from "@/lib/technologies";
import type { TZoneAddressesQuery } from "@/lib/validation/zones";

/** The small print under a level: the source's status, else what the level rests on. */
function detailOf(item: ZoneAddressPage["items"][number], technology: TZoneAddressesQuery["technology"]): string {
  if (item.status !== "NON_PREVU" || item.level === "NOT_ANNOUNCED") return STATUS_LABELS[item.status];
  return technology === "FTTO" ? "règle générale : sur étude" : "d'après l'annuaire des opérateurs";
}

/** The zone's addresses with the level of one technology: a GET form to filter (level, detailed status optional), a cursor to page. */
export function ZoneAddresses({ zoneId, page, filter }: { zoneId: string; page: ZoneAddressPage; filter: TZoneAddressesQuery }) {
  const base = `/zone/${encodeURIComponent(zoneId)}`;
  const query = (cursor?: string) => {
    const params = new URLSearchParams({ technology: filter.technology });
    if (filter.level) params.set("level", filter.level);
    if (filter.status) params.set("status", filter.status);
    if (cursor) params.set("cursor", cursor);
    return `${base}?${params.toString()}#adresses`;
  };
  const name = TECHNOLOGY_INFO[filter.technology].name;
  return (
    <section aria-labelledby="adresses" className="space-y-4">
      <h2 id="adresses" className="text-xl font-semibold">
        Adresses de la zone
      </h2>
      <form method="get" action={`${base}#adresses`} className="flex flex-wrap items-end gap-3 print:hidden">
        <label className="flex flex-col text-sm font-medium">
          Technologie
          <select name="technology" defaultValue={filter.technology} className="mt-1 rounded-md border-2 border-muted bg-white px-2 py-2 text-base">
            {TECHNOLOGIES.map((technology) => (
              <option key={technology} value={technology}>
                {TECHNOLOGY_INFO[technology].name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm font-medium">
          Niveau
          <select name="level" defaultValue={filter.level ?? ""} className="mt-1 rounded-md border-2 border-muted bg-white px-2 py-2 text-base">
            <option value="">Tous les niveaux</option>
            {LEVELS.map((level) => (
              <option key={level} value={level}>
                {LEVEL_SHORT_LABELS[level]}
              </option>
            ))}
          </select>
        </label>
        <details className="text-sm" open={!!filter.status}>
          <summary className="cursor-pointer font-medium">État détaillé des sources</summary>
          <label className="mt-1 flex flex-col font-medium">
            État détaillé
            <select name="status" defaultValue={filter.status ?? ""} className="mt-1 rounded-md border-2 border-muted bg-white px-2 py-2 text-base">
              <option value="">Tous les états</option>
              {STATUS_ORDER.map((status) => (
                <option key={status} value={status}>
                  {STATUS_LABELS[status]}
                </option>
              ))}
            </select>
          </label>
        </details>
        <button type="submit" className="button-primary">
          Filtrer
        </button>
      </form>
      {page.items.length === 0 ? (
        <p>Aucune adresse de la zone ne correspond à ce filtre.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">Adresses de la zone et niveau {name}</caption>
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="py-2 font-medium">
                  Adresse
                </th>
                <th scope="col" className="py-2 font-medium">
                  {name}
                </th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((item) => (
                <tr key={item.id} className="border-b border-line">
                  <td className="py-2 pr-3">
                    <Link href={`/adresse/${encodeURIComponent(item.id)}`}>{item.label}</Link>
                  </td>
                  <td className="py-2">
                    <LevelBadge level={item.level} text={LEVEL_SHORT_LABELS[item.level]} className="font-normal" />
                    <span className="block text-xs text-muted">{detailOf(item, filter.technology)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Pages d'adresses" className="flex gap-4 print:hidden">
        {filter.cursor && <Link href={query()}>Revenir au début de la liste</Link>}
        {page.nextCursor && <Link href={query(page.nextCursor)}>Adresses suivantes</Link>}
      </nav>
    </section>
  );
}
