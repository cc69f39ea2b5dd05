/**
 * npm run bench:export-memory [-- --exports 50] [--port 3310]
 *
 * Do exports stream? Starts the production server (`next build` first) on a fresh SQLite demo
 * database, exports the GeoJSON (then the CSV) of the largest EPCI of the demo N times in a row,
 * and reads the server's resident memory after each: a streamed export leaves it flat.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDbClient } from "@/lib/db/client";
import { assertBuilt, prepareDemoDatabase, rssMb, startServer, stopServer } from "../ops/production-server";

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const EXPORTS = option("exports", 50);
const PORT = option("port", 3310);
const WARM_UP = 5;
const IDLE_MS = 20_000;
/** Growth from the end of the warm-up to the last export above which memory is said to grow. */
const FLAT_MB = 25;

async function largestEpci(databaseUrl: string): Promise<{ siren: string; addresses: number }> {
  const client = createDbClient(databaseUrl);
  try {
    const rows = await client.$queryRawUnsafe<{ siren: string; addresses: number | bigint }[]>(
      `SELECT c."epciSiren" AS siren, count(*) AS addresses FROM "Address" a JOIN "Commune" c ON c."inseeCode" = a."inseeCode"
       WHERE c."epciSiren" IS NOT NULL GROUP BY c."epciSiren" ORDER BY addresses DESC LIMIT 1`,
    );
    if (!rows[0]) throw new Error("the demo database has no addresses");
    return { siren: rows[0].siren, addresses: Number(rows[0].addresses) };
  } finally {
    await client.$disconnect();
  }
}

async function series(base: string, pid: number, url: string): Promise<{ rss: number[]; bytes: number; seconds: number }> {
  const rss: number[] = [];
  let bytes = 0;
  const started = performance.now();
  for (let index = 0; index < WARM_UP + EXPORTS; index++) {
    const response = await fetch(`${base}${url}`);
    if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
    // Read as a client would, chunk by chunk, without keeping the body.
    const reader = response.body!.getReader();
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
    }
    bytes = size;
    rss.push(rssMb(pid));
  }
  return { rss, bytes, seconds: (performance.now() - started) / 1000 };
}

async function main(): Promise<void> {
  assertBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fibre-pro-export-memory-"));
  const databaseUrl = `file:${path.join(dir, "demo.db")}`;
  try {
    console.log("preparing a demo database…");
    prepareDemoDatabase(databaseUrl);
    const epci = await largestEpci(databaseUrl);
    const server = await startServer(databaseUrl, PORT);
    const pid = server.process.pid!;
    try {
      console.log(`largest EPCI ${epci.siren}: ${epci.addresses} addresses; server RSS at start ${rssMb(pid)} MB`);
      let isFlat = true;
      for (const format of ["geojson", "csv"]) {
        const result = await series(server.base, pid, `/api/v1/exports/availability.${format}?epci=${epci.siren}`);
        const afterWarmUp = result.rss[WARM_UP - 1]!;
        const last = result.rss.at(-1)!;
        const peak = Math.max(...result.rss);
        const growth = Math.round((last - afterWarmUp) * 10) / 10;
        isFlat &&= growth < FLAT_MB;
        console.log(
          `${format}: ${EXPORTS} exports of ${(result.bytes / 1e6).toFixed(1)} MB after ${WARM_UP} warm-up, ${result.seconds.toFixed(1)} s; ` +
            `RSS after warm-up ${afterWarmUp} MB, peak ${peak} MB, last ${last} MB (growth ${growth} MB)`,
        );
        console.log(`  RSS every 5 exports: ${result.rss.filter((_, index) => index % 5 === 4).join(", ")}`);
        await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
        console.log(`  RSS after ${IDLE_MS / 1000} s idle: ${rssMb(pid)} MB`);
      }
      console.log(isFlat ? `flat: less than ${FLAT_MB} MB of growth over the exports` : `GROWING: more than ${FLAT_MB} MB over the exports`);
      process.exitCode = isFlat ? 0 : 1;
    } finally {
      await stopServer(server);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
