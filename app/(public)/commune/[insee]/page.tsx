import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CommuneOverview } from "@/components/commune/commune-overview";
import { getCommune } from "@/lib/data/communes";
import { getCommuneCoverage } from "@/lib/data/coverage";

type Props = { params: Promise<{ insee: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const commune = await getCommune((await params).insee);
  return { title: commune ? `${commune.name} (${commune.departement.code})` : "Commune introuvable" };
}

export default async function CommunePage({ params }: Props) {
  const commune = await getCommune((await params).insee);
  if (!commune) notFound();
  const coverage = await getCommuneCoverage(commune.inseeCode);
  return <CommuneOverview commune={commune} coverage={coverage} />;
}
