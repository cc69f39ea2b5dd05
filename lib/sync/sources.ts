/**
 * The official files data:sync follows (DATA-FORMATS.md §10), in import order: addresses first
 * (BAN), then the zones that link addresses (BD TOPO), buildings (Arcep Carte fibre), Ma connexion
 * internet (base_imb before actuel, as its importer needs) and SIRENE. Each file names the
 * importer that reads it; `national` files are fetched once whatever the départements.
 */
import { latestResource, type DatasetResource } from "@/lib/sync/datagouv";
import type { StatedChecksum } from "@/lib/sync/download";

export const SYNC_SOURCES = ["ban", "bdtopo", "arcep-immeubles", "arcep-mci", "sirene"] as const;
export type SyncSource = (typeof SYNC_SOURCES)[number];

export interface LocatedFile {
  url: string;
  /** Local file name: the importers read dates and départements from it. */
  fileName: string;
  checksum: StatedChecksum | null;
}

export interface SyncFile {
  /** Key of the file's DataSyncSource row: "ban", "arcep-mci-base_imb"… */
  key: string;
  source: SyncSource;
  /** The importer format that reads it. */
  format: string;
  national: boolean;
  /**
   * A national file its importer filters by département (SIRENE): imported with the asked
   * départements, and followed per list of départements, so that asking for another one imports again.
   */
  filtersDepartements?: boolean;
  /** Default source name of the import; null: the importer's own. */
  sourceName: (departement: string) => string | null;
  locate: (departement: string, context: { mirror: string | null; headersTimeoutMs: number }) => Promise<LocatedFile>;
}

const direct = (url: string, fileName = url.slice(url.lastIndexOf("/") + 1)): Promise<LocatedFile> =>
  Promise.resolve({ url, fileName, checksum: null });

const fromResource = (resource: DatasetResource): LocatedFile => ({
  url: resource.url,
  fileName: decodeURIComponent(new URL(resource.url).pathname.split("/").pop() || "resource"),
  checksum: resource.checksum,
});

const departementToken = (departement: string) => new RegExp(`(?:^|[^0-9A-Za-z])(?:d(?:ep)?)?0*${departement}(?:[^0-9A-Za-z]|$)`, "i");

export const MCI_BASE = "https://data.arcep.fr/fixe/maconnexioninternet";
export const BDTOPO_WFS =
  "https://data.geopf.fr/wfs/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=BDTOPO_V3:zone_d_activite_ou_d_interet&OUTPUTFORMAT=application/json&SRSNAME=EPSG:2154";
export const CARTE_FIBRE_DATASET = "le-marche-du-haut-et-tres-haut-debit-fixe-deploiements";
export const SIRENE_DATASET = "base-sirene-des-entreprises-et-de-leurs-etablissements-siren-siret";

export const SYNC_FILES: readonly SyncFile[] = [
  {
    key: "ban",
    source: "ban",
    format: "ban",
    national: false,
    sourceName: () => null,
    locate: (dep) => direct(`https://adresse.data.gouv.fr/data/ban/adresses/latest/csv/adresses-${dep}.csv.gz`),
  },
  {
    key: "bdtopo",
    source: "bdtopo",
    format: "zones",
    national: false,
    sourceName: (dep) => `IGN BD TOPO (${dep})`,
    locate: (dep) =>
      direct(`${BDTOPO_WFS}&CQL_FILTER=${encodeURIComponent(`code_insee LIKE '${dep}%'`)}`, `bdtopo_zone_d_activite_ou_d_interet_${dep}.geojson`),
  },
  {
    key: "arcep-immeubles",
    source: "arcep-immeubles",
    format: "arcep-immeubles",
    national: false,
    sourceName: () => null,
    locate: async (dep, context) =>
      fromResource(
        await latestResource(
          CARTE_FIBRE_DATASET,
          (resource) => /immeuble/i.test(`${resource.title} ${resource.url}`) && departementToken(dep).test(resource.url.split("/").pop() ?? ""),
          context,
        ),
      ),
  },
  {
    key: "arcep-mci-base_imb",
    source: "arcep-mci",
    format: "arcep-mci",
    national: false,
    sourceName: () => null,
    locate: (dep) => direct(`${MCI_BASE}/base_imb/last/departement/base_imb_${dep}.csv.gz`),
  },
  {
    key: "arcep-mci-actuel",
    source: "arcep-mci",
    format: "arcep-mci",
    national: false,
    sourceName: () => null,
    locate: (dep) => direct(`${MCI_BASE}/eligibilite/last/departement/actuel_${dep}.csv.gz`),
  },
  {
    key: "sirene",
    source: "sirene",
    format: "sirene",
    national: true,
    filtersDepartements: true,
    sourceName: () => null,
    locate: async (_dep, context) =>
      fromResource(await latestResource(SIRENE_DATASET, (resource) => /StockEtablissement(?!Historique|LiensSuccession)/i.test(`${resource.title} ${resource.url}`), context)),
  },
];
