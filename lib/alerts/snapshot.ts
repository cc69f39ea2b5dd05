/**
 * What a subscriber follows, reduced to what an alert compares: per technology the level, the
 * status and the date the public page shows (for a zone, its published schedule and how many of
 * its addresses are at each level). Snapshots are stored as JSON on the subscription; the next
 * check compares the new one with it and the digest tells the differences, in the pages' words.
 *
 * Snapshots taken before the levels existed (status only, a date sentence, zone counts by status)
 * are still read: they compare by status and by the date sentence as it was then written, so an
 * upgrade sends no digest when nothing changed.
 */
import type { DeploymentStatus, Technology } from "@/lib/db/enums";
import { formatDate, formatPlannedDate } from "@/lib/format";
import { LEVELS, LEVEL_SHORT_LABELS, levelOfStatus, type Level } from "@/lib/levels/levels";
import { STATUS_LABELS } from "@/lib/status";
import { TECHNOLOGIES, TECHNOLOGY_INFO } from "@/lib/technologies";
import { formatInteger } from "@/lib/format";

export interface StatedState {
  /** Absent in snapshots taken before the levels existed: the status's level then. */
  level?: Level;
  status: DeploymentStatus;
  /** "Ouverture prévue T3 2027", "Disponible depuis le 02/10/2026", or null. */
  date: string | null;
  /** What the date is, compared rather than its sentence: "planned:2027-07-01:QUARTER", "since:2026-10-02". Absent in old snapshots. */
  dateKey?: string | null;
  /** "Publié par … le …" / "Source : … du …": told, not compared. */
  provenance: string | null;
}

export interface Snapshot {
  /** Per technology some source (or the operator directory) states (address) or the zone's schedule states (zone). */
  stated: Partial<Record<Technology, StatedState>>;
  /** Zones: addresses per technology and level, as stated by sources or the directory (general rules left out). */
  levels?: Partial<Record<Technology, Partial<Record<Level, number>>>>;
  /** Zones, snapshots taken before the levels existed: addresses per technology and status. */
  coverage?: Partial<Record<Technology, Partial<Record<DeploymentStatus, number>>>>;
}

export interface Change {
  technology: Technology;
  /** One sentence in French: "FttE : Prévu — Déploiement programmé — Ouverture prévue T3 2027 (auparavant : pas d'annonce)." */
  text: string;
  provenance: string | null;
}

/** The key of a stated date: what changed, whatever the words. */
export function dateKeyOf(entry: { since: Date | null; planned: { date: Date; precision: string } | null; status: DeploymentStatus }): string | null {
  if (entry.since && (entry.status === "DEPLOYE" || entry.status === "RAD")) return `since:${entry.since.toISOString().slice(0, 10)}`;
  if (entry.planned) return `planned:${entry.planned.date.toISOString().slice(0, 10)}:${entry.planned.precision}`;
  return null;
}

/** The date sentence as snapshots wrote it before the levels existed, to compare with those. */
function legacyDateSentence(dateKey: string | null | undefined): string | null {
  if (!dateKey) return null;
  const [kind, day, precision] = dateKey.split(":");
  const date = new Date(`${day}T00:00:00Z`);
  if (kind === "since") return `Disponible depuis le ${formatDate(date)}`;
  if (precision === "DAY") return `Ouverture prévue le ${formatDate(date)}`;
  return `Ouverture prévue : ${formatPlannedDate(date, precision as "MONTH")}`;
}

const levelOf = (state: StatedState) => state.level ?? levelOfStatus(state.status);

const describeState = (state: StatedState | undefined) =>
  state ? `${LEVEL_SHORT_LABELS[levelOf(state)]} — ${STATUS_LABELS[state.status]}${state.date ? ` — ${state.date}` : ""}` : LEVEL_SHORT_LABELS.NOT_ANNOUNCED;

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

function sameState(old: StatedState | undefined, now: StatedState | undefined): boolean {
  if (!old || !now) return !old && !now;
  if (old.status !== now.status || levelOf(old) !== levelOf(now)) return false;
  if (old.dateKey !== undefined) return old.dateKey === (now.dateKey ?? null);
  return (old.date ?? null) === legacyDateSentence(now.dateKey);
}

type LevelCounts = Partial<Record<Level, number>>;

/** A zone snapshot's counts by level, converting an old snapshot's counts by status. */
function levelCounts(snapshot: Snapshot, technology: Technology): LevelCounts | undefined {
  if (snapshot.levels) return snapshot.levels[technology];
  const statuses = snapshot.coverage?.[technology];
  if (!statuses) return snapshot.coverage ? {} : undefined;
  const counts: LevelCounts = {};
  for (const [status, n] of Object.entries(statuses) as [DeploymentStatus, number][]) {
    if (n) counts[levelOfStatus(status)] = (counts[levelOfStatus(status)] ?? 0) + n;
  }
  return counts;
}

function describeCounts(counts: LevelCounts | undefined): string {
  const parts = LEVELS.filter((level) => counts?.[level]).map((level, index) => {
    const count = counts![level]!;
    return `${formatInteger(count)}${index === 0 ? (count > 1 ? " adresses" : " adresse") : ""} « ${LEVEL_SHORT_LABELS[level]} »`;
  });
  return parts.length ? parts.join(", ") : "aucune adresse concernée";
}

const sameCounts = (a: LevelCounts = {}, b: LevelCounts = {}) => LEVELS.every((level) => (a[level] ?? 0) === (b[level] ?? 0));

/** The changes from `before` to `after`, technology by technology; none when only provenance moved. */
export function diffSnapshots(before: Snapshot, after: Snapshot): Change[] {
  const changes: Change[] = [];
  const isZone = !!(before.levels || before.coverage || after.levels || after.coverage);
  for (const technology of TECHNOLOGIES) {
    const name = TECHNOLOGY_INFO[technology].name;
    const [old, now] = [before.stated[technology], after.stated[technology]];
    if (!sameState(old, now)) {
      changes.push({
        technology,
        text: `${name} : ${describeState(now)} (auparavant : ${lowerFirst(describeState(old))}).`,
        provenance: now?.provenance ?? null,
      });
    }
    if (!isZone) continue;
    const [oldCounts, newCounts] = [levelCounts(before, technology), levelCounts(after, technology)];
    if (!sameCounts(oldCounts, newCounts)) {
      changes.push({
        technology,
        text: `${name} dans la zone : ${describeCounts(newCounts)} (auparavant : ${describeCounts(oldCounts)}).`,
        provenance: null,
      });
    }
  }
  return changes;
}

export function parseSnapshot(json: string | null): Snapshot | null {
  return json ? (JSON.parse(json) as Snapshot) : null;
}
