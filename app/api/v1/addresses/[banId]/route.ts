/** GET /api/v1/addresses/{banId} — the JSON twin of /adresse/{banId}: levels, basis, headline, next steps. */
import { addressJson } from "@/lib/api/address-json";
import { withApi } from "@/lib/api/handler";
import { getAddressAnswer } from "@/lib/data/business-answer";
import { AppError } from "@/lib/errors";

export const GET = withApi<never, { banId: string }>({}, async ({ params }) => {
  const answer = await getAddressAnswer(params.banId);
  if (!answer) throw new AppError("not_found", `Aucune adresse ne porte l'identifiant « ${params.banId} ».`);
  return Response.json(addressJson(answer), { headers: { "Cache-Control": "public, max-age=300" } });
});
