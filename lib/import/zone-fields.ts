/**
 * What a zones file says about each zone, in our terms, from either vocabulary the `zones`
 * importer reads, told apart by their columns:
 * - CNIG "sites économiques" (site_eco): values outside the standard's lists (`site_etat =
 *   logistique` in the CNIG's own example) are kept as written and noted in the report;
 * - IGN BD TOPO `zone_d_activite_ou_d_interet` (ID, CATEGORIE, NATURE, TOPONYME, INSEE_COM…):
 *   only `NATURE = Zone industrielle` (category « Industriel et commercial ») is an activity zone;
 *   chapels, town halls, campsites… are skipped.
 */
import { parseFileDate } from "@/lib/import/dates";

export type ZoneVocabulary = "cnig" | "bdtopo";

export interface ZoneFields {
  id: string;
  /** null when the file names none (a BD TOPO zone without TOPONYME): named after its commune. */
  name: string | null;
  type: string;
  state: string;
  vocation: string | null;
  /** The zone's communes as written (the first one is the zone's commune). */
  inseeCodes: string;
  communeName: string | null;
  epciSiren: string | null;
  epciName: string | null;
  grossAreaHa: number | null;
  hasFibreNetwork: boolean | null;
  sourceUpdatedOn: Date | null;
}

export type ZoneReading =
  | { zone: ZoneFields; notes: string[] }
  | { skipped: true }
  | { id: string; reason: string };

/** BD TOPO when the properties hold its identifying columns (GeoPackage exports name the id `cleabs`). */
export function vocabularyOf(properties: ReadonlyMap<string, unknown>): ZoneVocabulary {
  return (properties.has("id") || properties.has("cleabs")) && properties.has("nature") && properties.has("categorie") && !properties.has("site_id")
    ? "bdtopo"
    : "cnig";
}

export function readZoneFields(properties: ReadonlyMap<string, unknown>, vocabulary: ZoneVocabulary): ZoneReading {
  const text = (key: string) => {
    const value = properties.get(key);
    return value === null || value === undefined ? "" : String(value).trim();
  };
  return vocabulary === "bdtopo" ? readBdTopo(text) : readCnig(text);
}

const SITE_TYPES = ["zone d'activite economique", "site economique historique hors zae", "etablissement economique isole", "reserve fonciere"];
const SITE_STATES = ["en projet", "creation", "existant et actif", "projet de declassement", "declasse", "annule"];

function readCnig(text: (key: string) => string): ZoneReading {
  const id = text("site_id");
  if (!id) return { id, reason: "site_id manquant" };
  const name = text("site_nom");
  if (!name) return { id, reason: "site_nom manquant" };
  const notes: string[] = [];
  const listed = (column: string, value: string, values: readonly string[]) => {
    if (value && !values.includes(canonical(value))) notes.push(`${column} hors des valeurs du standard CNIG : « ${value} », gardé tel quel`);
  };
  const type = text("site_type");
  const state = text("site_etat");
  listed("site_type", type, SITE_TYPES);
  listed("site_etat", state, SITE_STATES);
  const fibre = canonical(text("reseau_fibre_optique"));
  if (fibre && fibre !== "oui" && fibre !== "non") notes.push(`reseau_fibre_optique ni « oui » ni « non » : « ${text("reseau_fibre_optique")} », ignoré`);
  const area = Number(text("site_surf_brute").replace(",", "."));
  return {
    zone: {
      id,
      name,
      type: type || "zone d'activité économique",
      state: state || "existant et actif",
      vocation: text("site_vocadomi") || null,
      inseeCodes: text("site_comm_insee"),
      communeName: text("site_comm_nom") || null,
      epciSiren: text("site_epci_siren") || null,
      epciName: text("site_epci_nom") || null,
      grossAreaHa: text("site_surf_brute") && Number.isFinite(area) ? area : null,
      hasFibreNetwork: fibre === "oui" ? true : fibre === "non" ? false : null,
      sourceUpdatedOn: parseFileDate(text("site_actu_date")),
    },
    notes,
  };
}

const ACTIVITY_NATURE = "zone industrielle";
const ACTIVITY_CATEGORY = "industriel et commercial";

/** The name of a zone the file leaves unnamed. */
export function unnamedZoneName(communeName: string): string {
  return `Zone industrielle (${communeName})`;
}

/** BD TOPO ETAT → CNIG site_etat; other states are kept as written. */
const BDTOPO_STATES: Readonly<Record<string, string>> = {
  "en service": "existant et actif",
  "en projet": "en projet",
  "en construction": "création",
};

function readBdTopo(text: (key: string) => string): ZoneReading {
  const id = text("id") || text("cleabs");
  const category = text("categorie");
  if (canonical(text("nature")) !== ACTIVITY_NATURE || (category && canonical(category) !== ACTIVITY_CATEGORY)) return { skipped: true };
  if (!id) return { id, reason: "ID manquant" };
  const communeName = text("nom_com") || null;
  const state = text("etat");
  return {
    zone: {
      id,
      name: text("toponyme") || null,
      type: "zone d'activité économique",
      state: BDTOPO_STATES[canonical(state)] ?? (state || "existant et actif"),
      vocation: "industrielle",
      inseeCodes: text("insee_com"),
      communeName,
      epciSiren: null,
      epciName: null,
      grossAreaHa: null,
      hasFibreNetwork: null,
      sourceUpdatedOn: parseFileDate(text("date_maj")),
    },
    notes: [],
  };
}

/** Lower case, no accents, one space between words, straight apostrophes. */
function canonical(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}
