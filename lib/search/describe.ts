/** How a search result is introduced in the suggestions and on /recherche (client-safe). */
import type { SearchResult } from "@/lib/search/types";

const TYPE_LABELS: Readonly<Record<SearchResult["type"], string>> = {
  address: "Adresse",
  zone: "Zone d'activités",
  commune: "Commune",
  establishment: "Entreprise",
};

export function resultTypeLabel(result: SearchResult): string {
  return TYPE_LABELS[result.type];
}

/** "552 100 554 00010": a SIRET as INSEE prints it (SIREN by threes, then the NIC). */
export function formatSiret(siret: string): string {
  return `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;
}

/** The detail after the label: the SIRET of an establishment, the postcodes of a commune. */
export function resultDetail(result: SearchResult): string {
  if (result.type === "establishment") return `SIRET ${formatSiret(result.id)}`;
  if (result.type !== "commune" || result.postcodes.length === 0) return "";
  const { postcodes } = result;
  return postcodes.length > 3 ? `${postcodes.slice(0, 3).join(", ")}…` : postcodes.join(", ");
}
