/**
 * The four plain levels a business reads first (PRODUCT.md, "The business answer"), and the basis
 * of each: a source's fact, the operator directory, a general rule, or nothing at all. Client-safe:
 * pages, the map, the widget, the API, exports and alerts all take their words and colours here.
 */
import type { DeploymentStatus, Technology } from "@/lib/db/enums";

export const LEVELS = ["AVAILABLE", "ON_REQUEST", "PLANNED", "NOT_ANNOUNCED"] as const;
export type Level = (typeof LEVELS)[number];

/**
 * SOURCE: a file or a publication states it, with its date. DIRECTORY: derived from the operator
 * directory (FttH pro sold by operators present at the address). GENERAL_RULE: what holds where no
 * source speaks (FttO can be built on quote almost anywhere) — always labelled as such. NONE: no
 * source and no rule: nothing is known.
 */
export const BASES = ["SOURCE", "DIRECTORY", "GENERAL_RULE", "NONE"] as const;
export type Basis = (typeof BASES)[number];

/** Business technologies sold by the operators of the directory. */
export const BUSINESS_TECHNOLOGIES = ["FTTH_PRO", "FTTE", "FTTO"] as const satisfies readonly Technology[];
export type BusinessTechnology = (typeof BUSINESS_TECHNOLOGIES)[number];

export function isBusinessTechnology(technology: Technology): technology is BusinessTechnology {
  return (BUSINESS_TECHNOLOGIES as readonly Technology[]).includes(technology);
}

/** The label of a level in the UI. */
export const LEVEL_LABELS: Readonly<Record<Level, string>> = {
  AVAILABLE: "Disponible : vous pouvez commander",
  ON_REQUEST: "Sur demande",
  PLANNED: "Prévu",
  NOT_ANNOUNCED: "Pas d'annonce",
};

/** One or two words: legends, filters, table headers. */
export const LEVEL_SHORT_LABELS: Readonly<Record<Level, string>> = {
  AVAILABLE: "Disponible",
  ON_REQUEST: "Sur demande",
  PLANNED: "Prévu",
  NOT_ANNOUNCED: "Pas d'annonce",
};

export const BASIS_LABELS: Readonly<Record<Basis, string>> = {
  SOURCE: "Information d'une source",
  DIRECTORY: "Déduit de l'annuaire des opérateurs",
  GENERAL_RULE: "Règle générale",
  NONE: "Aucune source",
};

/**
 * Map and chart colours: green when it can be ordered, teal on request, amber when planned, grey
 * when nothing is announced. Contrast ≥ 3:1 on white and on the map tiles.
 */
export const LEVEL_COLORS: Readonly<Record<Level, string>> = {
  AVAILABLE: "#137333",
  ON_REQUEST: "#00737a",
  PLANNED: "#b45309",
  NOT_ANNOUNCED: "#5f6368",
};

const STATUS_LEVELS: Readonly<Record<DeploymentStatus, Level>> = {
  DEPLOYE: "AVAILABLE",
  RAD: "ON_REQUEST",
  RAD_EN_COURS: "ON_REQUEST",
  EN_COURS: "PLANNED",
  SIGNE: "PLANNED",
  CIBLE: "PLANNED",
  PREVU: "PLANNED",
  ABANDONNE: "NOT_ANNOUNCED",
  NON_PREVU: "NOT_ANNOUNCED",
};

/** The level a source's status means. */
export function levelOfStatus(status: DeploymentStatus): Level {
  return STATUS_LEVELS[status];
}

/** The detailed statuses that make up a level (filters that take a level). */
export function statusesOfLevel(level: Level): DeploymentStatus[] {
  return (Object.keys(STATUS_LEVELS) as DeploymentStatus[]).filter((status) => STATUS_LEVELS[status] === level);
}

/** The legend of the maps and charts: one entry per level. */
export const LEVEL_LEGEND: readonly { level: Level; color: string; label: string }[] = LEVELS.map((level) => ({
  level,
  color: LEVEL_COLORS[level],
  label: LEVEL_SHORT_LABELS[level],
}));
