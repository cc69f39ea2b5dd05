/**
 * Writes the demo territory's files, in the real formats, for the Ain's communes: BAN addresses,
 * the RIP's IPE (dated 15/11/2026), Arcep's Carte fibre of the previous quarter (30/09/2026, so
 * some buildings disagree with the IPE), a few activity zones (CNIG GeoJSON) and SIRENE stocks
 * of a few dozen businesses (lib/demo/sirene.ts). Deterministic:
 * the same files every time, so loading them again changes nothing.
 */
import fs from "node:fs";
import path from "node:path";
import { ARCEP_BUILDING_HEADER_COLUMNS } from "@/lib/demo/headers";
import { demoSireneStocks } from "@/lib/demo/sirene";
import {
  banHeader, banLineOf, ipeHeader, ipeLineOf, MCI_BUILDING_HEADER, MCI_ELIGIBILITY_HEADER, mciBuildingLineOf, mciEligibilityLineOf, seededRandom, syntheticAddresses,
  type SyntheticAddress, type SyntheticCommune,
} from "@/lib/demo/synthetic";

export const DEMO_SOURCES = {
  ban: "adresses-01.csv",
  zones: "zae-ain-demo.geojson",
  arcep: "arcep-carte-fibre-2026t3-01.csv",
  ipe: "LIAIN_01_SIEA_PM_IPEZMD_V20_20261115_00_PBOOK.csv",
  mciBuildings: "base_imb_01.csv",
  mciEligibility: "actuel_01.csv",
  sireneEtablissements: "StockEtablissement_utf8.csv",
  sireneUnites: "StockUniteLegale_utf8.csv",
} as const;

/** Commercial operators of the demo, by how often they sell at a deployed building. */
const COMMERCIAL_OPERATORS: readonly [string, number][] = [["FRTE", 0.95], ["SFR0", 0.8], ["FREE", 0.75], ["BOUY", 0.6]];

const IPE_DATE = new Date(Date.UTC(2026, 10, 15));
/** Communes whose last streets form an activity zone. */
const ZONE_COMMUNES: readonly [string, string][] = [
  ["01053", "Parc d'activités des Entrepreneurs"],
  ["01283", "Zone industrielle Nord"],
  ["01004", "ZA de la Plaine de l'Ain"],
  ["01033", "ZA du Commerce"],
  ["01354", "Technoparc du Pays de Gex"],
  ["01034", "ZA de l'Artisanat"],
];

type Phase = "deployed" | "building" | "planned" | "target";

/** Where a commune stands in the RIP's rollout: most of the Ain is done, some is still coming. */
function phaseOf(random: () => number): Phase {
  const draw = random();
  return draw < 0.6 ? "deployed" : draw < 0.8 ? "building" : draw < 0.92 ? "planned" : "target";
}

const yyyymmdd = (date: Date) => date.toISOString().slice(0, 10).replace(/-/g, "");
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);

function addressCount(population: number | null): number {
  return Math.max(20, Math.min(1_200, Math.round((population ?? 400) / 40)));
}

async function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  const out = fs.createWriteStream(file);
  for (const line of lines) {
    if (!out.write(`${line}\n`)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

export async function writeDemoFiles(
  dir: string,
  communes: readonly (SyntheticCommune & { population: number | null })[],
): Promise<Record<keyof typeof DEMO_SOURCES, string>> {
  fs.mkdirSync(dir, { recursive: true });
  const random = seededRandom(1_101);
  const addresses: SyntheticAddress[] = [];
  const phases = new Map<string, Phase>();
  for (const commune of communes) {
    addresses.push(...syntheticAddresses([commune], addressCount(commune.population), Number(commune.inseeCode.replace(/\D/g, ""))));
    phases.set(commune.inseeCode, commune.inseeCode === "01053" ? "deployed" : phaseOf(random));
  }
  const files = Object.fromEntries(Object.entries(DEMO_SOURCES).map(([key, name]) => [key, path.join(dir, name)])) as Record<keyof typeof DEMO_SOURCES, string>;

  await writeLines(files.ban, [banHeader(), ...addresses.map(banLineOf)]);
  await writeLines(files.zones, [JSON.stringify(zonesOf(addresses))]);

  const zoneStreets = new Map(ZONE_COMMUNES.map(([code]) => [code, zoneStreet(code, addresses)]));
  const ipe: string[] = [ipeHeader()];
  const arcep: string[] = [ARCEP_BUILDING_HEADER_COLUMNS.join(",")];
  const mciBuildings: string[] = [MCI_BUILDING_HEADER];
  const mciEligibility: string[] = [MCI_ELIGIBILITY_HEADER];
  addresses.forEach((address, index) => {
    if (random() < 0.03) return; // off the network: "Aucun déploiement annoncé"
    const phase = phases.get(address.commune.inseeCode)!;
    const buildingId = `IMB/01/${address.commune.inseeCode}/${index.toString(36).toUpperCase().padStart(5, "0")}`;
    const firstZoneStreet = zoneStreets.get(address.commune.inseeCode);
    const inZone = firstZoneStreet !== undefined && address.streetIndex >= firstZoneStreet;
    const draw = random();
    let state: string;
    let opening: Date | null;
    if (phase === "deployed") {
      state = draw < 0.92 ? "DEPLOYE" : draw < 0.97 ? "RACCORDABLE DEMANDE" : "RAD EN COURS DE DEPLOIEMENT";
      opening = addDays(new Date(Date.UTC(2019, 0, 15)), Math.floor(random() * 2_500));
    } else if (phase === "building") {
      state = draw < 0.5 ? "DEPLOYE" : draw < 0.9 ? "EN COURS DE DEPLOIEMENT" : "SIGNE";
      opening = state === "DEPLOYE" ? addDays(new Date(Date.UTC(2026, 2, 1)), Math.floor(random() * 240)) : addDays(IPE_DATE, 60 + Math.floor(random() * 300));
    } else if (phase === "planned") {
      state = draw < 0.7 ? "SIGNE" : "EN COURS DE DEPLOIEMENT";
      opening = addDays(IPE_DATE, 200 + Math.floor(random() * 400));
    } else {
      state = draw < 0.95 ? "CIBLE" : "ABANDONNE";
      opening = null;
    }
    const isDeployed = state === "DEPLOYE";
    ipe.push(
      ipeLineOf(address, buildingId, {
        state,
        operatorCode: "LIAI",
        pmReference: `PM-${address.commune.inseeCode}-${Math.floor(address.streetIndex / 4) + 1}`,
        commercialService: opening ? yyyymmdd(opening) : "",
        firstAvailability: opening ? yyyymmdd(addDays(opening, -92)) : "",
        freeDedicatedFibre: isDeployed && (inZone ? random() < 0.8 : random() < 0.1) ? "O" : "N",
        dwellings: inZone ? 1 : 1 + Math.floor(random() * 6),
        type: inZone || random() < 0.2 ? "IMMEUBLE" : "PAVILLON",
      }),
    );
    // Arcep's previous quarter: deployed buildings and who sells fibre there.
    if (isDeployed && opening && opening <= new Date(Date.UTC(2026, 8, 30))) {
      const mciId = `M01${index.toString().padStart(7, "0")}`;
      mciBuildings.push(mciBuildingLineOf(address, mciId, buildingId, inZone ? "IMMEUBLE" : "PAVILLON"));
      for (const [operator, share] of COMMERCIAL_OPERATORS) {
        if (random() < share) mciEligibility.push(mciEligibilityLineOf(address, mciId, buildingId, operator, "FO"));
      }
      mciEligibility.push(mciEligibilityLineOf(address, mciId, buildingId, "FRTE", "CU"));
    }
    // Arcep's Carte fibre of the previous quarter: buildings opened since then are still "en cours" there.
    const arcepState = isDeployed && opening && opening > new Date(Date.UTC(2026, 8, 30)) ? "en cours de deploiement" : arcepStateOf(state);
    arcep.push(
      [
        address.lon, address.lat, buildingId, address.number, address.suffix ? "B" : "", address.streetType.toUpperCase(),
        address.streetName.toUpperCase(), "", address.commune.inseeCode, address.commune.postcode, address.commune.name, "", arcepState,
        `PM-${address.commune.inseeCode}`, "deploye", "LIAI", "", inZone ? "IMMEUBLE" : "PAVILLON", "", "",
        isDeployed && opening ? addDays(opening, -92).toISOString().slice(0, 10) : "",
      ].join(","),
    );
  });
  await writeLines(files.ipe, ipe);
  await writeLines(files.arcep, arcep);
  await writeLines(files.mciBuildings, mciBuildings);
  await writeLines(files.mciEligibility, mciEligibility);
  const sirene = demoSireneStocks(addresses, zoneStreets);
  await writeLines(files.sireneEtablissements, sirene.etablissements);
  await writeLines(files.sireneUnites, sirene.unites);
  return files;
}

function arcepStateOf(ipeState: string): string {
  return ipeState.toLowerCase().replace("rad en cours de deploiement", "deploye");
}

/** A zone covers the commune's last two full streets. */
function zoneStreet(inseeCode: string, addresses: readonly SyntheticAddress[]): number {
  const streets = new Set(addresses.filter((address) => address.commune.inseeCode === inseeCode).map((address) => address.streetIndex));
  return Math.max(0, streets.size - 2);
}

function zonesOf(addresses: readonly SyntheticAddress[]) {
  const features = ZONE_COMMUNES.flatMap(([inseeCode, name], index) => {
    const first = zoneStreet(inseeCode, addresses);
    const inside = addresses.filter((address) => address.commune.inseeCode === inseeCode && address.streetIndex >= first);
    if (inside.length === 0) return [];
    const margin = 0.0003;
    const minLon = Math.min(...inside.map((a) => a.lon)) - margin;
    const maxLon = Math.max(...inside.map((a) => a.lon)) + margin;
    const minLat = Math.min(...inside.map((a) => a.lat)) - margin;
    const maxLat = Math.max(...inside.map((a) => a.lat)) + margin;
    const commune = inside[0]!.commune;
    return [
      {
        type: "Feature",
        properties: {
          site_id: `${inseeCode}_SITE-ECO_${String(index + 1).padStart(5, "0")}`,
          site_nom: name,
          site_type: "zone d'activité économique",
          site_etat: "existant et actif",
          site_vocadomi: ["mixte", "industrielle", "artisanale", "commerciale", "tertiaire", "artisanale"][index],
          site_comm_insee: inseeCode,
          site_comm_nom: commune.name,
          site_surf_brute: Math.round((maxLon - minLon) * (maxLat - minLat) * 111_000 * 78_000) / 10_000,
          site_actu_date: "2026-06-30",
          reseau_fibre_optique: "oui",
        },
        geometry: { type: "Polygon", coordinates: [[[minLon, minLat], [maxLon, minLat], [maxLon, maxLat], [minLon, maxLat], [minLon, minLat]]] },
      },
    ];
  });
  return { type: "FeatureCollection", name: "site_eco", features };
}
