/** How a search result is introduced in the suggestions and on /recherche (client-safe). */
import type { SearchResult } from "@/lib/search/types";

const TYPE_LABELS: Readonly<Record<SearchResult["type"], string>> = {
  address: "Adresse",
  zone: "Zone d'activités",
  commune: "Commune",
};

export function resultTypeLabel(result: SearchResult): string {
  return TYPE_LABELS[result.type];
}

/** The detail after the label: postcodes of a commune, nothing else for now. */
export function resultDetail(result: SearchResult): string {
  if (result.type !== "commune" || result.postcodes.length === 0) return "";
  const { postcodes } = result;
  return postcodes.length > 3 ? `${postcodes.slice(0, 3).join(", ")}…` : postcodes.join(", ");
}
