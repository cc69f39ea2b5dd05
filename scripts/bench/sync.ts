/**
 * npm run bench:sync [-- --scale 0.01] — a département's official files at real size, served by a
 * local mirror of the official hosts (lib/testing/official-mirror.ts), synced into a fresh SQLite
 * database (and PostgreSQL when TEST_DATABASE_URL is set) with `data:sync --mirror`: a 600,000-line
 * BAN, an 830,000-line building file (the Carte fibre resource, the size of the largest RIP's IPE),
 * a 25,000-line Ma connexion internet base_imb (and its actuel) and a 5,000-feature BD TOPO file.
 * Prints the time and peak RSS of the first run (everything new) and of the second (nothing new:
 * 304s, nothing imported). --scale multiplies every size (try 0.01 first: the full run is heavy).
 */
import "@/lib/cli/load-env";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { parseArgs } from "node:util";
import proj4 from "proj4";
import "@/lib/geo/projection";
import { banHeader, banLineOf, syntheticAddresses, type SyntheticAddress } from "@/lib/demo/synthetic";
import { OfficialMirror } from "@/lib/testing/official-mirror";
import { BDTOPO_WFS, CARTE_FIBRE_DATASET, MCI_BASE } from "@/lib/sync/sources";
import { benchCommunes, prepareDatabase, root, writeLines } from "./shared";

const { values } = parseArgs({ options: { scale: { type: "string", default: "1" } } });
const SCALE = Number(values.scale);
if (!(SCALE > 0 && SCALE <= 1)) throw new Error("--scale must be in ]0, 1]");
const size = (n: number) => Math.max(10, Math.round(n * SCALE));
const DEP = "01";
const BUILDINGS_HEADER =
  "x,y,imb_id,num_voie,cp_no_voie,type_voie,nom_voie,batiment,code_insee,code_poste,nom_com,catg_loc_imb,imb_etat,pm_ref,pm_etat,code_l331,geom_mod,type_imb,date_completude,date_completude_manquante,pm_date_mad";
const BASE_IMB_HEADER =
  "imb_id;imb_x;imb_y;imb_code;imb_code_insee;imb_nbr_logloc;imb_source;imb_type;addr_code;imb_num;addr_numero;addr_rep;addr_nom_voie;addr_nom_ld;addr_code_insee;addr_nom_commune;addr_id_fantoir;addr_source";
const ACTUEL_HEADER = "imb_id;addr_code;imb_code;code_operateur;code_techno;classe_debit_montant;classe_debit_descendant;limitation;saturation";
const STATES = ["deploye", "deploye", "deploye", "en cours de deploiement", "signe", "raccordable demande", "cible"];
const toLambert93 = proj4("EPSG:4326", "EPSG:2154");

async function gzip(file: string): Promise<string> {
  await new Promise<void>((resolve, reject) =>
    fs.createReadStream(file).pipe(zlib.createGzip({ level: 6 })).pipe(fs.createWriteStream(`${file}.gz`)).on("finish", resolve).on("error", reject),
  );
  fs.rmSync(file);
  return `${file}.gz`;
}

async function generate(dir: string) {
  const communes = benchCommunes().filter((commune) => commune.inseeCode.startsWith(DEP));
  const addresses: SyntheticAddress[] = Array.from(syntheticAddresses(communes, size(600_000)));
  const ban = path.join(dir, `adresses-${DEP}.csv`);
  await writeLines(ban, [banHeader(), ...addresses.map(banLineOf)]);
  const buildingId = (index: number) => `IMB/${DEP}/S/${index.toString(36).toUpperCase()}`;
  const buildings = path.join(dir, `2026t3_immeubles_${DEP}.csv`);
  await writeLines(buildings, [
    BUILDINGS_HEADER,
    ...Array.from({ length: size(830_000) }, (_, index) => {
      const address = addresses[index % addresses.length]!;
      return [
        address.lon, address.lat, buildingId(index), address.number, address.suffix, address.streetType, address.streetName, "",
        address.commune.inseeCode, address.commune.postcode, address.commune.name, "", STATES[index % STATES.length], `PM-${Math.floor(index / 300)}`,
        "deploye", "BNCH", "", index % 4 === 0 ? "IMMEUBLE" : "PAVILLON", "", "", "",
      ].join(",");
    }),
  ]);
  const baseImb = path.join(dir, `base_imb_${DEP}.csv`);
  const mciCount = size(25_000);
  await writeLines(baseImb, [
    BASE_IMB_HEADER,
    ...Array.from({ length: mciCount }, (_, index) => {
      const address = addresses[index % addresses.length]!;
      const [x, y] = toLambert93.forward([address.lon, address.lat]);
      return [`M${index}`, x!.toFixed(1), y!.toFixed(1), buildingId(index), address.commune.inseeCode, "1", "ipe", "PAVILLON", address.id, "1",
        address.number, address.suffix, `${address.streetType} ${address.streetName}`, "", address.commune.inseeCode, address.commune.name, "", "ban"].join(";");
    }),
  ]);
  const actuel = path.join(dir, `actuel_${DEP}.csv`);
  await writeLines(actuel, [ACTUEL_HEADER, ...Array.from({ length: mciCount }, (_, index) => [`M${index}`, "", "", "BNCH", "FO", "THD1G", "THD1G", "", ""].join(";"))]);
  const bdtopo = path.join(dir, `bdtopo_${DEP}.geojson`);
  await writeLines(bdtopo, bdtopoLines(communes, size(5_000)));
  return { ban: await gzip(ban), buildings, baseImb: await gzip(baseImb), actuel: await gzip(actuel), bdtopo };
}

/** BD TOPO zone_d_activite_ou_d_interet as IGN writes it: Lambert-93 with the legacy `crs` member; one in ten an industrial zone. */
function* bdtopoLines(communes: ReturnType<typeof benchCommunes>, count: number): Generator<string> {
  yield '{"type":"FeatureCollection","name":"zone_d_activite_ou_d_interet","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::2154"}},"features":[';
  for (let index = 0; index < count; index++) {
    const commune = communes[index % communes.length]!;
    const isZone = index % 10 === 0;
    const [x, y] = toLambert93.forward([commune.lon + (index % 7) * 0.003, commune.lat + (index % 5) * 0.003]) as [number, number];
    const ring = [[x, y], [x + 300, y], [x + 300, y + 200], [x, y + 200], [x, y]].map(([a, b]) => [Math.round(a! * 10) / 10, Math.round(b! * 10) / 10]);
    const feature = {
      type: "Feature",
      properties: {
        ID: `SURFACTI${String(index).padStart(13, "0")}`, CATEGORIE: isZone ? "Industriel et commercial" : "Religieux", NATURE: isZone ? "Zone industrielle" : "Chapelle",
        NAT_DETAIL: null, TOPONYME: isZone ? `ZI ${commune.name} ${index}` : null, ETAT: "En service", INSEE_COM: commune.inseeCode, NOM_COM: commune.name, DATE_MAJ: "2025-03-15",
      },
      geometry: { type: "MultiPolygon", coordinates: [[ring]] },
    };
    yield `${JSON.stringify(feature)}${index < count - 1 ? "," : ""}`;
  }
  yield "]}";
}

function runSyncProcess(databaseUrl: string, syncDir: string, mirrorUrl: string): Promise<{ seconds: number; output: string; code: number | null }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "data-sync.ts"), DEP, "--mirror", mirrorUrl], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, DATA_SYNC_DIR: syncDir, IMPORT_NICE: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (code) => resolve({ seconds: (performance.now() - started) / 1000, output, code }));
  });
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fibre-pro-bench-sync-"));
  const mirror = new OfficialMirror();
  try {
    let started = performance.now();
    const files = await generate(dir);
    console.log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s (scale ${SCALE}):`);
    for (const file of Object.values(files)) console.log(`  ${path.basename(file)} ${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB`);

    await mirror.start();
    const storage = `${MCI_BASE}/base_imb/2026_T3/departement/base_imb_${DEP}.csv.gz`;
    mirror.put(`https://adresse.data.gouv.fr/data/ban/adresses/latest/csv/adresses-${DEP}.csv.gz`, { file: files.ban });
    mirror.redirect(`${MCI_BASE}/base_imb/last/departement/base_imb_${DEP}.csv.gz`, storage);
    mirror.put(storage, { file: files.baseImb });
    const actuelStorage = `${MCI_BASE}/eligibilite/2026_T3/departement/actuel_${DEP}.csv.gz`;
    mirror.redirect(`${MCI_BASE}/eligibilite/last/departement/actuel_${DEP}.csv.gz`, actuelStorage);
    mirror.put(actuelStorage, { file: files.actuel });
    const buildingsUrl = `https://static.data.gouv.fr/resources/carte-fibre/20261001-120000/${path.basename(files.buildings)}`;
    mirror.putDataset(CARTE_FIBRE_DATASET, [{ title: `Immeubles du ${DEP} - 2026 T3`, url: buildingsUrl, last_modified: "2026-10-01T12:00:00Z" }]);
    mirror.put(buildingsUrl, { file: files.buildings });
    mirror.put(`${BDTOPO_WFS}&CQL_FILTER=${encodeURIComponent(`code_insee LIKE '${DEP}%'`)}`, { file: files.bdtopo });

    const providers: ("sqlite" | "postgresql")[] = process.env.TEST_DATABASE_URL ? ["sqlite", "postgresql"] : ["sqlite"];
    for (const provider of providers) {
      const database = await prepareDatabase(provider, dir);
      const syncDir = path.join(dir, `sync-${provider}`);
      try {
        for (const label of ["first run (everything new)", "second run (nothing new)"]) {
          started = performance.now();
          const run = await runSyncProcess(database.url, syncDir, mirror.url);
          console.log(`\n${provider} ${label}: exit ${run.code}, ${run.seconds.toFixed(1)} s`);
          console.log(run.output.trim().split("\n").map((line) => `  ${line}`).join("\n"));
        }
      } finally {
        await database.drop();
      }
    }
  } finally {
    await mirror.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
