import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { BAN_HEADER, banLine, writeImportFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { countPositions } from "@/lib/geo/outline-checks";
import { DISPLAY_POINTS_MAX } from "@/lib/geo/outline-display";
import type { MultiPolygon } from "@/lib/geo/outline";
import { wavyPolygon } from "@/lib/testing/big-outline";
import { parseOutlineText } from "@/lib/validation/admin-zones";
import { archiveZone, createZone, getZoneForAdmin, listZonesForAdmin, restoreZone, updateZone, type ZoneInput } from "./admin-zones";
import { createOrganisation } from "./organisations";

const square = (lon: number, lat: number, size: number) =>
  JSON.stringify({ type: "Polygon", coordinates: [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]] });

function input(outlineText: string, extra: Partial<ZoneInput> = {}): ZoneInput {
  const { outline, error } = parseOutlineText(outlineText);
  if (!outline) throw new Error(error);
  return { name: "ZA des Tests", inseeCode: "01053", state: "existant et actif", vocation: "mixte", contact: null, outline, ...extra };
}

let editor: Actor;
let orgAdmin: Actor;
let stranger: Actor;

const zoneOf = async (id: string) => (await db.address.findUniqueOrThrow({ where: { id } })).zoneId;

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  await runImport("ban", writeImportFile("adresses-admin-zones.csv", [
    BAN_HEADER,
    banLine({ id: "01053_adm1_00001", numero: "1", nom_voie: "Rue des Essais", lon: "5.2105", lat: "46.2105" }),
    banLine({ id: "01053_adm1_00002", numero: "2", nom_voie: "Rue des Essais", lon: "5.2150", lat: "46.2150" }),
    banLine({ id: "01053_adm1_00003", numero: "3", nom_voie: "Rue des Essais", lon: "5.2500", lat: "46.2500" }),
  ]), { triggeredBy: "test" });
  const cli = { id: null, email: "cli:test" } as const;
  const organisation = await createOrganisation({ name: "Bassin de Bourg", kind: "COLLECTIVITE", inseeCodes: ["01053"] }, cli);
  const other = await createOrganisation({ name: "Ailleurs", kind: "COLLECTIVITE", inseeCodes: ["42218"] }, cli);
  const base = { name: null, organisationName: organisation.name, organisationId: organisation.id, territory: new Set(["01053"]) };
  editor = { ...base, id: "editor-1", email: "editor@test", role: "EDITOR" };
  orgAdmin = { ...base, id: "org-admin-1", email: "admin@test", role: "ORG_ADMIN" };
  stranger = { ...editor, id: "stranger", email: "stranger@test", organisationId: other.id, organisationName: other.name, territory: new Set(["42218"]) };
});

describe("admin zones", () => {
  it("creates a zone with the CNIG id, commune details, the addresses inside and an audit entry", async () => {
    const { id, addressCount } = await createZone(input(square(5.21, 46.21, 0.003)), editor);
    expect(id).toBe("01053_SITE-ECO_90001");
    expect(addressCount).toBe(1);
    expect(await zoneOf("01053_adm1_00001")).toBe(id);
    expect(await zoneOf("01053_adm1_00002")).toBeNull();
    const zone = (await getZoneForAdmin(id))!;
    expect(zone).toMatchObject({ organisationId: editor.organisationId, communeName: "Bourg-en-Bresse", addressCount: 1, minLon: 5.21, maxLat: 46.213 });
    expect(zone.searchName).toContain("bourg");
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: id, action: "zone.create" } });
    expect(JSON.parse(audit.after!)).toMatchObject({ name: "ZA des Tests", addressCount: 1, outlineHash: expect.any(String) });
    expect(audit.after).not.toContain("coordinates");

    const second = await createZone(input(square(5.3, 46.3, 0.001), { name: "ZA Deux" }), editor);
    expect(second.id).toBe("01053_SITE-ECO_90002");
    expect((await listZonesForAdmin(editor, { query: "deux", page: 1 })).zones.map((row) => row.id)).toEqual([second.id]);
    expect((await listZonesForAdmin(stranger, { page: 1 })).total).toBe(0);
  });

  it("stores a drawn outline whole and a display copy of it", async () => {
    const { id } = await createZone(input(JSON.stringify(wavyPolygon(20_000, [5.45, 46.45])), { name: "ZA Dessinée" }), editor);
    const saved = await db.activityZone.findUniqueOrThrow({ where: { id } });
    expect(countPositions(JSON.parse(saved.outline) as MultiPolygon)).toBe(20_000);
    expect(countPositions(JSON.parse(saved.displayOutline!) as MultiPolygon)).toBeLessThanOrEqual(DISPLAY_POINTS_MAX);
    const small = await createZone(input(square(5.46, 46.46, 0.001), { name: "ZA Petite" }), editor);
    const smallSaved = await db.activityZone.findUniqueOrThrow({ where: { id: small.id } });
    expect(smallSaved.displayOutline).toBe(smallSaved.outline);
  });

  it("refuses a commune outside the territory", async () => {
    await expect(createZone(input(square(5.21, 46.21, 0.003), { inseeCode: "42218" }), editor)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("recomputes the addresses when the outline moves, and audits before and after", async () => {
    const { id } = await createZone(input(square(5.2, 46.2, 0.001), { name: "ZA Mobile" }), editor);
    const loaded = (await getZoneForAdmin(id))!;
    const { addressCount } = await updateZone(id, input(square(5.2145, 46.2145, 0.001), { name: "ZA Mobile" }), editor, loaded.updatedAt);
    expect(addressCount).toBe(1);
    expect(await zoneOf("01053_adm1_00002")).toBe(id);

    // Grown over the first zone's address: it moves here; shrunk back: it returns to the first zone.
    const grown = (await getZoneForAdmin(id))!;
    await updateZone(id, input(square(5.2, 46.2, 0.02), { name: "ZA Mobile" }), editor, grown.updatedAt);
    expect(await zoneOf("01053_adm1_00001")).toBe(id);
    const shrunk = (await getZoneForAdmin(id))!;
    expect((await updateZone(id, input(square(5.2145, 46.2145, 0.001), { name: "ZA Mobile" }), editor, shrunk.updatedAt)).addressCount).toBe(1);
    expect(await zoneOf("01053_adm1_00001")).toBe("01053_SITE-ECO_90001");
    expect(await zoneOf("01053_adm1_00002")).toBe(id);

    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: id, action: "zone.update" }, orderBy: { at: "asc" } });
    expect(JSON.parse(audit.before!)).toMatchObject({ addressCount: 0 });
    expect(JSON.parse(audit.after!)).toMatchObject({ addressCount: 1 });
  });

  it("refuses a save over a newer version and changes nothing", async () => {
    const { id } = await createZone(input(square(5.4, 46.4, 0.001), { name: "ZA Concurrence" }), editor);
    const opened = (await getZoneForAdmin(id))!;
    await updateZone(id, input(square(5.4, 46.4, 0.001), { name: "ZA Concurrence (par Alice)" }), editor, opened.updatedAt);
    await expect(updateZone(id, input(square(5.4, 46.4, 0.002), { name: "ZA Concurrence (par Bob)" }), editor, opened.updatedAt)).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("modifiée par quelqu'un d'autre"),
    });
    expect((await getZoneForAdmin(id))!.name).toBe("ZA Concurrence (par Alice)");
  });

  it("refuses another organisation's zone", async () => {
    const zone = (await getZoneForAdmin("01053_SITE-ECO_90001"))!;
    await expect(updateZone(zone.id, input(square(5.21, 46.21, 0.003), { name: "Volée" }), stranger, zone.updatedAt)).rejects.toMatchObject({ code: "forbidden" });
    await expect(archiveZone(zone.id, stranger)).rejects.toMatchObject({ code: "forbidden" });
    expect((await getZoneForAdmin(zone.id))!.name).toBe("ZA des Tests");
  });

  it("archives (organisation admins only), detaching the addresses, and restores", async () => {
    const id = "01053_SITE-ECO_90001";
    await expect(archiveZone(id, editor)).rejects.toMatchObject({ code: "forbidden" });
    await archiveZone(id, orgAdmin);
    expect(await zoneOf("01053_adm1_00001")).toBeNull();
    expect((await getZoneForAdmin(id))!.archivedAt).not.toBeNull();
    expect((await listZonesForAdmin(editor, { page: 1 })).zones.map((zone) => zone.id)).not.toContain(id);
    expect((await listZonesForAdmin(editor, { includeArchived: true, page: 1 })).zones.map((zone) => zone.id)).toContain(id);
    const archived = await db.auditEntry.findFirstOrThrow({ where: { entityId: id, action: "zone.archive" } });
    expect(JSON.parse(archived.before!)).toMatchObject({ archivedAt: null, addressCount: 1 });

    expect((await restoreZone(id, orgAdmin)).addressCount).toBe(1);
    expect(await zoneOf("01053_adm1_00001")).toBe(id);
    expect(await db.auditEntry.count({ where: { entityId: id, action: "zone.restore" } })).toBe(1);
  });
});
