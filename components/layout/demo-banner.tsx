import { connection } from "next/server";
import { hasDemoData } from "@/lib/data/demo";

/** Shown on every public page while the database holds generated demonstration data; rendered inside the header landmark. */
export async function DemoBanner() {
  await connection();
  if (!(await hasDemoData())) return null;
  return (
    <div role="note" aria-label="Données de démonstration" className="border-b border-amber-300 bg-amber-50">
      <p className="mx-auto max-w-5xl px-4 py-2 text-sm text-amber-950 sm:px-6">
        <strong>Données de démonstration.</strong> Les adresses, statuts, dates et zones d&apos;activités de l&apos;Ain
        affichés ici sont générés pour présenter le service : ils ne décrivent pas le réseau réel.
      </p>
    </div>
  );
}
