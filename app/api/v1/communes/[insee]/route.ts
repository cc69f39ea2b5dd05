/** GET /api/v1/communes/{insee} — the JSON twin of /commune/{insee}: territory, coverage, zones. */
import { coverageJson } from "@/lib/api/coverage-json";
import { withApi } from "@/lib/api/handler";
import { getCommune, getCommuneZones } from "@/lib/data/communes";
import { getCoverage } from "@/lib/data/coverage";
import { AppError } from "@/lib/errors";

export const GET = withApi<never, { insee: string }>({}, async ({ params }) => {
  const commune = await getCommune(params.insee);
  if (!commune) throw new AppError("not_found", `Aucune commune ne porte le code INSEE « ${params.insee} ».`);
  const [coverage, zones] = await Promise.all([getCoverage({ inseeCode: commune.inseeCode }), getCommuneZones(commune.inseeCode)]);
  return Response.json(
    {
      commune: {
        inseeCode: commune.inseeCode,
        name: commune.name,
        kind: commune.kind === "ARRONDISSEMENT" ? "arrondissement" : "commune",
        parent: commune.parent,
        departement: commune.departement,
        region: commune.region,
        epci: commune.epci,
        population: commune.population,
        postcodes: commune.postcodes,
        lat: commune.lat,
        lon: commune.lon,
      },
      coverage: coverageJson(coverage),
      zones: zones.map((zone) => ({ id: zone.id, name: zone.name, state: zone.state })),
    },
    { headers: { "Cache-Control": "public, max-age=300" } },
  );
});
