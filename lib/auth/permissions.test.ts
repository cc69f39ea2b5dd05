/**
 * The permission rules as a matrix: each table lists, for every kind of actor, what each rule
 * answers for each target. Read a row as "this actor may (✓) or may not (✗) do this to that".
 */
import { describe, expect, it } from "vitest";
import type { UserRole } from "@/lib/db/enums";
import {
  canEditPublicContact,
  canManageOperatorDirectory,
  assignableRoles, canArchiveZone, canCreateZone, canEditPublication, canEditZone, canImport, canManageOrganisations,
  canManageUsers, canPublishFor, canViewAudit, canViewOrganisationData, ensure, isInTerritory, type Actor, type ZoneRef,
} from "./permissions";

const ORG_A = "org-a";
const ORG_B = "org-b";
/** A: Bourg-en-Bresse and Viriat. B: Oyonnax. Ambérieu-en-Bugey (01004) belongs to nobody. */
const TERRITORY_A = new Set(["01053", "01451"]);
const TERRITORY_B = new Set(["01283"]);

const actor = (role: UserRole, organisationId: string | null, territory: ReadonlySet<string>): Actor => ({
  id: `${role}-${organisationId}`,
  email: `${role.toLowerCase()}@example.test`,
  name: null,
  role,
  organisationId,
  organisationName: organisationId,
  territory,
});

const ACTORS = {
  "platform admin": actor("ADMIN", null, new Set()),
  "org admin of A": actor("ORG_ADMIN", ORG_A, TERRITORY_A),
  "editor of A": actor("EDITOR", ORG_A, TERRITORY_A),
  "editor of B": actor("EDITOR", ORG_B, TERRITORY_B),
  "editor without organisation": actor("EDITOR", null, new Set()),
} satisfies Record<string, Actor>;
type ActorName = keyof typeof ACTORS;

const Y = true;
const N = false;

/** Rows of a matrix → it.each cases [actor, target, expected]. */
function cases<Target extends string>(targets: readonly Target[], matrix: Record<ActorName, boolean[]>) {
  return (Object.entries(matrix) as [ActorName, boolean[]][]).flatMap(([name, row]) => {
    expect(row).toHaveLength(targets.length);
    return targets.map((target, index) => [name, target, row[index]!] as const);
  });
}

const ZONES = {
  "own zone (A, in A's territory)": { organisationId: ORG_A, inseeCode: "01053" },
  "zone owned by B": { organisationId: ORG_B, inseeCode: "01283" },
  "zone owned by B inside A's territory": { organisationId: ORG_B, inseeCode: "01451" },
  "unowned zone in A's territory": { organisationId: null, inseeCode: "01451" },
  "unowned zone in B's territory": { organisationId: null, inseeCode: "01283" },
  "unowned zone outside every territory": { organisationId: null, inseeCode: "01004" },
} satisfies Record<string, ZoneRef>;
const ZONE_NAMES = Object.keys(ZONES) as (keyof typeof ZONES)[];

describe("canEditZone (details, outline, publishing for it)", () => {
  it.each(
    cases(ZONE_NAMES, {
      //                            own A  owned B  B in A  free A  free B  free out
      "platform admin":              [Y,    Y,       Y,      Y,      Y,      Y],
      "org admin of A":              [Y,    N,       N,      Y,      N,      N],
      "editor of A":                 [Y,    N,       N,      Y,      N,      N],
      "editor of B":                 [N,    Y,       Y,      N,      Y,      N],
      "editor without organisation": [N,    N,       N,      N,      N,      N],
    }),
  )("%s × %s → %s", (name, zone, expected) => {
    expect(canEditZone(ACTORS[name], ZONES[zone])).toBe(expected);
  });
});

describe("canArchiveZone (organisation admins only)", () => {
  it.each(
    cases(ZONE_NAMES, {
      //                            own A  owned B  B in A  free A  free B  free out
      "platform admin":              [Y,    Y,       Y,      Y,      Y,      Y],
      "org admin of A":              [Y,    N,       N,      Y,      N,      N],
      "editor of A":                 [N,    N,       N,      N,      N,      N],
      "editor of B":                 [N,    N,       N,      N,      N,      N],
      "editor without organisation": [N,    N,       N,      N,      N,      N],
    }),
  )("%s × %s → %s", (name, zone, expected) => {
    expect(canArchiveZone(ACTORS[name], ZONES[zone])).toBe(expected);
  });
});

const COMMUNES = ["01053 (A)", "01283 (B)", "01004 (nobody's)"] as const;
const inseeOf = (label: string) => label.slice(0, 5);

describe("canCreateZone and isInTerritory (a commune)", () => {
  const matrix: Record<ActorName, boolean[]> = {
    //                            A   B   nobody's
    "platform admin":              [Y, Y, Y],
    "org admin of A":              [Y, N, N],
    "editor of A":                 [Y, N, N],
    "editor of B":                 [N, Y, N],
    "editor without organisation": [N, N, N],
  };
  it.each(cases(COMMUNES, matrix))("%s × %s → %s", (name, commune, expected) => {
    expect(canCreateZone(ACTORS[name], inseeOf(commune))).toBe(expected);
    expect(isInTerritory(ACTORS[name], inseeOf(commune))).toBe(expected);
  });
});

const SELECTIONS = {
  "only A's communes": ["01053", "01451"],
  "A's and B's communes": ["01053", "01283"],
  "a commune of nobody": ["01004"],
  "nothing": [],
} satisfies Record<string, string[]>;
const SELECTION_NAMES = Object.keys(SELECTIONS) as (keyof typeof SELECTIONS)[];

describe("canPublishFor (every commune of a selection must be in the territory)", () => {
  it.each(
    cases(SELECTION_NAMES, {
      //                            only A  A+B  nobody's  nothing
      "platform admin":              [Y,     Y,   Y,        N],
      "org admin of A":              [Y,     N,   N,        N],
      "editor of A":                 [Y,     N,   N,        N],
      "editor of B":                 [N,     N,   N,        N],
      "editor without organisation": [N,     N,   N,        N],
    }),
  )("%s × %s → %s", (name, selection, expected) => {
    expect(canPublishFor(ACTORS[name], SELECTIONS[selection])).toBe(expected);
  });
});

const ORGANISATIONS = { "organisation A": ORG_A, "organisation B": ORG_B, "no organisation (platform)": null } as const;
const ORGANISATION_NAMES = Object.keys(ORGANISATIONS) as (keyof typeof ORGANISATIONS)[];

describe.each([
  {
    rule: "canImport",
    check: canImport,
    matrix: {
      //                            A  B  none
      "platform admin":              [Y, Y, Y],
      "org admin of A":              [Y, N, N],
      "editor of A":                 [Y, N, N],
      "editor of B":                 [N, Y, N],
      "editor without organisation": [N, N, N],
    },
  },
  {
    rule: "canViewOrganisationData",
    check: canViewOrganisationData,
    matrix: {
      "platform admin":              [Y, Y, Y],
      "org admin of A":              [Y, N, N],
      "editor of A":                 [Y, N, N],
      "editor of B":                 [N, Y, N],
      "editor without organisation": [N, N, N],
    },
  },
  {
    rule: "canManageUsers",
    check: canManageUsers,
    matrix: {
      "platform admin":              [Y, Y, Y],
      "org admin of A":              [Y, N, N],
      "editor of A":                 [N, N, N],
      "editor of B":                 [N, N, N],
      "editor without organisation": [N, N, N],
    },
  },
  {
    rule: "canViewAudit",
    check: canViewAudit,
    matrix: {
      "platform admin":              [Y, Y, Y],
      "org admin of A":              [Y, N, N],
      "editor of A":                 [N, N, N],
      "editor of B":                 [N, N, N],
      "editor without organisation": [N, N, N],
    },
  },
  {
    rule: "canEditPublicContact",
    check: (who: Actor, organisationId: string | null) => organisationId !== null && canEditPublicContact(who, organisationId),
    matrix: {
      "platform admin":              [Y, Y, N],
      "org admin of A":              [Y, N, N],
      "editor of A":                 [N, N, N],
      "editor of B":                 [N, N, N],
      "editor without organisation": [N, N, N],
    },
  },
  {
    rule: "canEditPublication",
    check: (who: Actor, organisationId: string | null) => organisationId !== null && canEditPublication(who, { organisationId }),
    matrix: {
      "platform admin":              [Y, Y, N],
      "org admin of A":              [Y, N, N],
      "editor of A":                 [Y, N, N],
      "editor of B":                 [N, Y, N],
      "editor without organisation": [N, N, N],
    },
  },
] satisfies { rule: string; check: (who: Actor, organisationId: string | null) => boolean; matrix: Record<ActorName, boolean[]> }[])(
  "$rule (an organisation)",
  ({ check, matrix }) => {
    it.each(cases(ORGANISATION_NAMES, matrix))("%s × %s → %s", (name, organisation, expected) => {
      expect(check(ACTORS[name], ORGANISATIONS[organisation])).toBe(expected);
    });
  },
);

describe("assignableRoles, canManageOrganisations and canManageOperatorDirectory", () => {
  it.each([
    ["platform admin", ["ADMIN", "ORG_ADMIN", "EDITOR"], Y],
    ["org admin of A", ["ORG_ADMIN", "EDITOR"], N],
    ["editor of A", [], N],
    ["editor of B", [], N],
    ["editor without organisation", [], N],
  ] satisfies [ActorName, UserRole[], boolean][])("%s may give %j; manages organisations: %s", (name, roles, managesOrganisations) => {
    expect(assignableRoles(ACTORS[name])).toEqual(roles);
    expect(canManageOrganisations(ACTORS[name])).toBe(managesOrganisations);
    expect(canManageOperatorDirectory(ACTORS[name])).toBe(managesOrganisations);
  });
});

describe("ensure", () => {
  it("throws a 403 AppError with the French message when not allowed", () => {
    expect(() => ensure(false, "Pas pour vous.")).toThrow(expect.objectContaining({ code: "forbidden", status: 403, message: "Pas pour vous." }));
    expect(() => ensure(true)).not.toThrow();
  });
});
