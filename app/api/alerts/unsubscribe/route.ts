/**
 * POST /api/alerts/unsubscribe?tout=1&e=…&t=… (or ?id=…&t=…) — RFC 8058 one-click
 * unsubscription: mail clients POST here (List-Unsubscribe-Post) when the person clicks their
 * own "Se désabonner". Same signed link as the unsubscribe page; a GET is not accepted here
 * (link scanners follow GETs).
 */
import type { NextRequest } from "next/server";
import { problemResponse } from "@/lib/api/problem";
import { unsubscribe } from "@/lib/data/alerts";
import { AppError } from "@/lib/errors";
import { ZAlertLink } from "@/lib/validation/alerts";

export async function POST(request: NextRequest): Promise<Response> {
  const link = ZAlertLink.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!link.success) return problemResponse(new AppError("bad_request", "Lien de désabonnement incomplet."));
  try {
    const outcome = await unsubscribe(link.data);
    if (outcome.state === "invalid") return problemResponse(new AppError("bad_request", "Lien de désabonnement non valable."));
    // A subscription already deleted is as unsubscribed as can be.
    return Response.json({ unsubscribed: outcome.state === "unsubscribed" ? outcome.count : 0 });
  } catch (error) {
    return problemResponse(error);
  }
}
