import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CommuneOverview } from "@/components/commune/commune-overview";
import { getCommune, getCommuneZones } from "@/lib/data/communes";
import { getCoverage } from "@/lib/data/coverage";
import { listCommuneUnmatchedBuildings } from "@/lib/data/unmatched-buildings";
import { mapTiles } from "@/lib/map-tiles";

type Props = { params: Promise<{ insee: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const commune = await getCommune((await params).insee);
  return { title: commune ? `${commune.name} (${commune.departement.code})` : "Commune introuvable" };
}

export default async function CommunePage({ params }: Props) {
  const commune = await getCommune((await params).insee);
  if (!commune) notFound();
  const [coverage, zones, unmatched] = await Promise.all([
    getCoverage({ inseeCode: commune.inseeCode }),
    getCommuneZones(commune.inseeCode),
    listCommuneUnmatchedBuildings(commune.inseeCode),
  ]);
  return <CommuneOverview commune={commune} coverage={coverage} zones={zones} unmatched={unmatched} tiles={mapTiles()} />;
}
