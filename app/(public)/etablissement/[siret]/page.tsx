import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { UnmatchedEstablishment } from "@/components/establishment/unmatched-establishment";
import { getEstablishmentDetails } from "@/lib/data/establishment-page";
import { normaliseSiret } from "@/lib/data/establishments";

type Props = { params: Promise<{ siret: string }> };

/** One load per request, shared by the metadata and the page; null for a malformed or unknown SIRET alike. */
const load = cache(async (raw: string) => {
  const siret = normaliseSiret(decodeURIComponent(raw));
  return siret ? getEstablishmentDetails(siret) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const establishment = await load((await params).siret);
  return { title: establishment ? `${establishment.name ?? "Établissement"} — adresse non rattachée` : "Page introuvable" };
}

/**
 * /etablissement/<siret> — a linked establishment goes to its address's answer, named there
 * (/adresse/<id>?siret=…); an unmatched one says so here. Unknown, malformed and non-diffusible
 * SIRETs (never stored) all get the site's 404: nothing tells them apart.
 */
export default async function EstablishmentPage({ params }: Props) {
  const establishment = await load((await params).siret);
  if (!establishment) notFound();
  if (establishment.addressId) redirect(`/adresse/${encodeURIComponent(establishment.addressId)}?siret=${establishment.siret}`);
  return <UnmatchedEstablishment establishment={establishment} />;
}
