import type { DeploymentStatus } from "@/lib/db/enums";

/**
 * Map colours by status (client-safe): green when it can be ordered, teal on demand, amber while
 * it is being deployed or planned, grey when nothing is coming. Contrast ≥ 3:1 on the map tiles.
 */
export const STATUS_COLORS: Readonly<Record<DeploymentStatus, string>> = {
  DEPLOYE: "#137333",
  RAD: "#00737a",
  RAD_EN_COURS: "#00737a",
  EN_COURS: "#b45309",
  SIGNE: "#b45309",
  CIBLE: "#b45309",
  PREVU: "#b45309",
  ABANDONNE: "#5f6368",
  NON_PREVU: "#5f6368",
};

/** The legend: one entry per colour. */
export const STATUS_LEGEND: readonly { color: string; label: string }[] = [
  { color: STATUS_COLORS.DEPLOYE, label: "Raccordable" },
  { color: STATUS_COLORS.RAD, label: "Raccordable à la demande" },
  { color: STATUS_COLORS.EN_COURS, label: "Déploiement en cours ou prévu" },
  { color: STATUS_COLORS.NON_PREVU, label: "Aucun déploiement annoncé ou abandonné" },
];

export const UNKNOWN_STATUS_COLOR = "#5f6368";
