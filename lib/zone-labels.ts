/**
 * How the UI names a zone's CNIG type (`site_type`, kept verbatim in the database and the API):
 * in the portal's one spelling, « zone d'activités », and without the unexplained « ZAE ».
 */
const TYPE_LABELS: Readonly<Record<string, string>> = {
  "zone d'activité économique": "Zone d'activités économiques",
  "zone d'activites economiques": "Zone d'activités économiques",
  "site économique historique hors zae": "Site économique historique, hors zone d'activités",
  "établissement économique isolé": "Établissement économique isolé",
  "réserve foncière": "Réserve foncière",
};

export function zoneTypeLabel(type: string): string {
  const known = TYPE_LABELS[type.trim().toLowerCase().replace(/’/g, "'")];
  if (known) return known;
  const text = type.trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}
