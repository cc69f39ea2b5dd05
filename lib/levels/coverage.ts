/**
 * Coverage of a set of addresses by level (a zone's, a commune's, a territory's): the same rules as
 * one address's answer (lib/levels/answer.ts), applied to counts — the sources' facts by status,
 * and for FttH pro without a source, the addresses where FttH can be ordered and an operator
 * present sells FttH pro. Every address is counted once per technology.
 */
import type { DeploymentStatus, Technology } from "@/lib/db/enums";
import { BASES, LEVELS, levelOfStatus, type Basis, type Level } from "@/lib/levels/levels";
import { TECHNOLOGIES } from "@/lib/technologies";

export interface LevelCount {
  level: Level;
  basis: Basis;
  count: number;
}

/** Addresses with no FttH pro fact whose FttH (from a source) can be ordered, by FttH status and seller presence. */
export interface DerivedFtthPro {
  ftthStatus: DeploymentStatus;
  hasSeller: boolean;
  count: number;
}

export type StatusCounts = Partial<Record<Technology, Partial<Record<DeploymentStatus, number>>>>;

/** Where no source speaks: FttO on quote by the general rule, the others nothing known. */
const UNSTATED: Readonly<Record<Technology, { level: Level; basis: Basis }>> = {
  FTTH: { level: "NOT_ANNOUNCED", basis: "NONE" },
  FTTH_PRO: { level: "NOT_ANNOUNCED", basis: "NONE" },
  FTTE: { level: "NOT_ANNOUNCED", basis: "NONE" },
  FTTO: { level: "ON_REQUEST", basis: "GENERAL_RULE" },
};

function ordered(counts: Map<string, number>): LevelCount[] {
  const entries: LevelCount[] = [];
  for (const level of LEVELS) {
    for (const basis of BASES) {
      const count = counts.get(`${level}|${basis}`) ?? 0;
      if (count > 0) entries.push({ level, basis, count });
    }
  }
  return entries;
}

export function coverageLevels(addresses: number, statuses: StatusCounts, derivedFtthPro: readonly DerivedFtthPro[]): Record<Technology, LevelCount[]> {
  const result = {} as Record<Technology, LevelCount[]>;
  for (const technology of TECHNOLOGIES) {
    const counts = new Map<string, number>();
    const add = (level: Level, basis: Basis, n: number) => counts.set(`${level}|${basis}`, (counts.get(`${level}|${basis}`) ?? 0) + n);
    let stated = 0;
    for (const [status, n] of Object.entries(statuses[technology] ?? {}) as [DeploymentStatus, number][]) {
      add(levelOfStatus(status), "SOURCE", n);
      stated += n;
    }
    if (technology === "FTTH_PRO") {
      for (const derived of derivedFtthPro) {
        if (derived.hasSeller) add(levelOfStatus(derived.ftthStatus), "DIRECTORY", derived.count);
        else add("NOT_ANNOUNCED", "DIRECTORY", derived.count);
        stated += derived.count;
      }
    }
    const rest = Math.max(0, addresses - stated);
    add(UNSTATED[technology].level, UNSTATED[technology].basis, rest);
    result[technology] = ordered(counts);
  }
  return result;
}

/** Share of the addresses, to one decimal. */
export function percentOf(count: number, addresses: number): number {
  return addresses === 0 ? 0 : Math.round((count / addresses) * 1000) / 10;
}

/** Addresses at a level, whatever the basis. */
export function countAt(levels: readonly LevelCount[], level: Level): number {
  return levels.filter((entry) => entry.level === level).reduce((sum, entry) => sum + entry.count, 0);
}
