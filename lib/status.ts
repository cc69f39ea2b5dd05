import type { DeploymentStatus } from "@/lib/db/enums";

/** French labels of the shared status vocabulary (PRODUCT.md), in the order the UI lists them. */
export const STATUS_LABELS: Readonly<Record<DeploymentStatus, string>> = {
  DEPLOYE: "Raccordable",
  RAD: "Raccordable à la demande",
  RAD_EN_COURS: "Raccordement à la demande en cours",
  EN_COURS: "Déploiement en cours",
  SIGNE: "Convention signée avec le gestionnaire",
  CIBLE: "Dans le périmètre de déploiement",
  PREVU: "Déploiement programmé",
  ABANDONNE: "Déploiement abandonné",
  NON_PREVU: "Aucun déploiement annoncé",
};

export const STATUS_ORDER = Object.keys(STATUS_LABELS) as DeploymentStatus[];
