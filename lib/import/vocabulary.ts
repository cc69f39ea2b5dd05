/**
 * The one place where each source's vocabulary is mapped to ours (PRODUCT.md, status table).
 */
import type { DeploymentStatus } from "@/lib/db/enums";

/** IPE EtatImmeuble → our status. */
const IPE_STATES: Readonly<Record<string, DeploymentStatus>> = {
  DEPLOYE: "DEPLOYE",
  "RACCORDABLE DEMANDE": "RAD",
  "RAD EN COURS DE DEPLOIEMENT": "RAD_EN_COURS",
  "EN COURS DE DEPLOIEMENT": "EN_COURS",
  SIGNE: "SIGNE",
  CIBLE: "CIBLE",
  ABANDONNE: "ABANDONNE",
};

/** Arcep Carte fibre imb_etat (lower case, no accents) → our status. */
const ARCEP_STATES: Readonly<Record<string, DeploymentStatus>> = {
  deploye: "DEPLOYE",
  "raccordable demande": "RAD",
  "en cours de deploiement": "EN_COURS",
  signe: "SIGNE",
  cible: "CIBLE",
  abandonne: "ABANDONNE",
};

function canonical(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[\s_]+/g, " ")
    .trim();
}

export function statusFromIpe(etatImmeuble: string): DeploymentStatus | null {
  return IPE_STATES[canonical(etatImmeuble).toUpperCase()] ?? null;
}

export function statusFromArcep(imbEtat: string): DeploymentStatus | null {
  return ARCEP_STATES[canonical(imbEtat).toLowerCase()] ?? null;
}

/** Arcep Ma connexion internet code_techno → our technology; only fibre is ours. */
export function technologyFromMci(codeTechno: string): "FTTH" | null {
  return codeTechno.trim().toUpperCase() === "FO" ? "FTTH" : null;
}
