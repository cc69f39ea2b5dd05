import type { Metadata } from "next";
import { PublicationForm } from "@/components/admin/publication-form";
import { requirePageActor } from "@/lib/auth/session";
import { publicationChoices } from "@/lib/data/publications";

export const metadata: Metadata = { title: "Nouvelle publication" };

/** /admin/publications/nouvelle[?zone=|commune=|adresse=] — write a deployment update, prefilled from where the user came from. */
export default async function NewPublicationPage({ searchParams }: { searchParams: Promise<{ zone?: string; commune?: string; adresse?: string }> }) {
  const actor = await requirePageActor("/admin/publications/nouvelle");
  const { zone, commune, adresse } = await searchParams;
  const choices = await publicationChoices(actor);
  const defaults: Record<string, string> = adresse
    ? { scope: "ADDRESSES", addressIds: adresse }
    : commune
      ? { scope: "COMMUNE", inseeCode: commune }
      : { scope: "ZONE", zoneId: zone ?? "" };
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold">Nouvelle publication</h1>
      <p className="text-muted">
        Ce que vous publiez apparaît aussitôt sur les pages publiques des adresses et des zones concernées, avec le nom
        de votre organisation et la date. Un brouillon reste invisible du public.
      </p>
      <PublicationForm choices={choices} defaults={defaults} publication={null} />
    </div>
  );
}
