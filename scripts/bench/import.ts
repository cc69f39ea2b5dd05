/**
 * npm run bench:import — generates a 1,000,000-line BAN file and a 1,000,000-line IPE file of the
 * same addresses, and times their import into a fresh SQLite database (and PostgreSQL when
 * TEST_DATABASE_URL is set): rows/s and peak RSS per run, each import in its own process.
 * Targets: ≥ 20,000 rows/s on SQLite, peak RSS ≤ 400 MB. BENCH_ROWS changes the size;
 * BENCH_CPU_PROFILE=<dir> writes a V8 CPU profile of each import there.
 */
import "@/lib/cli/load-env";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { banHeader, banLineOf, ipeHeader, ipeLineOf, seededRandom, syntheticAddresses, type SyntheticCommune } from "@/lib/demo/synthetic";
import { migrateDatabase } from "@/lib/db/migrate";
import { createScratchDatabase } from "@/lib/db/scratch-database";
import { readDecoupageAdministratif, toReferenceData } from "@/lib/reference/decoupage";
import { createDbClient } from "@/lib/db/client";
import { loadReferenceData } from "@/lib/reference/load-reference-data";

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const DEPARTEMENTS = new Set(["01", "38", "42", "69", "73", "74"]);
const root = path.resolve(__dirname, "..", "..");

async function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  const out = fs.createWriteStream(file);
  for (const line of lines) {
    if (!out.write(`${line}\n`)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise((resolve) => out.end(resolve));
}

function benchCommunes(): SyntheticCommune[] {
  const reference = toReferenceData(readDecoupageAdministratif());
  const postcodes = new Map(reference.postcodes.map((row) => [row.inseeCode, row.postcode]));
  const random = seededRandom(42);
  return reference.communes
    .filter((commune) => DEPARTEMENTS.has(commune.departementCode) && commune.kind === "COMMUNE")
    .map((commune) => ({
      inseeCode: commune.inseeCode,
      name: commune.name,
      postcode: postcodes.get(commune.inseeCode) ?? "00000",
      lat: 45 + random() * 1.5,
      lon: 4.6 + random() * 2,
    }));
}

async function prepareDatabase(provider: "sqlite" | "postgresql", dir: string): Promise<{ url: string; drop: () => Promise<void> }> {
  let url: string;
  let drop = async () => {};
  if (provider === "sqlite") {
    url = `file:${path.join(dir, "bench.db")}`;
  } else {
    const database = await createScratchDatabase(process.env.TEST_DATABASE_URL!, "fibre_pro_bench");
    url = database.url;
    drop = database.drop;
  }
  await migrateDatabase(url, root);
  const client = createDbClient(url);
  await loadReferenceData(client, toReferenceData(readDecoupageAdministratif()));
  await client.$disconnect();
  return { url, drop };
}

interface Measure {
  counts: Record<string, number>;
  seconds: number;
  maxRssMb: number;
}

function importOnce(url: string, format: string, file: string): Measure {
  const profile = process.env.BENCH_CPU_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
  const result = spawnSync(process.execPath, [...profile, "--import", "tsx", path.join(root, "scripts", "bench", "import-worker.ts"), format, file], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`${format} import failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").pop()!) as Measure;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fibre-pro-bench-"));
  try {
    const communes = benchCommunes();
    const banFile = path.join(dir, "adresses-bench.csv");
    const ipeFile = path.join(dir, "BENCH_01_RIP_PM_IPEZMD_V20_20261115_00_PBOOK.csv");
    const generated = performance.now();
    await writeLines(banFile, [banHeader(), ...Array.from(syntheticAddresses(communes, ROWS), banLineOf)]);
    const states = ["DEPLOYE", "DEPLOYE", "DEPLOYE", "EN COURS DE DEPLOIEMENT", "SIGNE", "CIBLE", "RACCORDABLE DEMANDE"];
    await writeLines(ipeFile, [
      ipeHeader(),
      ...Array.from(syntheticAddresses(communes, ROWS), (address, index) =>
        ipeLineOf(address, `IMB/${address.commune.inseeCode}/B/${index.toString(36).toUpperCase()}`, {
          state: states[index % states.length]!,
          operatorCode: "BNCH",
          pmReference: `PM-${address.commune.inseeCode}-${Math.floor(index / 300)}`,
          commercialService: index % 7 < 3 ? "20230115" : "20270630",
          firstAvailability: "",
          freeDedicatedFibre: index % 5 === 0 ? "O" : "N",
          dwellings: 1 + (index % 4),
          type: index % 4 === 0 ? "IMMEUBLE" : "PAVILLON",
        }),
      ),
    ]);
    const sizeMb = (file: string) => (fs.statSync(file).size / 1024 / 1024).toFixed(0);
    console.log(`Generated ${ROWS.toLocaleString("en")} BAN lines (${sizeMb(banFile)} MB) and ${ROWS.toLocaleString("en")} IPE lines (${sizeMb(ipeFile)} MB) over ${communes.length} communes in ${((performance.now() - generated) / 1000).toFixed(1)} s`);

    const providers: ("sqlite" | "postgresql")[] = process.env.TEST_DATABASE_URL ? ["sqlite", "postgresql"] : ["sqlite"];
    const rows: string[][] = [];
    for (const provider of providers) {
      const database = await prepareDatabase(provider, dir);
      try {
        for (const [label, format, file] of [
          ["BAN, first import", "ban", banFile],
          ["BAN, again (unchanged)", "ban", banFile],
          ["IPE, first import", "ipe", ipeFile],
          ["IPE, again (unchanged)", "ipe", ipeFile],
        ] as const) {
          const measure = importOnce(database.url, format, file);
          const rate = Math.round(measure.counts.read! / measure.seconds);
          rows.push([provider, label, measure.counts.read!.toLocaleString("en"), measure.seconds.toFixed(1), rate.toLocaleString("en"), String(measure.maxRssMb)]);
          console.log(`${provider} ${label}: ${rate.toLocaleString("en")} rows/s, peak RSS ${measure.maxRssMb} MB (${JSON.stringify(measure.counts)})`);
        }
      } finally {
        await database.drop();
      }
    }
    console.log("\n| database | run | rows | seconds | rows/s | peak RSS (MB) |\n|---|---|---|---|---|---|");
    for (const row of rows) console.log(`| ${row.join(" | ")} |`);
    console.log("\nTargets: ≥ 20,000 rows/s on SQLite, peak RSS ≤ 400 MB.");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
