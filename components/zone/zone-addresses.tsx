import Link from "next/link";
import type { ZoneAddressPage } from "@/lib/data/zones";
import type { TZoneAddressesQuery } from "@/lib/validation/zones";
import { STATUS_LABELS, STATUS_ORDER } from "@/lib/status";
import { STATUS_COLORS } from "@/lib/status-colors";
import { TECHNOLOGIES, TECHNOLOGY_INFO } from "@/lib/technologies";

/** The zone's addresses with the status of one technology: a GET form to filter, a cursor to page. */
export function ZoneAddresses({ zoneId, page, filter }: { zoneId: string; page: ZoneAddressPage; filter: TZoneAddressesQuery }) {
  const base = `/zone/${encodeURIComponent(zoneId)}`;
  const query = (cursor?: string) => {
    const params = new URLSearchParams({ technology: filter.technology });
    if (filter.status) params.set("status", filter.status);
    if (cursor) params.set("cursor", cursor);
    return `${base}?${params.toString()}#adresses`;
  };
  return (
    <section aria-labelledby="adresses" className="space-y-4">
      <h2 id="adresses" className="text-xl font-semibold">
        Adresses de la zone
      </h2>
      <form method="get" action={base} className="flex flex-wrap items-end gap-3 print:hidden">
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
          État
          <select name="status" defaultValue={filter.status ?? ""} className="mt-1 rounded-md border-2 border-muted bg-white px-2 py-2 text-base">
            <option value="">Tous les états</option>
            {STATUS_ORDER.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          Filtrer
        </button>
      </form>
      {page.items.length === 0 ? (
        <p>Aucune adresse de la zone ne correspond à ce filtre.</p>
      ) : (
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">Adresses de la zone et état {TECHNOLOGY_INFO[filter.technology].name}</caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-2 font-medium">
                Adresse
              </th>
              <th scope="col" className="py-2 font-medium">
                {TECHNOLOGY_INFO[filter.technology].name}
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
                  <span className="flex items-center gap-2">
                    <span aria-hidden="true" className="inline-block h-3 w-3 shrink-0 rounded-full" style={{ backgroundColor: STATUS_COLORS[item.status] }} />
                    {STATUS_LABELS[item.status]}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav aria-label="Pages d'adresses" className="flex gap-4 print:hidden">
        {filter.cursor && <Link href={query()}>Revenir au début de la liste</Link>}
        {page.nextCursor && <Link href={query(page.nextCursor)}>Adresses suivantes</Link>}
      </nav>
    </section>
  );
}
