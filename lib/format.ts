/** French formatting for the UI. */
const integer = new Intl.NumberFormat("fr-FR");

export function formatInteger(value: number): string {
  return integer.format(value);
}

const EPCI_TYPES: Readonly<Record<string, string>> = {
  CC: "Communauté de communes",
  CA: "Communauté d'agglomération",
  CU: "Communauté urbaine",
  METRO: "Métropole",
  MET69: "Métropole à statut particulier",
};

export function epciTypeLabel(type: string): string {
  return EPCI_TYPES[type] ?? "Intercommunalité";
}
