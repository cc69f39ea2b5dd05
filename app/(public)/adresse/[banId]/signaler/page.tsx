import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FieldReportForm } from "@/components/reports/field-report-form";
import { getAddressEligibility } from "@/lib/data/eligibility";

export const metadata: Metadata = { title: "Signaler une information erronée", robots: { index: false } };

/** /adresse/[banId]/signaler — a business reports that the address page is wrong; the local collectivité reviews it. */
export default async function ReportPage({ params }: { params: Promise<{ banId: string }> }) {
  const eligibility = await getAddressEligibility(decodeURIComponent((await params).banId));
  if (!eligibility) notFound();
  const { address } = eligibility;
  return (
    <div className="max-w-2xl space-y-6">
      <nav aria-label="Fil d'Ariane" className="text-sm">
        <Link href={`/adresse/${encodeURIComponent(address.id)}`}>{address.label}</Link> › Signaler une information erronée
      </nav>
      <h1 className="text-3xl font-bold">Signaler une information erronée</h1>
      <p>
        Adresse : <strong>{address.label}</strong>. Votre signalement est examiné par la collectivité de ce territoire, qui
        corrigera la page s&apos;il est confirmé. Il n&apos;est pas transmis aux opérateurs.
      </p>
      <FieldReportForm addressId={address.id} />
    </div>
  );
}
