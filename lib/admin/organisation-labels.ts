/** French labels of the kinds of organisation. */
import type { OrganisationKind } from "@/lib/db/enums";

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  COLLECTIVITE: "Collectivité",
  RIP: "Réseau d'initiative publique",
  EPCI: "Intercommunalité (EPCI)",
  CCI: "Chambre consulaire (CCI, CMA)",
  OTHER: "Autre",
};
