/**
 * What a subscriber follows, reduced to what an alert compares: per technology the status and the
 * date line the public page shows (for a zone, its published schedule and how many of its
 * addresses are at each status). Snapshots are stored as JSON on the subscription; the next check
 * compares the new one with it and the digest tells the differences, in the pages' own words.
 */
import type { DeploymentStatus, Technology } from "@/lib/db/enums";
import { STATUS_LABELS, STATUS_ORDER } from "@/lib/status";
import { TECHNOLOGIES, TECHNOLOGY_INFO } from "@/lib/technologies";
import { formatInteger } from "@/lib/format";

export interface StatedState {
  status: DeploymentStatus;
  /** "Ouverture prévue : 3e trimestre 2027", "Disponible depuis le 02/10/2026", or null. */
  date: string | null;
  /** "Publié par … le …" / "Source : … du …": told, not compared. */
  provenance: string | null;
}

export interface Snapshot {
  /** Per technology some source states (address) or the zone's schedule states (zone). */
  stated: Partial<Record<Technology, StatedState>>;
  /** Zones only: addresses per technology and status. */
  coverage?: Partial<Record<Technology, Partial<Record<DeploymentStatus, number>>>>;
}

export interface Change {
  technology: Technology;
  /** One sentence in French: "FttE : Déploiement programmé — Ouverture prévue : 3e trimestre 2027 (auparavant : aucun déploiement annoncé)." */
  text: string;
  provenance: string | null;
}

const describeState = (state: StatedState | undefined) =>
  state ? `${STATUS_LABELS[state.status]}${state.date ? ` — ${state.date}` : ""}` : STATUS_LABELS.NON_PREVU;

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

function describeCounts(counts: Partial<Record<DeploymentStatus, number>> | undefined): string {
  const parts = STATUS_ORDER.filter((status) => counts?.[status]).map((status, index) => {
    const count = counts![status]!;
    return `${formatInteger(count)}${index === 0 ? (count > 1 ? " adresses" : " adresse") : ""} « ${STATUS_LABELS[status]} »`;
  });
  return parts.length ? parts.join(", ") : "aucune adresse concernée";
}

const sameCounts = (a: Partial<Record<DeploymentStatus, number>> = {}, b: Partial<Record<DeploymentStatus, number>> = {}) =>
  STATUS_ORDER.every((status) => (a[status] ?? 0) === (b[status] ?? 0));

/** The changes from `before` to `after`, technology by technology; none when only provenance moved. */
export function diffSnapshots(before: Snapshot, after: Snapshot): Change[] {
  const changes: Change[] = [];
  for (const technology of TECHNOLOGIES) {
    const name = TECHNOLOGY_INFO[technology].name;
    const [old, now] = [before.stated[technology], after.stated[technology]];
    if ((old?.status ?? "NON_PREVU") !== (now?.status ?? "NON_PREVU") || (old?.date ?? null) !== (now?.date ?? null)) {
      changes.push({
        technology,
        text: `${name} : ${describeState(now)} (auparavant : ${lowerFirst(describeState(old))}).`,
        provenance: now?.provenance ?? null,
      });
    }
    if ((before.coverage || after.coverage) && !sameCounts(before.coverage?.[technology], after.coverage?.[technology])) {
      changes.push({
        technology,
        text: `${name} dans la zone : ${describeCounts(after.coverage?.[technology])} (auparavant : ${describeCounts(before.coverage?.[technology])}).`,
        provenance: null,
      });
    }
  }
  return changes;
}

export function parseSnapshot(json: string | null): Snapshot | null {
  return json ? (JSON.parse(json) as Snapshot) : null;
}
