/**
 * npm run bench:import — generates a 1,000,000-line BAN file and a 1,000,000-line IPE file of the
 * same addresses, and times their import into a fresh SQLite database (and PostgreSQL when
 * TEST_DATABASE_URL is set): rows/s and peak RSS per run, each import in its own process.
 * Targets: ≥ 20,000 rows/s on SQLite, peak RSS ≤ 400 MB. BENCH_ROWS changes the size;
 * BENCH_CPU_PROFILE=<dir> writes a V8 CPU profile of each import there.
 */
import "@/lib/cli/load-env";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { banHeader, banLineOf, ipeHeader, ipeLineOf, syntheticAddresses } from "@/lib/demo/synthetic";
import { benchCommunes, importOnce, prepareDatabase, writeLines } from "./shared";

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);

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
