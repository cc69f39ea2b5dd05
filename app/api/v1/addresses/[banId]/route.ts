/** GET /api/v1/addresses/{banId} — the JSON twin of /adresse/{banId}. */
import { withApi } from "@/lib/api/handler";
import { isoDay } from "@/lib/api/serialize";
import { getAddressEligibility } from "@/lib/data/eligibility";
import { statusLabel } from "@/lib/eligibility-text";
import { AppError } from "@/lib/errors";

export const GET = withApi<never, { banId: string }>({}, async ({ params }) => {
  const eligibility = await getAddressEligibility(params.banId);
  if (!eligibility) throw new AppError("not_found", `Aucune adresse ne porte l'identifiant « ${params.banId} ».`);
  const { address, zone, technologies, buildings } = eligibility;
  return Response.json(
    {
      address: {
        id: address.id,
        label: address.label,
        number: address.number,
        suffix: address.suffix,
        street: address.street,
        postcode: address.postcode,
        inseeCode: address.inseeCode,
        commune: address.commune,
        lat: address.lat,
        lon: address.lon,
      },
      zone: zone ? { id: zone.id, name: zone.name } : null,
      technologies: technologies.map((entry) => ({
        technology: entry.technology,
        status: entry.status,
        statusLabel: statusLabel(entry.status),
        ...(entry.since ? { since: isoDay(entry.since) } : {}),
        ...(entry.planned ? { planned: { date: isoDay(entry.planned.date), precision: entry.planned.precision } } : {}),
        operators: entry.operators,
        source: entry.source ? { kind: entry.source.kind, name: entry.source.name, date: isoDay(entry.source.date) } : null,
        disagreements: entry.disagreements.map((other) => ({
          status: other.status,
          statusLabel: statusLabel(other.status),
          source: { kind: other.source.kind, name: other.source.name, date: isoDay(other.source.date) },
        })),
        ...(entry.message ? { message: entry.message } : {}),
      })),
      buildings,
    },
    { headers: { "Cache-Control": "public, max-age=300" } },
  );
});
