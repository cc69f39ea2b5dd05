/**
 * npm run bench:import — generates a 1,000,000-line BAN file and a 1,000,000-line IPE file of the
 * same addresses, and times their import into a fresh SQLite database (and PostgreSQL when
 * TEST_DATABASE_URL is set): rows/s and peak RSS per run, each import in its own process.
 * Targets: ≥ 30,000 rows/s for a first BAN import on SQLite and PostgreSQL, peak RSS ≤ 400 MB.
 * BENCH_ROWS changes the size; BENCH_DATABASES=sqlite|postgresql runs one database only;
 * BENCH_CPU_PROFILE=<dir> writes a V8 CPU profile of each import there.
 *
 * `npm run bench:import -- --facts`: the cost of a fact row — first imports only (BAN, then IPE:
 * one building and one FTTH fact per line, then Arcep Ma connexion internet: `base_imb` linking
 * those buildings, `actuel` with ~3.3 lines per building, a fibre fact with its operators where
 * fibre is sold), then bytes per row of each table and index.
 */
import "@/lib/cli/load-env";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  banHeader, banLineOf, ipeHeader, ipeLineOf, MCI_BUILDING_HEADER, MCI_ELIGIBILITY_HEADER, mciBuildingLineOf, mciEligibilityLineOf, syntheticAddresses,
  type SyntheticAddress,
} from "@/lib/demo/synthetic";
import { benchCommunes, importOnce, prepareDatabase, writeLines } from "./shared";
import { sizeReport, tableSizes } from "./table-sizes";

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const FACTS = process.argv.includes("--facts");
const SIZED_TABLES = ["Address", "Building", "Availability", "AvailabilityOperator", "ChangeLogEntry"] as const;

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fibre-pro-bench-"));
  try {
    const communes = benchCommunes();
    const banFile = path.join(dir, "adresses-bench.csv");
    const ipeFile = path.join(dir, "BENCH_01_RIP_PM_IPEZMD_V20_20261115_00_PBOOK.csv");
    const generated = performance.now();
    const buildingIdOf = (address: SyntheticAddress, index: number) => `IMB/${address.commune.inseeCode}/B/${index.toString(36).toUpperCase()}`;
    await writeLines(banFile, [banHeader(), ...Array.from(syntheticAddresses(communes, ROWS), banLineOf)]);
    const states = ["DEPLOYE", "DEPLOYE", "DEPLOYE", "EN COURS DE DEPLOIEMENT", "SIGNE", "CIBLE", "RACCORDABLE DEMANDE"];
    await writeLines(ipeFile, [
      ipeHeader(),
      ...Array.from(syntheticAddresses(communes, ROWS), (address, index) =>
        ipeLineOf(address, buildingIdOf(address, index), {
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
    // Ma connexion internet: every IPE building linked; fibre sold by 0–4 operators (2 on average),
    // copper by one, 4G fixed by one at a third of them: ~3.3 lines per building, as the national
    // actuel (~100 M lines) has for ~25 M buildings. Only the fibre lines become facts.
    const mciBuildingFile = path.join(dir, "base_imb_01.csv");
    const mciEligibilityFile = path.join(dir, "actuel_01.csv");
    if (FACTS) {
      const mciIdOf = (index: number) => `M${index.toString().padStart(9, "0")}`;
      await writeLines(mciBuildingFile, [
        MCI_BUILDING_HEADER,
        ...Array.from(syntheticAddresses(communes, ROWS), (address, index) =>
          mciBuildingLineOf(address, mciIdOf(index), buildingIdOf(address, index), index % 4 === 0 ? "IMMEUBLE" : "PAVILLON"),
        ),
      ]);
      const operators = ["FRTE", "SFR0", "FREE", "BOUY"];
      await writeLines(mciEligibilityFile, [
        MCI_ELIGIBILITY_HEADER,
        ...Array.from(syntheticAddresses(communes, ROWS), (address, index) => [
          ...operators.slice(0, index % 5).map((operator) => mciEligibilityLineOf(address, mciIdOf(index), buildingIdOf(address, index), operator, "FO")),
          mciEligibilityLineOf(address, mciIdOf(index), buildingIdOf(address, index), "FRTE", "CU"),
          ...(index % 3 === 0 ? [mciEligibilityLineOf(address, mciIdOf(index), buildingIdOf(address, index), "BOUY", "4GF")] : []),
        ]).flat(),
      ]);
    }
    const sizeMb = (file: string) => (fs.statSync(file).size / 1024 / 1024).toFixed(0);
    console.log(`Generated ${ROWS.toLocaleString("en")} BAN lines (${sizeMb(banFile)} MB) and ${ROWS.toLocaleString("en")} IPE lines (${sizeMb(ipeFile)} MB) over ${communes.length} communes in ${((performance.now() - generated) / 1000).toFixed(1)} s`);

    const providers = (["sqlite", "postgresql"] as const).filter(
      (provider) => (provider === "sqlite" || process.env.TEST_DATABASE_URL) && (process.env.BENCH_DATABASES ?? provider).split(",").includes(provider),
    );
    const rows: string[][] = [];
    const sizes: string[] = [];
    for (const provider of providers) {
      const database = await prepareDatabase(provider, dir);
      try {
        const runs = [
          ["BAN, first import", "ban", banFile],
          ["BAN, again (unchanged)", "ban", banFile],
          ["IPE, first import", "ipe", ipeFile],
          ["IPE, again (unchanged)", "ipe", ipeFile],
          ...(FACTS
            ? ([
                ["MCI base_imb, first import", "arcep-mci", mciBuildingFile],
                ["MCI actuel, first import", "arcep-mci", mciEligibilityFile],
              ] as const)
            : []),
        ] as const;
        for (const [label, format, file] of runs.filter(([label]) => !FACTS || label.endsWith("first import"))) {
          const measure = importOnce(database.url, format, file);
          const rate = Math.round(measure.counts.read! / measure.seconds);
          rows.push([provider, label, measure.counts.read!.toLocaleString("en"), measure.seconds.toFixed(1), rate.toLocaleString("en"), String(measure.maxRssMb)]);
          console.log(`${provider} ${label}: ${rate.toLocaleString("en")} rows/s, peak RSS ${measure.maxRssMb} MB (${JSON.stringify(measure.counts)})`);
        }
        if (FACTS) sizes.push(sizeReport(provider, await tableSizes(database.url, SIZED_TABLES)));
      } finally {
        await database.drop();
      }
    }
    console.log("\n| database | run | rows | seconds | rows/s | peak RSS (MB) |\n|---|---|---|---|---|---|");
    for (const row of rows) console.log(`| ${row.join(" | ")} |`);
    for (const report of sizes) console.log(`\n${report}`);
    console.log("\nTargets: ≥ 30,000 rows/s for a first BAN import on SQLite and PostgreSQL, peak RSS ≤ 400 MB.");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
