/**
 * npm run bench:batch [-- --addresses 60000 --lines 5000,50000]
 *
 * The batch check (POST /api/v1/eligibility/csv) on SQLite: builds its own database (the reference
 * communes, N synthetic BAN addresses, IPE facts on half of them, SIRENE establishments linked to a
 * fifth), writes member lists of each size mixing SIRETs (known, unknown), addresses by INSEE code,
 * by postcode + commune, numbers that do not exist and malformed lines, then checks each list in a
 * process of its own (scripts/bench/batch-worker.ts) and reports lines per second and the growth of
 * resident memory at its peak. Flat memory shows as a growth ratio near 1 between the two sizes.
 */
import "@/lib/cli/load-env";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { sqliteFilePath } from "@/lib/db/provider";
import { banHeader, banLineOf, ipeHeader, ipeLineOf, seededRandom, syntheticAddresses, type SyntheticAddress } from "@/lib/demo/synthetic";
import { benchCommunes, importOnce, prepareDatabase, root, writeLines } from "./shared";

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1]! : fallback;
}

const ADDRESSES = Number(option("addresses", "60000"));
const SIZES = option("lines", "5000,50000").split(",").map(Number);
const TARGET_LINES_PER_SECOND = 2_000;

const siretOf = (index: number) => `9${String(index).padStart(13, "0")}`;

function memberLine(address: SyntheticAddress, index: number, random: () => number, establishments: number): string {
  const { commune } = address;
  const street = `${address.streetType} ${address.streetName}`;
  const draw = random();
  if (draw < 0.35) return `Membre ${index};${siretOf(Math.floor(random() * establishments))};;;;;`;
  if (draw < 0.4) return `Membre ${index};${siretOf(establishments + index)};;;;;`;
  if (draw < 0.65) return `Membre ${index};;${address.number}${address.suffix ? ` ${address.suffix}` : ""};${street};;;${commune.inseeCode}`;
  if (draw < 0.9) return `Membre ${index};;${address.number};${street};${commune.postcode};${commune.name};`;
  if (draw < 0.97) return `Membre ${index};;${address.number + 500};${street};${commune.postcode};${commune.name};`;
  return `Membre ${index};mal formée`;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fibre-pro-bench-batch-"));
  try {
    const communes = benchCommunes();
    const addresses = Array.from(syntheticAddresses(communes, ADDRESSES));
    const banFile = path.join(dir, "ban.csv");
    const ipeFile = path.join(dir, "LIAIN_01_BENCH_PM_IPEZMD_V20_20261115_00_PBOOK.csv");
    await writeLines(banFile, [banHeader(), ...addresses.map(banLineOf)]);
    await writeLines(ipeFile, [
      ipeHeader(),
      ...addresses.filter((_, index) => index % 2 === 0).map((address, index) =>
        ipeLineOf(address, `IMB/BENCH/${index}`, {
          state: index % 3 === 0 ? "EN COURS DE DEPLOIEMENT" : "DEPLOYE", operatorCode: "FRTE", pmReference: `PM${index % 500}`,
          commercialService: "20240101", firstAvailability: "20231201", freeDedicatedFibre: index % 4 === 0 ? "O" : "N", dwellings: 1, type: "PAVILLON",
        }),
      ),
    ]);
    const database = await prepareDatabase("sqlite", dir);
    console.log(`imported ${importOnce(database.url, "ban", banFile).counts.created} addresses, ${importOnce(database.url, "ipe", ipeFile).counts.created} IPE buildings`);
    const establishments = Math.floor(ADDRESSES / 5);
    const sqlite = new Database(sqliteFilePath(database.url));
    const insert = sqlite.prepare(
      `INSERT INTO "Establishment" ("siret", "siren", "tradeName", "inseeCode", "addressId", "matchMethod", "searchName", "contentHash", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, ?, 'ban-id', ?, 'bench', ?, ?)`,
    );
    const now = new Date().toISOString();
    sqlite.transaction(() => {
      for (let index = 0; index < establishments; index++) {
        const address = addresses[(index * 5) % addresses.length]!;
        insert.run(siretOf(index), siretOf(index).slice(0, 9), `Entreprise ${index}`, address.commune.inseeCode, address.id, `entreprise ${index}`, now, now);
      }
    })();
    sqlite.close();
    console.log(`${establishments} establishments linked`);

    const results = [];
    for (const size of SIZES) {
      const random = seededRandom(size);
      const file = path.join(dir, `membres-${size}.csv`);
      await writeLines(file, [
        "nom;siret;numero;voie;code_postal;commune;code_insee",
        ...Array.from({ length: size }, (_, index) => memberLine(addresses[Math.floor(random() * addresses.length)]!, index, random, establishments)),
      ]);
      spawnSync("sync");
      const profile = process.env.BENCH_CPU_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
      const run = spawnSync(process.execPath, [...profile, "--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "bench", "batch-worker.ts"), file], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: database.url, API_RATE_LIMIT: "0" },
        encoding: "utf8",
        maxBuffer: 16 * 1024 * 1024,
      });
      if (run.status !== 0) throw new Error(`batch check of ${size} lines failed: ${run.stderr}`);
      const result = JSON.parse(run.stdout.trim().split("\n").pop()!) as { lines: number; seconds: number; rssBeforeMb: number; rssPeakMb: number };
      if (result.lines !== size) throw new Error(`${size} lines posted, ${result.lines} answered`);
      const growth = result.rssPeakMb - result.rssBeforeMb;
      results.push({ size, growth });
      console.log(
        `${size.toLocaleString("en")} lines: ${result.seconds.toFixed(1)} s, ${Math.round(size / result.seconds).toLocaleString("en")} lines/s ` +
          `(target ≥ ${TARGET_LINES_PER_SECOND.toLocaleString("en")}), peak RSS growth ${growth.toFixed(0)} MB`,
      );
    }
    if (results.length >= 2) {
      const [small, large] = [results[0]!, results[results.length - 1]!];
      console.log(`memory: ${large.size / small.size}× the lines, ${(large.growth / Math.max(1, small.growth)).toFixed(2)}× the peak RSS growth`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
