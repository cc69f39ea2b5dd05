import { describe, expect, it } from "vitest";
import { diffSnapshots, type Snapshot } from "./snapshot";

const planned: Snapshot = { stated: { FTTE: { status: "PREVU", date: "Ouverture prévue : 3e trimestre 2027", provenance: "Publié par CA3B le 29/11/2026" } } };

describe("diffSnapshots", () => {
  it("tells a new status with its date and what it was before", () => {
    expect(diffSnapshots({ stated: {} }, planned)).toEqual([
      { technology: "FTTE", text: "FttE : Déploiement programmé — Ouverture prévue : 3e trimestre 2027 (auparavant : aucun déploiement annoncé).", provenance: "Publié par CA3B le 29/11/2026" },
    ]);
  });

  it("tells a date that moved with the same status", () => {
    const later: Snapshot = { stated: { FTTE: { ...planned.stated.FTTE!, date: "Ouverture prévue : 1er semestre 2028" } } };
    expect(diffSnapshots(planned, later).map((change) => change.text)).toEqual([
      "FttE : Déploiement programmé — Ouverture prévue : 1er semestre 2028 (auparavant : déploiement programmé — Ouverture prévue : 3e trimestre 2027).",
    ]);
  });

  it("says nothing when only the source or its date changed", () => {
    expect(diffSnapshots(planned, { stated: { FTTE: { ...planned.stated.FTTE!, provenance: "Source : IPE LIAIN du 01/12/2026" } } })).toEqual([]);
  });

  it("tells a zone's changed counts per technology, ignoring zero counts", () => {
    const before: Snapshot = { stated: {}, coverage: { FTTH: { DEPLOYE: 8, EN_COURS: 4 } } };
    const after: Snapshot = { stated: {}, coverage: { FTTH: { DEPLOYE: 12, EN_COURS: 0 } } };
    expect(diffSnapshots(before, after).map((change) => change.text)).toEqual([
      "FttH dans la zone : 12 adresses « Raccordable » (auparavant : 8 adresses « Raccordable », 4 « Déploiement en cours »).",
    ]);
    expect(diffSnapshots(after, { stated: {}, coverage: { FTTH: { DEPLOYE: 12 } } })).toEqual([]);
  });
});
