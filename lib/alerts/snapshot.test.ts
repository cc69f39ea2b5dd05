import { describe, expect, it } from "vitest";
import { dateKeyOf, diffSnapshots, type Snapshot } from "./snapshot";

const utc = (text: string) => new Date(`${text}T00:00:00Z`);
const planned: Snapshot = {
  stated: { FTTE: { level: "PLANNED", status: "PREVU", date: "Ouverture prévue T3 2027", dateKey: "planned:2027-07-01:QUARTER", provenance: "Publié par CA3B le 29/11/2026" } },
};

describe("diffSnapshots", () => {
  it("tells a new level with its status, date and what it was before", () => {
    expect(diffSnapshots({ stated: {} }, planned)).toEqual([
      { technology: "FTTE", text: "FttE : Prévu — Déploiement programmé — Ouverture prévue T3 2027 (auparavant : pas d'annonce).", provenance: "Publié par CA3B le 29/11/2026" },
    ]);
  });

  it("tells a date that moved with the same status", () => {
    const later: Snapshot = { stated: { FTTE: { ...planned.stated.FTTE!, date: "Ouverture prévue S1 2028", dateKey: "planned:2028-01-01:HALF" } } };
    expect(diffSnapshots(planned, later).map((change) => change.text)).toEqual([
      "FttE : Prévu — Déploiement programmé — Ouverture prévue S1 2028 (auparavant : prévu — Déploiement programmé — Ouverture prévue T3 2027).",
    ]);
  });

  it("says nothing when only the source, its date or the words of the date changed", () => {
    expect(diffSnapshots(planned, { stated: { FTTE: { ...planned.stated.FTTE!, provenance: "Source : IPE LIAIN du 01/12/2026" } } })).toEqual([]);
    expect(diffSnapshots(planned, { stated: { FTTE: { ...planned.stated.FTTE!, date: "Ouverture prévue au T3 2027" } } })).toEqual([]);
  });

  it("reads snapshots taken before the levels: same status and date → nothing; a new date → a change", () => {
    const old: Snapshot = { stated: { FTTE: { status: "PREVU", date: "Ouverture prévue : T3 2027", provenance: "Publié par CA3B le 29/11/2026" } } };
    expect(diffSnapshots(old, planned)).toEqual([]);
    const day: Snapshot = { stated: { FTTH: { status: "EN_COURS", date: "Ouverture prévue le 07/05/2027", provenance: "x" } } };
    const dayNow: Snapshot = { stated: { FTTH: { level: "PLANNED", status: "EN_COURS", date: "Ouverture prévue au plus tôt le 7 mai 2027", dateKey: "planned:2027-05-07:DAY", provenance: "x" } } };
    expect(diffSnapshots(day, dayNow)).toEqual([]);
    const moved: Snapshot = { stated: { FTTH: { ...dayNow.stated.FTTH!, dateKey: "planned:2027-06-07:DAY", date: "Ouverture prévue au plus tôt le 7 juin 2027" } } };
    expect(diffSnapshots(day, moved)).toHaveLength(1);
  });

  it("tells a zone's changed counts per technology and level, ignoring zero counts; old counts by status are read as levels", () => {
    const before: Snapshot = { stated: {}, levels: { FTTH: { AVAILABLE: 8, PLANNED: 4 } } };
    const after: Snapshot = { stated: {}, levels: { FTTH: { AVAILABLE: 12, PLANNED: 0 } } };
    expect(diffSnapshots(before, after).map((change) => change.text)).toEqual([
      "FttH dans la zone : 12 adresses « Disponible » (auparavant : 8 adresses « Disponible », 4 « Prévu »).",
    ]);
    expect(diffSnapshots(after, { stated: {}, levels: { FTTH: { AVAILABLE: 12 } } })).toEqual([]);
    const legacy: Snapshot = { stated: {}, coverage: { FTTH: { DEPLOYE: 8, EN_COURS: 3, SIGNE: 1 } } };
    expect(diffSnapshots(legacy, before)).toEqual([]);
  });
});

describe("dateKeyOf", () => {
  it("keys an opening date, else a planned date with its precision", () => {
    expect(dateKeyOf({ status: "DEPLOYE", since: utc("2026-10-02"), planned: null })).toBe("since:2026-10-02");
    expect(dateKeyOf({ status: "PREVU", since: null, planned: { date: utc("2027-07-01"), precision: "QUARTER" } })).toBe("planned:2027-07-01:QUARTER");
    expect(dateKeyOf({ status: "SIGNE", since: null, planned: null })).toBeNull();
  });
});
