import type { EstablishmentSummary } from "@/lib/data/establishments";
import { formatSiret } from "@/lib/format-siret";

/** "Établissement : <name> — SIRET 910 000 017 00012", above an address's answer reached from a SIRET. */
export function EstablishmentLine({ establishment }: { establishment: EstablishmentSummary }) {
  return (
    <p className="text-lg">
      Établissement : <strong>{establishment.name ?? "sans nom publié"}</strong> — SIRET {formatSiret(establishment.siret)}
    </p>
  );
}
