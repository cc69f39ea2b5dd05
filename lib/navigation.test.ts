import { describe, expect, it } from "vitest";
import { currentness, type NavItem } from "./navigation";

const site: NavItem[] = [
  { href: "/", label: "Rechercher", exact: true, also: ["/recherche"] },
  { href: "/carte", label: "Carte" },
  { href: "/sources", label: "Sources des données" },
];
const admin: NavItem[] = [
  { href: "/admin", label: "Tableau de bord", exact: true },
  { href: "/admin/zones", label: "Zones d'activités" },
  { href: "/admin/publications", label: "Publications" },
];

describe("currentness", () => {
  it("marks the entry of the page itself as the page", () => {
    expect(currentness("/", site)).toEqual(["page", undefined, undefined]);
    expect(currentness("/carte", site)).toEqual([undefined, "page", undefined]);
    expect(currentness("/admin", admin)).toEqual(["page", undefined, undefined]);
    expect(currentness("/admin/zones/", admin)).toEqual([undefined, "page", undefined]);
  });

  it("marks the section of a page below an entry, never two entries", () => {
    expect(currentness("/recherche", site)).toEqual(["true", undefined, undefined]);
    expect(currentness("/admin/zones/01053_SITE-ECO_00001", admin)).toEqual([undefined, "true", undefined]);
    expect(currentness("/admin/publications/nouvelle", admin)).toEqual([undefined, undefined, "true"]);
  });

  it("marks nothing for a page outside the menu", () => {
    expect(currentness("/commune/01053", site)).toEqual([undefined, undefined, undefined]);
    expect(currentness("/cartes", site)).toEqual([undefined, undefined, undefined]);
    expect(currentness("/admin/journal", admin)).toEqual([undefined, undefined, undefined]);
  });
});
