/** GET /api/v1/zones/{id}/addresses?technology=&status=&limit=&cursor= — the zone's addresses, page by page. */
import { withApi } from "@/lib/api/handler";
import { getZone, listZoneAddresses } from "@/lib/data/zones";
import { statusLabel } from "@/lib/eligibility-text";
import { AppError } from "@/lib/errors";
import { ZZoneAddressesQuery } from "@/lib/validation/zones";

export const GET = withApi<typeof ZZoneAddressesQuery, { id: string }>({ query: ZZoneAddressesQuery }, async ({ params, query }) => {
  const zone = await getZone(params.id);
  if (!zone) throw new AppError("not_found", `Aucune zone d'activités ne porte l'identifiant « ${params.id} ».`);
  const page = await listZoneAddresses(zone.id, query);
  return Response.json(
    {
      zone: { id: zone.id, name: zone.name },
      technology: query.technology,
      items: page.items.map((item) => ({ ...item, statusLabel: statusLabel(item.status) })),
      nextCursor: page.nextCursor,
    },
    { headers: { "Cache-Control": "public, max-age=300" } },
  );
});
