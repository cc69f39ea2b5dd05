/**
 * Places with data before homonyms without: « bourg » on a portal loaded with the Ain. The data
 * comes in through the importers (BAN, CNIG zones) and a publication, as on a real portal; runs
 * on SQLite and PostgreSQL.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { savePublication, withdrawPublication } from "@/lib/data/publications";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData, type ReferenceSource } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { BAN_HEADER, banLine, writeImportFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { ZPublicationForm } from "@/lib/validation/publications";
import { search } from "./index";

const options = { triggeredBy: "test" };
const square = (lon: number, lat: number, size: number) => [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]];

/** The fixture, plus homonyms of Bourg-en-Bresse's first word elsewhere in France. */
function territory(): ReferenceSource {
  const base = referenceFixture();
  return {
    regions: [...base.regions, { code: "75", nom: "Nouvelle-Aquitaine" }, { code: "44", nom: "Grand Est" }, { code: "24", nom: "Centre-Val de Loire" }],
    departements: [
      ...base.departements,
      { code: "33", nom: "Gironde", region: "75" },
      { code: "52", nom: "Haute-Marne", region: "44" },
      { code: "18", nom: "Cher", region: "24" },
    ],
    epcis: base.epcis,
    communes: [
      ...base.communes,
      { code: "33067", nom: "Bourg", type: "commune-actuelle", departement: "33", region: "75", codesPostaux: ["33710"], population: 2_244 },
      { code: "52062", nom: "Bourg", type: "commune-actuelle", departement: "52", region: "44", codesPostaux: ["52200"], population: 178 },
      { code: "18033", nom: "Bourges", type: "commune-actuelle", departement: "18", region: "24", codesPostaux: ["18000"], population: 64_186 },
      { code: "01054", nom: "Bourg-Saint-Christophe", type: "commune-actuelle", departement: "01", region: "84", codesPostaux: ["01800"], population: 1_562 },
      { code: "01344", nom: "Saint-Denis-lès-Bourg", type: "commune-actuelle", departement: "01", region: "84", codesPostaux: ["01000"], population: 6_160 },
    ],
  };
}

function zone(id: string, name: string, insee: string, communeName: string, coordinates: number[][][]) {
  return {
    type: "Feature",
    properties: { site_id: id, site_nom: name, site_type: "zone d'activité économique", site_etat: "existant et actif", site_comm_insee: insee, site_comm_nom: communeName },
    geometry: { type: "Polygon", coordinates },
  };
}

let editor: Actor;

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(territory()));
  // Addresses in Bourg-en-Bresse (two inside a zone) and in Bourg-Saint-Christophe; none elsewhere.
  await runImport("ban", writeImportFile("adresses-ranking.csv", [
    BAN_HEADER,
    banLine({ id: "01053_rk01_00001", numero: "1", nom_voie: "Rue du Commerce", lon: "5.2105", lat: "46.2105" }),
    banLine({ id: "01053_rk01_00002", numero: "2", nom_voie: "Rue du Commerce", lon: "5.2110", lat: "46.2110" }),
    banLine({ id: "01053_rk02_00001", numero: "1", nom_voie: "Rue de la Gare", lon: "5.2300", lat: "46.2000" }),
    banLine({ id: "01054_rk01_00001", numero: "1", nom_voie: "Grande Rue", code_postal: "01800", nom_commune: "Bourg-Saint-Christophe", lon: "5.1400", lat: "45.8900" }),
  ]), options);
  // Three zones called « ZA du Commerce »: one with addresses (Bourg-en-Bresse), one empty in
  // Bourges (it still gives Bourges data), one empty in Saint-Étienne (given a publication below).
  await runImport("zones", writeImportFile("zae-ranking.geojson", [JSON.stringify({
    type: "FeatureCollection",
    features: [
      zone("18033_SITE-ECO_00001", "ZA du Commerce", "18033", "Bourges", square(2.39, 47.08, 0.01)),
      zone("42218_SITE-ECO_00001", "ZA du Commerce", "42218", "Saint-Étienne", square(4.38, 45.43, 0.01)),
      zone("01053_SITE-ECO_00001", "ZA du Commerce", "01053", "Bourg-en-Bresse", square(5.21, 46.21, 0.002)),
    ],
  })]), options);
  const organisation = await db.organisation.create({ data: { name: "Saint-Étienne Métropole", kind: "EPCI", communes: { create: [{ inseeCode: "42218" }] } } });
  editor = { id: "u-sem", email: "editeur@sem.test", name: null, role: "EDITOR", organisationId: organisation.id, organisationName: organisation.name, territory: new Set(["42218"]) };
});

const labels = async (q: string, limit = 8) => (await search(q, limit)).map((result) => result.label);

describe("search: places with data first", () => {
  it("lists Bourg-en-Bresse, its zone and the other « bourg » places with data before Bourg (33)", async () => {
    const found = await labels("bourg", 8);
    expect(found.slice(0, 4)).toEqual([
      "ZA du Commerce — Bourg-en-Bresse",
      // The word typed as a whole word first, then as the start of a longer one (Bourges: no
      // address, but a zone, so a page to show).
      "Bourg-en-Bresse (01)",
      "Bourg-Saint-Christophe (01)",
      "Bourges (18)",
    ]);
    // The places without data stay listed, after: Bourg (33) and (52) named exactly first.
    expect(found.slice(4)).toEqual(["Bourg (33)", "Bourg (52)", "ZA du Commerce — Bourges", "Saint-Denis-lès-Bourg (01)"]);
  });

  it("keeps a small commune with data ahead of bigger ones without, whatever the limit", async () => {
    expect((await labels("bourg saint")).slice(0, 2)).toEqual(["Bourg-Saint-Christophe (01)", "Saint-Denis-lès-Bourg (01)"]);
    const communes = (await search("bourg", 3, ["commune"])).map((result) => result.label);
    expect(communes).toEqual(["Bourg-en-Bresse (01)", "Bourg-Saint-Christophe (01)", "Bourges (18)"]);
  });

  it("ranks homonym zones by data: addresses inside, or a current publication on the whole zone", async () => {
    const zones = async () => (await search("za du commerce", 5, ["zone"])).map((result) => result.id);
    // Alphabetical order of the three is the same name: only data separates them.
    expect((await zones())[0]).toBe("01053_SITE-ECO_00001");
    expect((await zones()).slice(1)).toEqual(["18033_SITE-ECO_00001", "42218_SITE-ECO_00001"]);

    const form = ZPublicationForm.parse({ scope: "ZONE", zoneId: "42218_SITE-ECO_00001", technology: "FTTO", status: "PREVU", plannedDate: "T3 2027", operatorCodes: [] });
    const published = await savePublication(editor, form, { intent: "publish" });
    expect(await zones()).toEqual(["01053_SITE-ECO_00001", "42218_SITE-ECO_00001", "18033_SITE-ECO_00001"]);

    // Withdrawn from the public pages: the zone has nothing to show again.
    await withdrawPublication(editor, published.id, published.version);
    expect(await zones()).toEqual(["01053_SITE-ECO_00001", "18033_SITE-ECO_00001", "42218_SITE-ECO_00001"]);
  });

  it("after an address query's own results, puts the zones and communes with data", async () => {
    const results = await search("1 bourg", 8);
    expect(results.slice(0, 3).map((result) => result.type)).toEqual(["address", "address", "address"]);
    expect(results.slice(3).map((result) => result.label)).toEqual([
      "ZA du Commerce — Bourg-en-Bresse",
      "Bourg-en-Bresse (01)",
      "Bourg-Saint-Christophe (01)",
      "Bourges (18)",
      "ZA du Commerce — Bourges",
    ]);
  });

  it("orders a postcode search by data, then population", async () => {
    // Saint-Denis-lès-Bourg is more populous than Bourg-Saint-Christophe, which has addresses.
    expect(await labels("01")).toEqual(["Bourg-en-Bresse (01)", "Bourg-Saint-Christophe (01)", "Saint-Denis-lès-Bourg (01)", "L'Abergement-de-Varey (01)"]);
  });
});
