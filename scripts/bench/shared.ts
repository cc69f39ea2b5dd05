/** What the benchmarks share: the communes they spread addresses over, files, scratch databases, imports. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { seededRandom, type SyntheticCommune } from "@/lib/demo/synthetic";
import { createDbClient } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { createScratchDatabase } from "@/lib/db/scratch-database";
import { readDecoupageAdministratif, toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";

export const root = path.resolve(__dirname, "..", "..");
const DEPARTEMENTS = new Set(["01", "38", "42", "69", "73", "74"]);

export async function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  const out = fs.createWriteStream(file);
  for (const line of lines) {
    if (!out.write(`${line}\n`)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise((resolve) => out.end(resolve));
}

/** The communes of six départements of Auvergne-Rhône-Alpes, at invented positions. */
export function benchCommunes(): SyntheticCommune[] {
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

/**
 * A migrated database with the reference data: a SQLite file in `dir` (`bench.db` unless named),
 * or a scratch PostgreSQL database.
 */
export async function prepareDatabase(provider: "sqlite" | "postgresql", dir: string, sqliteFile = "bench.db"): Promise<{ url: string; drop: () => Promise<void> }> {
  let url: string;
  let drop = async () => {};
  if (provider === "sqlite") {
    url = `file:${path.join(dir, sqliteFile)}`;
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

export interface ImportMeasure {
  counts: Record<string, number>;
  seconds: number;
  maxRssMb: number;
}

/**
 * One import in its own process (so its peak memory is its own), started once the disk has written
 * what the steps before left in the page cache (generated files, the previous import's checkpoint):
 * otherwise that writeback competes with this import's own writes and the figure depends on the
 * step before it.
 */
export function importOnce(url: string, format: string, file: string): ImportMeasure {
  spawnSync("sync");
  const profile = process.env.BENCH_CPU_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
  // Node flags for the import process only (not the server measured after it): "--max-semi-space-size=64".
  const flags = (process.env.BENCH_IMPORT_NODE_FLAGS ?? "").split(" ").filter(Boolean);
  const result = spawnSync(process.execPath, [...profile, ...flags, "--import", "tsx", path.join(root, "scripts", "bench", "import-worker.ts"), format, file], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`${format} import failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").pop()!) as ImportMeasure;
}
