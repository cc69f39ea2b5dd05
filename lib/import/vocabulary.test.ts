import { describe, expect, it } from "vitest";
import { statusFromArcep, statusFromIpe, technologyFromMci } from "./vocabulary";

describe("statusFromIpe", () => {
  it.each([
    ["CIBLE", "CIBLE"],
    ["RACCORDABLE DEMANDE", "RAD"],
    ["RAD EN COURS DE DEPLOIEMENT", "RAD_EN_COURS"],
    ["SIGNE", "SIGNE"],
    ["EN COURS DE DEPLOIEMENT", "EN_COURS"],
    ["DEPLOYE", "DEPLOYE"],
    ["ABANDONNE", "ABANDONNE"],
    ["déployé", "DEPLOYE"],
    [" en_cours_de_deploiement ", "EN_COURS"],
  ])("maps every EtatImmeuble value: %s", (value, status) => {
    expect(statusFromIpe(value)).toBe(status);
  });

  it("returns null for an unknown state", () => {
    expect(statusFromIpe("EN TRAVAUX")).toBeNull();
    expect(statusFromIpe("")).toBeNull();
  });
});

describe("statusFromArcep", () => {
  it.each([
    ["deploye", "DEPLOYE"],
    ["raccordable demande", "RAD"],
    ["en cours de deploiement", "EN_COURS"],
    ["signe", "SIGNE"],
    ["cible", "CIBLE"],
    ["abandonne", "ABANDONNE"],
  ])("maps imb_etat %s", (value, status) => {
    expect(statusFromArcep(value)).toBe(status);
  });

  it("returns null for an unknown state", () => {
    expect(statusFromArcep("inconnu")).toBeNull();
  });
});

describe("technologyFromMci", () => {
  it("keeps fibre only", () => {
    expect(technologyFromMci("FO")).toBe("FTTH");
    expect(technologyFromMci("CU")).toBeNull();
  });
});
